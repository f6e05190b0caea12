import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { NODE_FLAGS } from '../src/nodeFlags.ts'
import { type LoadRun, runLoad } from './fanOut.ts'
import { writeBoards } from './lib/boards.ts'
import {
  type BenchServer,
  startOurServer,
  startReferenceServer,
  startSwarm,
  wallNow,
} from './lib/processes.ts'
import { type BenchOptions, type BenchResult, mib, ms, type Row } from './lib/report.ts'
import { round, slope } from './lib/stats.ts'
import { boardUpdate } from './lib/tldrawDoc.ts'

type Mem = { memory: NodeJS.MemoryUsage }

async function heapPerBoard(
  server: BenchServer,
  urls: string[],
  fill?: Uint8Array,
  options: { editThenQuiet?: boolean } = {},
): Promise<{ withClient: number; withoutClient: number | null; rssPerBoard: number }> {
  const swarm = startSwarm()
  try {
    // Warm-up: one board opened and closed first, so code and ws buffers are not counted per board.
    await swarm.request('hold', { urls: urls.slice(0, 1), fill: fill && [...fill] })
    const before = await server.child.request<Mem>('gc')
    await swarm.request('hold', { urls: urls.slice(1), fill: fill && [...fill] })
    if (options.editThenQuiet) {
      // Every board edited once (its room builds its document), then left quiet until it hibernated again.
      const from = server.child.events.length
      await swarm.request('editHeld')
      for (const url of urls) {
        const boardId = decodeURIComponent(new URL(url).pathname.split('/').at(-1) ?? '')
        await server.child.waitFor(
          (e) => e.event === 'hibernation' && e.state === 'hibernated' && e.boardId === boardId,
          60_000,
          from,
        )
      }
    }
    const loaded = await server.child.request<Mem>('gc')
    const n = urls.length - 1
    // JS heap plus ArrayBuffer memory (a hibernating board's bytes live in an ArrayBuffer, outside the heap).
    const used = (m: Mem) => m.memory.heapUsed + m.memory.arrayBuffers
    const withClient = (used(loaded) - used(before)) / n
    const rssPerBoard = (loaded.memory.rss - before.memory.rss) / n
    await swarm.request('releaseHeld')
    // Our rooms stay loaded through the grace period: the same boards, now without a connection.
    let withoutClient: number | null = null
    if (server.kind === 'ours') {
      const idle = await server.child.request<Mem>('gc')
      withoutClient = (used(idle) - used(before)) / n
    }
    return { withClient, withoutClient, rssPerBoard }
  } finally {
    await swarm.stop()
  }
}

const bench = '4 memory'

/** (a) heap per idle loaded board, ours against the reference holding the same documents. */
async function heapPart(quick: boolean, update: Uint8Array) {
  const rows: Row[] = []
  const boards = quick ? 40 : 100
  const dataDir = mkdtempSync(join(tmpdir(), 'wt-bench-mem-'))
  const written = await writeBoards(
    dataDir,
    Array.from({ length: boards + 1 }, (_, i) => ({ id: `memory-board-${i}`, update })),
  )
  // Ours three ways: as configured by default (compacted boards open asleep: their encoded state only); edited,
  // then quiet for HIBERNATE_AFTER_MS (2 s here, 30 s by default: the figure does not depend on it); and with
  // hibernation off, a live Y.Doc per board like the reference.
  const measureOurs = async (env: Record<string, string>, editThenQuiet: boolean) => {
    const ours = await startOurServer({ UNLOAD_GRACE_MS: '600000', ...env }, { dataDir, exposeGc: true })
    return heapPerBoard(
      ours,
      written.map((b) => ours.syncUrl(b.id, b.token)),
      undefined,
      { editThenQuiet },
    ).finally(() => ours.stop())
  }
  const oursHeap = await measureOurs({}, false)
  const oursQuiet = await measureOurs({ HIBERNATE_AFTER_MS: '2000' }, true)
  const oursAwake = await measureOurs({ HIBERNATE_AFTER_MS: '0' }, false)
  const ref = await startReferenceServer({ exposeGc: true })
  const refHeap = await heapPerBoard(
    ref,
    Array.from({ length: boards + 1 }, (_, i) => ref.syncUrl(`memory-board-${i}`)),
    update,
  ).finally(() => ref.stop())
  rows.push({
    bench,
    metric: `heap + ArrayBuffers per loaded 500-shape board, idle client (${boards} boards)`,
    measured: `${round(oursHeap.withClient / 1024)} KiB`,
    baseline: `ref ${round(refHeap.withClient / 1024)} KiB`,
    target: '< 1 MB',
    pass: oursHeap.withClient < 1_000_000,
  })
  rows.push({
    bench,
    metric: 'heap + ArrayBuffers per board, edited once and then quiet (hibernated)',
    measured: `${round(oursQuiet.withClient / 1024)} KiB`,
    baseline: `ref ${round(refHeap.withClient / 1024)} KiB`,
    target: '< 1 MB',
    pass: oursQuiet.withClient < 1_000_000,
  })
  rows.push({
    bench,
    metric: 'heap + ArrayBuffers per board with hibernation off (HIBERNATE_AFTER_MS=0: a live Y.Doc)',
    measured: `${round(oursAwake.withClient / 1024)} KiB`,
    baseline: `ref ${round(refHeap.withClient / 1024)} KiB`,
    target: 'reported',
    pass: null,
  })
  rows.push({
    bench,
    metric: 'heap + ArrayBuffers per board after its client left (in grace)',
    measured: `${round((oursHeap.withoutClient ?? Number.NaN) / 1024)} KiB`,
    baseline: '—',
    target: '< 1 MB',
    pass: (oursHeap.withoutClient ?? Number.POSITIVE_INFINITY) < 1_000_000,
  })
  return {
    rows,
    data: {
      boards,
      heapPerBoard: { ours: oursHeap, oursQuiet, oursAwake, reference: refHeap },
    },
  }
}

/** (b) unload after the last client leaves, with the default UNLOAD_GRACE_MS (shortened only in --quick). */
async function unloadPart(quick: boolean, update: Uint8Array) {
  const graceEnv: Record<string, string> = quick ? { UNLOAD_GRACE_MS: '3000' } : {}
  const unloadDir = mkdtempSync(join(tmpdir(), 'wt-bench-unload-'))
  const [board] = await writeBoards(unloadDir, [{ id: 'unload-board-a', update }])
  const server = await startOurServer(graceEnv, { dataDir: unloadDir })
  const swarm = startSwarm()
  let unloadMs = Number.NaN
  try {
    await swarm.request('hold', { urls: [server.syncUrl(board!.id, board!.token)] })
    const from = server.child.events.length
    const left = wallNow()
    await swarm.request('releaseHeld')
    const unloaded = await server.child.waitFor(
      (e) => e.event === 'unloaded' && e.boardId === board!.id,
      120_000,
      from,
    )
    unloadMs = unloaded.at - left
  } finally {
    await swarm.stop()
    await server.stop()
  }
  const row: Row = {
    bench,
    metric: `unloaded after last client left (UNLOAD_GRACE_MS ${quick ? '3000, --quick' : 'default 30000'})`,
    measured: `${(unloadMs / 1000).toFixed(2)} s (\`unloaded\` event)`,
    baseline: '—',
    target: '≤ 60 s',
    pass: unloadMs <= 60_000,
  }
  return { rows: [row], data: { unloadMs } }
}

type MemDetail = Mem & {
  heap: {
    malloced_memory: number
    peak_malloced_memory: number
    external_memory: number
    total_heap_size: number
    total_physical_size: number
  }
  spaces: Record<string, { size: number; used: number }>
  regions: Record<string, number>
  smaps: Record<string, number>
  resources: Record<string, number>
}

type CycleSample = {
  cycles: number
  rss: number
  heapUsed: number
  external: number
  arrayBuffers: number
  /** V8's malloc'd memory outside the JS heap (zone, compiler) and what it counts as external. */
  mallocedMemory: number
  /** The most V8 ever had malloc'd at once so far (parser and compiler zones): a peak the allocator may keep. */
  peakMallocedMemory: number
  /** Anonymous resident memory from /proc/<pid>/smaps_rollup: the native heap (malloc) plus V8's heap. */
  anonymous: number
  /** V8's heap as the OS sees it (committed and touched) and the young generation's share of its size. */
  v8Physical: number
  newSpace: number
  /** Resident bytes by kind of mapping (see `residentByRegion`: brk, arenas, v8, code, files, other). */
  regions: Record<string, number>
  loadedBoards: number
  resources: Record<string, number>
}

const KIB_PER_1K = (bytesPer1k: number) => `${Math.round(bytesPer1k / 1024)} KiB/1k`

/**
 * (c) RSS over open/sync/close cycles on 20 small boards; grace 0, so every close also unloads (and compacts)
 * its board. Sampled after a full GC every `chunk` cycles; the slope is a least-squares fit over the samples.
 * `env` and `nodeArgs` are passed to the server process (e.g. MALLOC_ARENA_MAX or --max-semi-space-size, to compare
 * allocator and V8 settings).
 *
 * Warm-up: V8 grows its young generation (new space) under this allocation rate, in steps up to its maximum
 * (128 MiB on this machine), and keeps it; that ramp is a one-off, not growth per cycle. So warm-up chunks run
 * until the new space did not grow over a chunk (at most 5 chunks) before the first sample.
 */
export async function rssOverCycles(
  cycles: number,
  options: { chunk?: number; env?: Record<string, string>; nodeArgs?: string[] } = {},
) {
  const chunk = options.chunk ?? Math.max(100, Math.min(1_000, Math.round(cycles / 10)))
  const cycleDir = mkdtempSync(join(tmpdir(), 'wt-bench-cycles-'))
  const small = boardUpdate(50, 3)
  const cycleBoards = await writeBoards(
    cycleDir,
    Array.from({ length: 20 }, (_, i) => ({ id: `cycle-board-${i}`, update: small })),
  )
  const cycler = await startOurServer(
    { UNLOAD_GRACE_MS: '0', ...options.env },
    { dataDir: cycleDir, exposeGc: true, ...(options.nodeArgs ? { nodeArgs: options.nodeArgs } : {}) },
  )
  const cyclerSwarm = startSwarm()
  const samples: CycleSample[] = []
  let failed = 0
  let warmupCycles = 0
  try {
    const urls = cycleBoards.map((b) => cycler.syncUrl(b.id, b.token))
    const newSpace = async () => (await cycler.child.request<MemDetail>('memDetail')).spaces.new_space?.size
    let before = await newSpace()
    for (let i = 0; i < 5; i++) {
      await cyclerSwarm.request('cycles', { urls, count: chunk, concurrency: 10 }) // warm-up, not counted
      warmupCycles += chunk
      const after = await newSpace()
      if (i > 0 && after === before) break
      before = after
    }
    const sample = async (done: number) => {
      // The last close of a chunk may still be unloading its board: wait (bounded) until none is loaded.
      for (let i = 0; i < 100 && (await cycler.child.request<number>('loadedBoards')) > 0; i++) {
        await new Promise((resolve) => setTimeout(resolve, 20))
      }
      const m = await cycler.child.request<MemDetail>('memDetail')
      samples.push({
        cycles: done,
        rss: m.memory.rss,
        heapUsed: m.memory.heapUsed,
        external: m.memory.external,
        arrayBuffers: m.memory.arrayBuffers,
        mallocedMemory: m.heap.malloced_memory,
        peakMallocedMemory: m.heap.peak_malloced_memory,
        anonymous: m.smaps.Anonymous ?? Number.NaN,
        v8Physical: m.heap.total_physical_size,
        newSpace: m.spaces.new_space?.size ?? Number.NaN,
        regions: m.regions,
        loadedBoards: await cycler.child.request<number>('loadedBoards'),
        resources: m.resources,
      })
      const s = samples.at(-1)!
      console.error(
        `  cycles ${done}: rss ${mib(s.rss)}, anon ${mib(s.anonymous)}, v8 physical ${mib(s.v8Physical)}, new space ${mib(s.newSpace)}, V8 peak malloc ${mib(s.peakMallocedMemory)}, heap ${mib(s.heapUsed)}, external ${mib(s.external)}, arrayBuffers ${mib(s.arrayBuffers)}, loaded ${s.loadedBoards}; resident ${Object.entries(
          s.regions,
        )
          .map(([k, v]) => `${k} ${mib(v)}`)
          .join(', ')}`,
      )
    }
    await sample(0)
    for (let done = 0; done < cycles; done += chunk) {
      const r = await cyclerSwarm.request<{ failed: number }>('cycles', {
        urls,
        count: Math.min(chunk, cycles - done),
        concurrency: 10,
      })
      failed += r.failed
      await sample(Math.min(done + chunk, cycles))
    }
  } finally {
    await cyclerSwarm.stop()
    await cycler.stop()
  }
  const xs = samples.map((s) => s.cycles / 1000)
  const slopeOf = (pick: (s: CycleSample) => number) => slope(xs, samples.map(pick))
  const slopes = {
    rss: slopeOf((s) => s.rss),
    anonymous: slopeOf((s) => s.anonymous),
    v8Physical: slopeOf((s) => s.v8Physical),
    heapUsed: slopeOf((s) => s.heapUsed),
    external: slopeOf((s) => s.external),
    arrayBuffers: slopeOf((s) => s.arrayBuffers),
    mallocedMemory: slopeOf((s) => s.mallocedMemory),
  }
  // Over the second half only: a slope that is still there once start-up effects are past.
  const tail = samples.slice(Math.floor(samples.length / 2))
  const rssSlopeSecondHalf = slope(
    tail.map((s) => s.cycles / 1000),
    tail.map((s) => s.rss),
  )
  const first = samples[0]!
  const last = samples.at(-1)!
  const envNote =
    options.env && Object.keys(options.env).length > 0 ? `, env ${JSON.stringify(options.env)}` : ''
  const row: Row = {
    bench,
    metric: `RSS over ${cycles.toLocaleString('en')} open/sync/close cycles (start → end, slope${envNote})`,
    measured:
      `${mib(first.rss)} → ${mib(last.rss)}, ${KIB_PER_1K(slopes.rss)} cycles (2nd half ${KIB_PER_1K(rssSlopeSecondHalf)}); ` +
      `heap ${mib(first.heapUsed)} → ${mib(last.heapUsed)}, external ${mib(first.external)} → ${mib(last.external)}, ` +
      `arrayBuffers ${mib(first.arrayBuffers)} → ${mib(last.arrayBuffers)}`,
    baseline: '—',
    target: 'flat: slope < 512 KiB/1k cycles',
    pass: slopes.rss < 512 * 1024 && failed === 0,
  }
  return {
    row,
    data: {
      samples,
      chunk,
      warmupCycles,
      env: options.env ?? {},
      nodeArgs: options.nodeArgs ?? NODE_FLAGS,
      rssSlopeBytesPer1k: slopes.rss,
      rssSlopeSecondHalfBytesPer1k: rssSlopeSecondHalf,
      heapSlopeBytesPer1k: slopes.heapUsed,
      slopesBytesPer1k: slopes,
      failed,
    },
  }
}

/**
 * (d) What the production V8 flags (`apps/server/node-flags`, e.g. smaller young-generation semi-spaces, which keep
 * (c) flat and ~96 MiB less resident) cost: the 200 boards × 10 clients load of benchmark 2 on a server with them
 * and one with V8's defaults, in the order A B B A so drift in the machine's load falls on both; server CPU per edit
 * and edit → peer p99, each the mean of its two runs.
 */
async function flagsCost(quick: boolean): Promise<{ row: Row; data: Record<string, unknown> }> {
  const shape = { boards: 200, clientsPerBoard: 10, rate: 0.2, steadyMs: quick ? 8_000 : 30_000, bursts: 0 }
  const runs: Array<{ flags: string[]; run: LoadRun }> = []
  for (const flags of [NODE_FLAGS, [], [], NODE_FLAGS]) {
    runs.push({
      flags: [...flags],
      run: await runLoad(() => startOurServer({}, { nodeArgs: [...flags] }), shape),
    })
  }
  const mean = (withFlags: boolean, pick: (r: LoadRun) => number) => {
    const xs = runs.filter((r) => r.flags.length > 0 === withFlags).map((r) => pick(r.run))
    return xs.reduce((a, b) => a + b, 0) / xs.length
  }
  const cpu = (f: boolean) => mean(f, (r) => r.steady.cpuMsPerEdit)
  const p99 = (f: boolean) => mean(f, (r) => r.steady.latency.p99)
  const rss = (f: boolean) => mean(f, (r) => r.maxRssBytes)
  return {
    row: {
      bench,
      metric: `production V8 flags (${NODE_FLAGS.join(' ')}) under the 200×10 load: server CPU per edit / p99 / max RSS`,
      measured: `${cpu(true).toFixed(3)} ms / ${ms(p99(true))} / ${mib(rss(true))} (CPU ${(cpu(true) / cpu(false)).toFixed(2)}× defaults)`,
      baseline: `V8 defaults ${cpu(false).toFixed(3)} ms / ${ms(p99(false))} / ${mib(rss(false))}`,
      target: 'reported',
      pass: null,
    },
    data: { shape, runs },
  }
}

/**
 * Benchmark 4: heap per idle 500-shape board (a), unload after the grace period (b), RSS over open/close
 * cycles (c), the production V8 flags' cost (d). `parts` picks some of them (`--parts c`), `cycles` sets the count for (c) (`--cycles 10000`).
 */
export async function memory({ quick, parts, cycles }: BenchOptions): Promise<BenchResult> {
  const rows: Row[] = []
  const data: Record<string, unknown> = {}
  const wanted = (part: string) => !parts || parts.includes(part)
  const update = boardUpdate(500, 4)
  if (wanted('a')) {
    const a = await heapPart(quick, update)
    rows.push(...a.rows)
    Object.assign(data, a.data, { boardBytes: update.byteLength })
  }
  if (wanted('b')) {
    const b = await unloadPart(quick, update)
    rows.push(...b.rows)
    Object.assign(data, b.data)
  }
  if (wanted('c')) {
    // BENCH_CYCLES_NODE_ARGS (space-separated) runs the server with other V8 flags than production's, to compare.
    const nodeArgs = process.env.BENCH_CYCLES_NODE_ARGS?.split(' ').filter(Boolean)
    const c = await rssOverCycles(cycles ?? (quick ? 2_000 : 10_000), nodeArgs ? { nodeArgs } : {})
    rows.push(c.row)
    data.cycles = c.data
  }
  if (wanted('d')) {
    const d = await flagsCost(quick)
    rows.push(d.row)
    data.flagsCost = d.data
  }
  return { rows, data }
}
