import { type LoadRun, runLoad } from './fanOut.ts'
import { startOurServer, startReferenceServer } from './lib/processes.ts'
import { type BenchOptions, type BenchResult, mib, ms, pct } from './lib/report.ts'

/** Benchmark 2: 200 boards × 10 clients at 0.2 edits/s each on one instance (and on the reference, same load). */
export async function manyBoards({ quick }: BenchOptions): Promise<BenchResult> {
  const shape = { boards: 200, clientsPerBoard: 10, rate: 0.2, steadyMs: quick ? 10_000 : 60_000, bursts: 0 }
  const ours: LoadRun = await runLoad(() => startOurServer(), shape)
  const reference: LoadRun = await runLoad(() => startReferenceServer(), shape)
  const bench = '2 many boards 200×10'
  const l = ours.steady.latency
  const r = reference.steady.latency
  return {
    rows: [
      {
        bench,
        metric: '0.2 edits/s each: edit → peer',
        measured: `p50 ${ms(l.p50)} / p95 ${ms(l.p95)} / p99 ${ms(l.p99)}`,
        baseline: `ref p50 ${ms(r.p50)} / p95 ${ms(r.p95)} / p99 ${ms(r.p99)}`,
        target: 'p99 < 50 ms',
        pass: l.p99 < 50 && ours.steady.missing === 0,
      },
      {
        bench,
        metric: 'server RSS (max sampled) / CPU',
        measured: `${mib(ours.maxRssBytes)} / ${pct(ours.steady.cpuShare)}`,
        baseline: `ref ${mib(reference.maxRssBytes)} / ${pct(reference.steady.cpuShare)}`,
        target: 'RSS < 1 GiB',
        pass: ours.maxRssBytes < 1024 ** 3,
      },
    ],
    data: { shape, ours, reference },
  }
}
