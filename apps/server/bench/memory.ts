import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { writeBoards } from './lib/boards.ts'
import {
  type BenchServer,
  startOurServer,
  startReferenceServer,
  startSwarm,
  wallNow,
} from './lib/processes.ts'
import { type BenchOptions, type BenchResult, mib, type Row } from './lib/report.ts'
import { round, slope } from './lib/stats.ts'
import { boardUpdate } from './lib/tldrawDoc.ts'

type Mem = { memory: NodeJS.MemoryUsage }

async function heapPerBoard(
  server: BenchServer,
  urls: string[],
  fill?: Uint8Array,
): Promise<{ withClient: number; withoutClient: number | null; rssPerBoard: number }> {
  const swarm = startSwarm()
  try {
    // Warm-up: one board opened and closed first, so code and ws buffers are not counted per board.
    await swarm.request('hold', { urls: urls.slice(0, 1), fill: fill && [...fill] })
    const before = await server.child.request<Mem>('gc')
    await swarm.request('hold', { urls: urls.slice(1), fill: fill && [...fill] })
    const loaded = await server.child.request<Mem>('gc')
    const n = urls.length - 1
    const withClient = (loaded.memory.heapUsed - before.memory.heapUsed) / n
    const rssPerBoard = (loaded.memory.rss - before.memory.rss) / n
    await swarm.request('releaseHeld')
    // Our rooms stay loaded through the grace period: the same boards, now without a connection.
    let withoutClient: number | null = null
    if (server.kind === 'ours') {
      const idle = await server.child.request<Mem>('gc')
      withoutClient = (idle.memory.heapUsed - before.memory.heapUsed) / n
    }
    return { withClient, withoutClient, rssPerBoard }
  } finally {
    await swarm.stop()
  }
}

/** Benchmark 4: heap per idle 500-shape board, unload after the grace period, RSS over open/close cycles. */
export async function memory({ quick }: BenchOptions): Promise<BenchResult> {
  const rows: Row[] = []
  const bench = '4 memory'
  const boards = quick ? 40 : 100
  const update = boardUpdate(500, 4)

  // (a) heap per idle loaded board, ours against the reference holding the same documents.
  const dataDir = mkdtempSync(join(tmpdir(), 'wt-bench-mem-'))
  const written = await writeBoards(
    dataDir,
    Array.from({ length: boards + 1 }, (_, i) => ({ id: `memory-board-${i}`, update })),
  )
  const ours = await startOurServer({ UNLOAD_GRACE_MS: '600000' }, { dataDir, exposeGc: true })
  const oursHeap = await heapPerBoard(
    ours,
    written.map((b) => ours.syncUrl(b.id, b.token)),
  ).finally(() => ours.stop())
  const ref = await startReferenceServer({ exposeGc: true })
  const refHeap = await heapPerBoard(
    ref,
    Array.from({ length: boards + 1 }, (_, i) => ref.syncUrl(`memory-board-${i}`)),
    update,
  ).finally(() => ref.stop())
  rows.push({
    bench,
    metric: `heap per loaded 500-shape board, idle client (${boards} boards)`,
    measured: `${round(oursHeap.withClient / 1024)} KiB`,
    baseline: `ref ${round(refHeap.withClient / 1024)} KiB`,
    target: '< 1 MB',
    pass: oursHeap.withClient < 1_000_000,
  })
  rows.push({
    bench,
    metric: 'heap per loaded board after its client left (in grace)',
    measured: `${round((oursHeap.withoutClient ?? Number.NaN) / 1024)} KiB`,
    baseline: '—',
    target: '< 1 MB',
    pass: (oursHeap.withoutClient ?? Number.POSITIVE_INFINITY) < 1_000_000,
  })

  // (b) unload after the last client leaves, with the default UNLOAD_GRACE_MS (shortened only in --quick).
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
  rows.push({
    bench,
    metric: `unloaded after last client left (UNLOAD_GRACE_MS ${quick ? '3000, --quick' : 'default 30000'})`,
    measured: `${(unloadMs / 1000).toFixed(2)} s (\`unloaded\` event)`,
    baseline: '—',
    target: '≤ 60 s',
    pass: unloadMs <= 60_000,
  })

  // (c) RSS over open/close cycles; grace 0, so every close also unloads (and compacts) its board.
  const cycles = quick ? 2_000 : 10_000
  const chunk = quick ? 250 : 1_000
  const cycleDir = mkdtempSync(join(tmpdir(), 'wt-bench-cycles-'))
  const small = boardUpdate(50, 3)
  const cycleBoards = await writeBoards(
    cycleDir,
    Array.from({ length: 20 }, (_, i) => ({ id: `cycle-board-${i}`, update: small })),
  )
  const cycler = await startOurServer({ UNLOAD_GRACE_MS: '0' }, { dataDir: cycleDir, exposeGc: true })
  const cyclerSwarm = startSwarm()
  const samples: { cycles: number; rss: number; heapUsed: number }[] = []
  let failed = 0
  try {
    const urls = cycleBoards.map((b) => cycler.syncUrl(b.id, b.token))
    await cyclerSwarm.request('cycles', { urls, count: chunk, concurrency: 10 }) // warm-up, not counted
    const sample = async (done: number) => {
      const m = await cycler.child.request<Mem>('gc')
      samples.push({ cycles: done, rss: m.memory.rss, heapUsed: m.memory.heapUsed })
    }
    await sample(0)
    for (let done = 0; done < cycles; done += chunk) {
      const r = await cyclerSwarm.request<{ failed: number }>('cycles', {
        urls,
        count: chunk,
        concurrency: 10,
      })
      failed += r.failed
      await sample(done + chunk)
    }
  } finally {
    await cyclerSwarm.stop()
    await cycler.stop()
  }
  const rssSlope = slope(
    samples.map((s) => s.cycles / 1000),
    samples.map((s) => s.rss),
  )
  const heapSlope = slope(
    samples.map((s) => s.cycles / 1000),
    samples.map((s) => s.heapUsed),
  )
  const first = samples[0]!
  const last = samples.at(-1)!
  rows.push({
    bench,
    metric: `RSS over ${cycles.toLocaleString('en')} open/sync/close cycles (start → end, slope)`,
    measured: `${mib(first.rss)} → ${mib(last.rss)}, ${round(rssSlope / 1024)} KiB/1k cycles; heap ${mib(first.heapUsed)} → ${mib(last.heapUsed)}`,
    baseline: '—',
    target: 'flat: slope < 512 KiB/1k cycles',
    pass: rssSlope < 512 * 1024 && failed === 0,
  })
  return {
    rows,
    data: {
      boards,
      boardBytes: update.byteLength,
      heapPerBoard: { ours: oursHeap, reference: refHeap },
      unloadMs,
      cycles: { samples, rssSlopeBytesPer1k: rssSlope, heapSlopeBytesPer1k: heapSlope, failed },
    },
  }
}
