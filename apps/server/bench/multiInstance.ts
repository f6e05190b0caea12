import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { boardUrls } from './lib/boards.ts'
import { type BenchServer, startOurServer, startSwarm } from './lib/processes.ts'
import { type BenchOptions, type BenchResult, ms, type Row } from './lib/report.ts'
import type { Summary } from './lib/stats.ts'

type Phase = { latency: Summary; allPeers: Summary; edits: number; missing: number }
const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://root@127.0.0.1:5432/test'
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379'

/**
 * Benchmark 5: two instances on PostgreSQL + Redis. The same 50 clients on one board, first all on instance A
 * (the single-instance figure, same storage and fan-out configuration), then split over A and B, so every edit
 * of half the clients crosses Redis to reach the other half; in the order single, split, split, single. Target: cross-instance p99 ≤ 1.5× single-instance.
 */
export async function multiInstance({ quick }: BenchOptions): Promise<BenchResult> {
  const schema = `wt_bench_${randomBytes(5).toString('hex')}`
  const env = {
    DATABASE_URL,
    DATABASE_SCHEMA: schema,
    REDIS_URL,
    REDIS_PREFIX: `wt-bench-${schema}`,
  }
  const steadyMs = quick ? 6_000 : 30_000
  const bursts = quick ? 5 : 20
  const clients = 50
  const servers: BenchServer[] = [await startOurServer(env), await startOurServer(env)]
  const [a, b] = servers as [BenchServer, BenchServer]
  const run = async (split: boolean): Promise<{ steady: Phase; burst: Phase }> => {
    const swarm = startSwarm()
    try {
      const [urlA] = await boardUrls(a, 1, split ? 'split' : 'single')
      const urlB = urlA!.replace(`:${a.port}/`, `:${b.port}/`)
      await swarm.request('connect', { urls: [split ? [urlA, urlB] : urlA], clientsPerBoard: clients })
      await swarm.request('steady', { ratePerClient: 1, durationMs: 3000 })
      const steady = await swarm.request<Phase>('steady', { ratePerClient: 1, durationMs: steadyMs })
      const burst = await swarm.request<Phase>('burst', { count: bursts, gapMs: 200 })
      await swarm.request('closeAll')
      return { steady, burst }
    } finally {
      await swarm.stop()
    }
  }
  try {
    // Single, split, split, single: drift in the machine's load falls on both; each figure is the mean of its two.
    const singles = [await run(false)]
    const crosses = [await run(true), await run(true)]
    singles.push(await run(false))
    const meanOf = (runs: Array<{ steady: Phase; burst: Phase }>, pick: 'steady' | 'burst'): Phase => {
      const [x, y] = [runs[0]![pick], runs[1]![pick]]
      const avg = (k: keyof Summary) => (x.latency[k] + y.latency[k]) / 2
      return {
        latency: {
          count: x.latency.count + y.latency.count,
          p50: avg('p50'),
          p95: avg('p95'),
          p99: avg('p99'),
          max: Math.max(x.latency.max, y.latency.max),
        },
        allPeers: x.allPeers,
        edits: x.edits + y.edits,
        missing: x.missing + y.missing,
      }
    }
    const single = { steady: meanOf(singles, 'steady'), burst: meanOf(singles, 'burst') }
    const cross = { steady: meanOf(crosses, 'steady'), burst: meanOf(crosses, 'burst') }
    const p99s = (runs: Array<{ steady: Phase; burst: Phase }>, pick: 'steady' | 'burst') =>
      runs.map((r) => ms(r[pick].latency.p99)).join(', ')
    const row = (metric: string, x: Summary, base: Summary, pick: 'steady' | 'burst'): Row => ({
      bench: '5 two instances (Redis + PostgreSQL)',
      metric,
      measured: `p50 ${ms(x.p50)} / p95 ${ms(x.p95)} / p99 ${ms(x.p99)} (runs: p99 ${p99s(crosses, pick)})`,
      baseline: `single instance p50 ${ms(base.p50)} / p99 ${ms(base.p99)} (runs: p99 ${p99s(singles, pick)})`,
      target: 'p99 ≤ 1.5× single instance',
      pass: x.p99 <= 1.5 * base.p99,
    })
    return {
      rows: [
        row(
          `${clients} clients split over 2 instances, steady 1 edit/s each (mean of 2 runs each, order A B B A)`,
          cross.steady.latency,
          single.steady.latency,
          'steady',
        ),
        row(`burst (all ${clients} at once) ×${bursts}`, cross.burst.latency, single.burst.latency, 'burst'),
        {
          bench: '5 two instances (Redis + PostgreSQL)',
          metric: 'arrivals missing (cross / single)',
          measured: String(cross.steady.missing + cross.burst.missing),
          baseline: String(single.steady.missing + single.burst.missing),
          target: '0',
          pass: cross.steady.missing + cross.burst.missing === 0,
        },
      ],
      data: { singles, crosses, clients, steadyMs, bursts },
    }
  } finally {
    for (const s of servers) await s.stop()
    const pool = new pg.Pool({ connectionString: DATABASE_URL })
    await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`)
    await pool.end()
  }
}
