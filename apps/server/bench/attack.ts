import { fork } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { boardUrls } from './lib/boards.ts'
import { startOurServer, startSwarm } from './lib/processes.ts'
import { type BenchOptions, type BenchResult, mib, ms, type Row } from './lib/report.ts'
import type { Summary } from './lib/stats.ts'

type Phase = { latency: Summary; edits: number; missing: number }
type Outcome = { statuses: Record<number, number>; ms: number }
type Attack = { name: string; order: Record<string, unknown> }

/** A big board within the limits: `count` notes of about a real note's size. */
function snapshot(count: number, tiny = false): string {
  const records = Array.from({ length: count }, (_, i) =>
    tiny
      ? { id: `x:${i}`, typeName: 'x', pad: 'x'.repeat(48) }
      : {
          id: `shape:note${i}`,
          typeName: 'shape',
          type: 'note',
          x: (i % 100) * 220,
          y: Math.floor(i / 100) * 220,
          rotation: 0,
          index: `a${i}`,
          parentId: 'page:page',
          isLocked: false,
          opacity: 1,
          meta: {},
          props: { color: 'yellow', size: 'm', text: `Idee ${i}: meer groen in de wijk`, align: 'middle' },
        },
  )
  const board = { id: 'attack', title: 'Aanval', createdAt: new Date(0).toISOString() }
  return JSON.stringify({ format: 'waardentafel.board', version: 1, board, records })
}

/** The attacker: a process of its own in a session of its own (its CPU is not the server's or the clients'). */
function attacker() {
  const child = fork(join(import.meta.dirname, 'lib/httpAttacker.ts'), [], {
    detached: true,
    execArgv: ['--no-warnings'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
  const ready = new Promise<void>((resolve) => child.once('message', () => resolve()))
  return {
    ready,
    run: (order: Record<string, unknown>) =>
      new Promise<Outcome>((resolve, reject) => {
        child.once('message', (m: Outcome & { error?: string }) =>
          m.error ? reject(new Error(m.error)) : resolve(m),
        )
        child.send(order)
      }),
    stop: () => child.kill(),
  }
}

/**
 * Benchmark "attack": other boards' edit p99 just before and during each HTTP attack of issue #15 point 5 — a
 * board-creation flood from one address and from 500 (spoofed) addresses, one big import, an oversized import
 * (18.5 MiB, 200,000 tiny records) and six parallel big imports from six addresses — on one server with the
 * production limits. Target: p99 during ≤ 2× p99 just before, every attack, with no edit missing (an edit is
 * missing when some client of its board has not received it 15 s after the phase) and no honest client closed.
 * The server's RSS is read just before, right after, and one phase after each attack.
 */
export async function attack({ quick }: BenchOptions): Promise<BenchResult> {
  const phaseMs = quick ? 3000 : 6000
  const dir = mkdtempSync(join(tmpdir(), 'wt-attack-'))
  const big = join(dir, 'big.json')
  const oversized = join(dir, 'oversized.json')
  writeFileSync(big, snapshot(19_000))
  writeFileSync(oversized, snapshot(200_000, true))
  // The limits as shipped (the bench's server otherwise runs without them), and X-Forwarded-For trusted so the
  // attacker can stand in for many machines.
  const server = await startOurServer({
    RATE_LIMITS: 'true',
    QUOTA_BOARDS: '100',
    QUOTA_STORAGE_MB: '500',
    TRUST_PROXY: 'true',
  })
  const swarm = startSwarm()
  const evil = attacker()
  const url = `http://127.0.0.1:${server.port}`
  const attacks: Attack[] = [
    {
      name: 'board-creation flood, one address (500 requests)',
      order: { kind: 'create', url, count: 500, concurrency: 20, spoof: false },
    },
    {
      name: 'board-creation flood, 500 addresses',
      order: { kind: 'create', url, count: 500, concurrency: 20, spoof: true },
    },
    {
      name: 'one big import (19,000 records, 4 MB)',
      order: { kind: 'import', url, file: big, copies: 1, spoof: true },
    },
    {
      name: 'oversized import (200,000 records, 18.5 MiB)',
      order: { kind: 'import', url, file: oversized, copies: 1, spoof: true },
    },
    {
      name: 'six parallel big imports, six addresses',
      order: { kind: 'import', url, file: big, copies: 6, spoof: true },
    },
  ]
  const rows: Row[] = []
  const data: Record<string, unknown> = { phaseMs }
  try {
    // Honest load: 4 boards × 5 clients, 2 edits/s each (the boards were made before any attack, from 127.0.0.1).
    const urls = await boardUrls(server, 4, 'honest')
    await swarm.request('connect', { urls, clientsPerBoard: 5 })
    await swarm.request('steady', { ratePerClient: 2, durationMs: 2000 })
    await evil.ready
    for (const a of attacks) {
      const before = await swarm.request<Phase>('steady', { ratePerClient: 2, durationMs: phaseMs })
      const rss0 = (await server.child.stats()).memory.rss
      // Phases of `phaseMs` from the attack's start until it is over (six imports take longer than one phase):
      // "during" is the worst of them, its missing edits the sum.
      let over = false
      const attacked = evil.run(a.order).finally(() => {
        over = true
      })
      const windows: Phase[] = []
      do windows.push(await swarm.request<Phase>('steady', { ratePerClient: 2, durationMs: phaseMs }))
      while (!over)
      const outcome = await attacked
      const worst = windows.reduce((w, p) => (p.latency.p99 > w.latency.p99 ? p : w))
      const during: Phase = {
        ...worst,
        edits: windows.reduce((n, p) => n + p.edits, 0),
        missing: windows.reduce((n, p) => n + p.missing, 0),
      }
      const rss1 = (await server.child.stats()).memory.rss
      // Honest clients the server closed during the attack (a raw client does not reconnect, so each one's later
      // edits, and the edits others make that it should receive, count as missing).
      const closes = await swarm.request<number[]>('closes')
      // One more phase, then the RSS again: what the attack left behind once it is over.
      await swarm.request<Phase>('steady', { ratePerClient: 2, durationMs: phaseMs })
      const rss2 = (await server.child.stats()).memory.rss
      const ratio = during.latency.p99 / Math.max(before.latency.p99, 0.001)
      data[a.name] = {
        before,
        during,
        windows,
        outcome,
        closes,
        rssBefore: rss0,
        rssAfter: rss1,
        rssLater: rss2,
      }
      const answers = Object.entries(outcome.statuses)
        .map(([status, n]) => `${n}× ${status === '0' ? 'cut' : status}`)
        .join(', ')
      const closed = closes.length ? `; ${closes.length} honest clients closed (${closes.join(', ')})` : ''
      rows.push({
        bench: 'attack',
        metric: `${a.name}: other boards' edit p99 (answers: ${answers}; attack ${ms(outcome.ms)}; RSS ${mib(rss0)} → ${mib(rss1)} → ${mib(rss2)} ${phaseMs / 1000} s later${closed})`,
        measured: `${ms(during.latency.p99)} (${ratio.toFixed(2)}×; worst of ${windows.length} × ${phaseMs / 1000} s)${during.missing ? `, ${during.missing} missing` : ''}`,
        baseline: `just before ${ms(before.latency.p99)}`,
        target: 'p99 ≤ 2× just before',
        pass: ratio <= 2 && during.missing === 0 && closes.length === 0,
      })
    }
  } finally {
    evil.stop()
    await swarm.request('closeAll').catch(() => {})
    await swarm.stop()
    await server.stop()
  }
  return { rows, data }
}
