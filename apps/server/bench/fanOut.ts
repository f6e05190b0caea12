import { boardUrls } from './lib/boards.ts'
import type { Pauses } from './lib/probe.ts'
import {
  type BenchServer,
  cpuShare,
  type ServerKind,
  startOurServer,
  startReferenceServer,
  startSwarm,
} from './lib/processes.ts'
import { type BenchOptions, type BenchResult, ms, pct, type Row } from './lib/report.ts'
import type { Summary } from './lib/stats.ts'

type Phase = { latency: Summary; allPeers: Summary; edits: number; missing: number }
export type LoadRun = {
  server: ServerKind
  steady: Phase & { cpuShare: number; cpuMsPerEdit: number; pauses?: { server: Pauses; clients: Pauses } }
  burst: Phase & { cpuShare: number; cpuMsPerEdit: number }
  maxRssBytes: number
  connectMs: number
}

/**
 * Puts `boards` × `clientsPerBoard` clients on one server (a fresh process), warms up, then measures a steady
 * phase (each client `rate` edits/s, spread evenly) and bursts (every client edits at once).
 */
export async function runLoad(
  start: () => Promise<BenchServer>,
  shape: { boards: number; clientsPerBoard: number; rate: number; steadyMs: number; bursts: number },
): Promise<LoadRun> {
  const server = await start()
  const swarm = startSwarm()
  try {
    const urls = await boardUrls(server, shape.boards)
    const connected = await swarm.request<{ ms: number }>('connect', {
      urls,
      clientsPerBoard: shape.clientsPerBoard,
    })
    await swarm.request('steady', { ratePerClient: shape.rate, durationMs: Math.min(3000, shape.steadyMs) })
    let maxRss = 0
    const sampler = setInterval(() => {
      server.child
        .stats()
        .then((s) => {
          maxRss = Math.max(maxRss, s.memory.rss)
        })
        .catch(() => {})
    }, 1000)
    const s0 = await server.child.stats()
    // GC pauses and event-loop delay in the server and in the clients' process, over the steady phase.
    await Promise.all([server.child.request('pauses'), swarm.request('pauses')])
    const steady = await swarm.request<Phase>('steady', {
      ratePerClient: shape.rate,
      durationMs: shape.steadyMs,
    })
    const [serverPauses, clientPauses] = await Promise.all([
      server.child.request<Pauses>('pauses'),
      swarm.request<Pauses>('pauses'),
    ])
    const s1 = await server.child.stats()
    const burst = await swarm.request<Phase>('burst', { count: shape.bursts, gapMs: 200 })
    const s2 = await server.child.stats()
    clearInterval(sampler)
    maxRss = Math.max(maxRss, s0.memory.rss, s1.memory.rss, s2.memory.rss)
    const cpu = (a: typeof s0, b: typeof s0, edits: number) => {
      const c = cpuShare(a, b)
      return { cpuShare: c.share, cpuMsPerEdit: c.cpuMs / Math.max(1, edits) }
    }
    await swarm.request('closeAll')
    return {
      server: server.kind,
      steady: {
        ...steady,
        ...cpu(s0, s1, steady.edits),
        pauses: { server: serverPauses, clients: clientPauses },
      },
      burst: { ...burst, ...cpu(s1, s2, burst.edits) },
      maxRssBytes: maxRss,
      connectMs: connected.ms,
    }
  } finally {
    await swarm.stop()
    await server.stop()
  }
}

/** Two runs of one server as one: percentiles and CPU averaged, the maximum the larger. */
function meanOf(a: LoadRun, b: LoadRun): LoadRun {
  const summary = (x: Summary, y: Summary): Summary => ({
    count: x.count + y.count,
    p50: (x.p50 + y.p50) / 2,
    p95: (x.p95 + y.p95) / 2,
    p99: (x.p99 + y.p99) / 2,
    max: Math.max(x.max, y.max),
  })
  const phase = (x: LoadRun['steady'], y: LoadRun['steady']): LoadRun['steady'] => ({
    latency: summary(x.latency, y.latency),
    allPeers: summary(x.allPeers, y.allPeers),
    edits: x.edits + y.edits,
    missing: x.missing + y.missing,
    cpuShare: (x.cpuShare + y.cpuShare) / 2,
    cpuMsPerEdit: (x.cpuMsPerEdit + y.cpuMsPerEdit) / 2,
  })
  return {
    server: a.server,
    steady: phase(a.steady, b.steady),
    burst: phase(a.burst, b.burst),
    maxRssBytes: Math.max(a.maxRssBytes, b.maxRssBytes),
    connectMs: (a.connectMs + b.connectMs) / 2,
  }
}

const compare = (
  bench: string,
  metric: string,
  ours: Summary,
  ref: Summary,
  runs: { ours: number[]; reference: number[] },
  extra = '',
): Row => ({
  bench,
  metric,
  measured: `p50 ${ms(ours.p50)} / p95 ${ms(ours.p95)} / p99 ${ms(ours.p99)} (runs: p99 ${runs.ours.map(ms).join(', ')})`,
  baseline: `ref p50 ${ms(ref.p50)} / p95 ${ms(ref.p95)} / p99 ${ms(ref.p99)} (runs: p99 ${runs.reference.map(ms).join(', ')})`,
  target: `p99 ≤ reference${extra}`,
  pass: ours.p99 <= ref.p99,
})

/**
 * Benchmark 1: 10, 50 and 100 clients on one board, our server and the reference under the same load. Each server
 * runs twice per size, in the order A B B A (B A A B for the next size), and each figure is the mean of its two
 * runs: drift in the machine's load falls on both servers alike.
 */
export async function fanOut({ quick }: BenchOptions): Promise<BenchResult> {
  const rows: Row[] = []
  const runs: Record<string, { ours: LoadRun[]; reference: LoadRun[] }> = {}
  const steadyMs = quick ? 6_000 : 30_000
  const bursts = quick ? 5 : 20
  for (const [i, n] of [10, 50, 100].entries()) {
    const shape = { boards: 1, clientsPerBoard: n, rate: 1, steadyMs, bursts }
    const [first, second]: [ServerKind, ServerKind] =
      i % 2 === 0 ? ['ours', 'reference'] : ['reference', 'ours']
    const pair: Record<ServerKind, LoadRun[]> = { ours: [], reference: [] }
    for (const kind of [first, second, second, first]) {
      pair[kind].push(
        await runLoad(kind === 'ours' ? () => startOurServer() : () => startReferenceServer(), shape),
      )
    }
    runs[`clients${n}`] = pair
    const ours = meanOf(pair.ours[0]!, pair.ours[1]!)
    const reference = meanOf(pair.reference[0]!, pair.reference[1]!)
    const p99s = (pick: 'steady' | 'burst') => ({
      ours: pair.ours.map((r) => r[pick].latency.p99),
      reference: pair.reference.map((r) => r[pick].latency.p99),
    })
    const bench = `1 fan-out ${n} clients`
    const steadyRow = compare(
      bench,
      'steady 1 edit/s each: edit → peer (mean of 2 runs each)',
      ours.steady.latency,
      reference.steady.latency,
      p99s('steady'),
    )
    if (n === 50) {
      steadyRow.target = 'p99 ≤ reference and ≤ 15 ms'
      steadyRow.pass =
        ours.steady.latency.p99 <= reference.steady.latency.p99 && ours.steady.latency.p99 <= 15
    }
    rows.push(steadyRow)
    rows.push(
      compare(
        bench,
        `burst (all ${n} at once) ×${bursts}: edit → peer`,
        ours.burst.latency,
        reference.burst.latency,
        p99s('burst'),
      ),
    )
    const pauses = (side: 'server' | 'clients', server: ServerKind) => {
      const gc = pair[server].flatMap((r) => Object.values(r.steady.pauses?.[side].gc ?? {}))
      const total = gc.reduce((t, k) => t + k.totalMs, 0) / pair[server].length
      const max = Math.max(0, ...gc.map((k) => k.maxMs))
      return `${side} GC ${total.toFixed(0)} ms/run, longest ${max.toFixed(1)} ms`
    }
    rows.push({
      bench,
      metric: 'pauses in the steady phase (GC on the main thread)',
      measured: `${pauses('server', 'ours')}; ${pauses('clients', 'ours')}`,
      baseline: `ref ${pauses('server', 'reference')}; ${pauses('clients', 'reference')}`,
      target: 'reported',
      pass: null,
    })
    rows.push({
      bench,
      metric: 'server CPU steady / burst',
      measured: `${pct(ours.steady.cpuShare)} / ${pct(ours.burst.cpuShare)}`,
      baseline: `ref ${pct(reference.steady.cpuShare)} / ${pct(reference.burst.cpuShare)}`,
      target: 'reported',
      pass: null,
    })
    const missing = ours.steady.missing + ours.burst.missing
    if (missing + reference.steady.missing + reference.burst.missing > 0) {
      rows.push({
        bench,
        metric: 'arrivals missing',
        measured: String(missing),
        baseline: `ref ${reference.steady.missing + reference.burst.missing}`,
        target: '0',
        pass: missing === 0,
      })
    }
  }
  return { rows, data: runs }
}
