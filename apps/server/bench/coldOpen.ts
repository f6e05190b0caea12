import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as Y from 'yjs'
import { writeBoards } from './lib/boards.ts'
import { startOurServer, startSwarm } from './lib/processes.ts'
import { type BenchOptions, type BenchResult, ms } from './lib/report.ts'
import { summarize } from './lib/stats.ts'
import { boardUpdate } from './lib/tldrawDoc.ts'

type Open = { fromCreateMs: number; fromOpenMs: number; records: number }

/**
 * Benchmark 3: a 5,000-shape board written to SQLite (compacted), then the server restarted before each open:
 * time from the client's connection to sync step 2 arriving, and the `loaded` event's own figure.
 */
export async function coldOpen({ quick }: BenchOptions): Promise<BenchResult> {
  const shapes = 5000
  const runs = quick ? 3 : 7
  const update = boardUpdate(shapes, 5)
  const dataDir = mkdtempSync(join(tmpdir(), 'wt-bench-cold-'))
  const [a, b] = await writeBoards(dataDir, [
    { id: 'cold-open-a', update },
    { id: 'cold-open-b', update },
  ])
  // Baseline in this process: the least any server must do — build the doc from the snapshot and encode it.
  const baseline: number[] = []
  for (let i = 0; i < runs + 2; i++) {
    const t0 = performance.now()
    const doc = new Y.Doc()
    Y.applyUpdate(doc, update)
    Y.encodeStateAsUpdate(doc)
    baseline.push(performance.now() - t0)
    doc.destroy()
  }
  const cold: Open[] = []
  const warmProcess: Open[] = []
  const loadedMs: number[] = []
  const swarm = startSwarm()
  try {
    for (let i = 0; i < runs; i++) {
      const server = await startOurServer({}, { dataDir })
      try {
        const first = server.child.events.length
        cold.push(await swarm.request<Open>('open', { url: server.syncUrl(a!.id, a!.token) }))
        const loaded = await server.child.waitFor((e) => e.event === 'loaded', 10_000, first)
        loadedMs.push(loaded.ms as number)
        // A second board in the same, now warmed-up process: a cold board without a cold process.
        warmProcess.push(await swarm.request<Open>('open', { url: server.syncUrl(b!.id, b!.token) }))
        if (cold.at(-1)!.records !== shapes + 2) throw new Error('cold open returned the wrong document')
      } finally {
        await server.stop()
      }
    }
  } finally {
    await swarm.stop()
  }
  const c = summarize(cold.map((o) => o.fromOpenMs))
  const cc = summarize(cold.map((o) => o.fromCreateMs))
  const w = summarize(warmProcess.map((o) => o.fromOpenMs))
  const l = summarize(loadedMs)
  const base = summarize(baseline)
  const bench = '3 cold open 5,000 shapes'
  return {
    rows: [
      {
        bench,
        metric: `restarted server, ws open → step 2 (median / max of ${runs})`,
        measured: `${ms(c.p50)} / ${ms(c.max)} (incl. connect ${ms(cc.p50)})`,
        baseline: `apply+encode in-process ${ms(base.p50)} (×${(c.p50 / base.p50).toFixed(1)})`,
        target: '< 50 ms',
        pass: c.max < 50,
      },
      {
        bench,
        metric: '`loaded` event ms (median / max)',
        measured: `${ms(l.p50)} / ${ms(l.max)}`,
        baseline: '—',
        target: '< 50 ms',
        pass: l.max < 50,
      },
      {
        bench,
        metric: 'second board, warm process: open → step 2 (median)',
        measured: ms(w.p50),
        baseline: '—',
        target: '< 50 ms',
        pass: w.p50 < 50,
      },
    ],
    data: { shapes, snapshotBytes: update.byteLength, cold, warmProcess, loadedMs, baselineMs: baseline },
  }
}
