import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as Y from 'yjs'
import { mergeUpdates } from '../src/room/mergeUpdates.ts'
import { RoomManager } from '../src/room/RoomManager.ts'
import { INITIAL_GENERATIONS } from '../src/storage/BoardStorage.ts'
import { SqliteBoardStorage } from '../src/storage/SqliteBoardStorage.ts'
import { type BenchOptions, type BenchResult, ms } from './lib/report.ts'
import { mulberry32, round, summarize } from './lib/stats.ts'
import { shapeRecord } from './lib/tldrawDoc.ts'

/** A session's worth of edits: notes made, moved (most), recoloured, retyped and deleted; one update each. */
function* editSession(doc: Y.Doc, count: number, seed: number): Generator<void> {
  const rnd = mulberry32(seed)
  const records = doc.getMap<Y.Map<unknown>>('records')
  const ids: string[] = []
  let made = 0
  const create = () => {
    const id = `shape:n${made}`
    records.set(id, shapeRecord(id, rnd, made++))
    ids.push(id)
  }
  for (let i = 0; i < count; i++) {
    const r = rnd()
    if (ids.length < 50 || r < 0.03) create()
    else {
      const at = Math.floor(rnd() * ids.length)
      const id = ids[at]!
      const shape = records.get(id)!
      if (r < 0.85)
        doc.transact(() => {
          shape.set('x', Math.round(rnd() * 8000))
          shape.set('y', Math.round(rnd() * 6000))
        })
      else if (r < 0.92) (shape.get('props') as Y.Map<unknown>).set('color', rnd() < 0.5 ? 'red' : 'blue')
      else if (r < 0.99)
        (shape.get('props') as Y.Map<unknown>).set('richText', {
          type: 'doc',
          content: [{ type: 'paragraph', content: [{ type: 'text', text: `tekst ${i}` }] }],
        })
      else {
        records.delete(id)
        ids.splice(at, 1)
      }
    }
    yield
  }
}

async function timeLoad(storage: SqliteBoardStorage, boardId: string, runs: number): Promise<number[]> {
  const loaded: number[] = []
  let unloaded: () => void = () => {}
  const rooms = new RoomManager({
    storage,
    merge: mergeUpdates,
    unloadGraceMs: 0,
    compactAfterUpdates: 1_000_000,
    events: { loaded: (_id, took) => loaded.push(took), unloaded: () => unloaded() },
  })
  for (let i = 0; i < runs; i++) {
    await rooms.acquire(boardId)
    const gone = new Promise<void>((resolve) => {
      unloaded = resolve
    })
    rooms.release(boardId)
    await gone
  }
  return loaded
}

/** Benchmark 6: 100,000 stored updates compacted (size against the encoded state) and the load after it. */
export async function storage({ quick }: BenchOptions): Promise<BenchResult> {
  const count = 100_000
  const dir = mkdtempSync(join(tmpdir(), 'wt-bench-storage-'))
  const store = new SqliteBoardStorage(join(dir, 'waardentafel.sqlite'))
  const boardId = 'storage-bench'
  await store.createBoard({
    id: boardId,
    title: boardId,
    createdAt: Date.now(),
    linkGenerations: INITIAL_GENERATIONS,
  })
  const doc = new Y.Doc()
  const updates: Uint8Array[] = []
  doc.on('update', (u: Uint8Array) => updates.push(u))
  for (const _ of editSession(doc, count, 6));
  const t0 = performance.now()
  for (const u of updates) await store.appendUpdate(boardId, u)
  const appendMs = performance.now() - t0
  const logBytes = updates.reduce((n, u) => n + u.byteLength, 0)
  const uncompactedLoad = await timeLoad(store, boardId, 1)
  const t1 = performance.now()
  await store.compact(boardId, mergeUpdates)
  const compactMs = performance.now() - t1
  const stored = await store.loadDoc(boardId)
  const snapshotBytes =
    (stored.snapshot?.byteLength ?? 0) + stored.updates.reduce((n, u) => n + u.data.byteLength, 0)
  const encoded = Y.encodeStateAsUpdate(doc)
  const loads = await timeLoad(store, boardId, quick ? 5 : 15)
  const baseline: number[] = []
  for (let i = 0; i < (quick ? 5 : 15); i++) {
    const b0 = performance.now()
    Y.applyUpdate(new Y.Doc(), encoded)
    baseline.push(performance.now() - b0)
  }
  await store.close()
  const l = summarize(loads)
  const base = summarize(baseline)
  const ratio = snapshotBytes / encoded.byteLength
  const bench = '6 storage 100,000 updates'
  return {
    rows: [
      {
        bench,
        metric: `compacted size (log was ${round(logBytes / 1024 / 1024)} MiB in ${updates.length.toLocaleString('en')} rows)`,
        measured: `${round(snapshotBytes / 1024)} KiB (×${ratio.toFixed(3)})`,
        baseline: `Y.encodeStateAsUpdate ${round(encoded.byteLength / 1024)} KiB`,
        target: '≤ 1.2× encoded state',
        pass: ratio <= 1.2 && stored.updates.length === 0,
      },
      {
        bench,
        metric: 'load after compaction (`loaded` ms, median / max)',
        measured: `${ms(l.p50)} / ${ms(l.max)}`,
        baseline: `applyUpdate in memory ${ms(base.p50)} (×${(l.p50 / base.p50).toFixed(1)})`,
        target: '≤ 50 ms',
        pass: l.max <= 50,
      },
      {
        bench,
        metric: 'append 100k (one tx each) / compact / load before compaction',
        measured: `${ms(appendMs)} / ${ms(compactMs)} / ${ms(uncompactedLoad[0]!)}`,
        baseline: '—',
        target: 'reported',
        pass: null,
      },
    ],
    data: {
      count: updates.length,
      logBytes,
      snapshotBytes,
      encodedBytes: encoded.byteLength,
      appendMs,
      compactMs,
      uncompactedLoadMs: uncompactedLoad[0],
      loadsMs: loads,
      baselineMs: baseline,
    },
  }
}
