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

/**
 * Loads the board `runs` times as the server does (hibernation on, default quiet spell): `loaded` is the time
 * until the room serves clients; `built` the time its first change then takes to build the document (0 when
 * the room was built at load already, e.g. before compaction when the board is many rows).
 */
async function timeLoad(
  storage: SqliteBoardStorage,
  boardId: string,
  runs: number,
): Promise<{ loaded: number[]; joined: number[]; built: number[] }> {
  const loaded: number[] = []
  const joined: number[] = []
  const built: number[] = []
  let unloaded: () => void = () => {}
  const rooms = new RoomManager({
    storage,
    merge: mergeUpdates,
    unloadGraceMs: 0,
    compactAfterUpdates: 1_000_000,
    hibernateAfterMs: 30_000,
    events: { loaded: (_id, took) => loaded.push(took), unloaded: () => unloaded() },
  })
  for (let i = 0; i < runs; i++) {
    const room = await rooms.acquire(boardId)
    // A writer joining gets the server's sync step 1: the state vector, read from the bytes of a sleeping room.
    const writer = { id: 'bench', role: 'participant' as const, generation: 0, send() {}, close() {} }
    const j0 = performance.now()
    room.join(writer)
    joined.push(performance.now() - j0)
    room.leave(writer)
    const b0 = performance.now()
    void room.doc // what the first change does first
    built.push(performance.now() - b0)
    const gone = new Promise<void>((resolve) => {
      unloaded = resolve
    })
    rooms.release(boardId)
    await gone
  }
  return { loaded, joined, built }
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
  // Loading the 100,000 rows, then unloading, which compacts them: the compaction is the rest of that time.
  const t1 = performance.now()
  const uncompacted = await timeLoad(store, boardId, 1)
  const compactMs = performance.now() - t1 - uncompacted.loaded[0]! - uncompacted.built[0]!
  const uncompactedLoad = uncompacted.loaded
  const stored = await store.loadDoc(boardId)
  const snapshotBytes =
    (stored.snapshot?.byteLength ?? 0) + stored.updates.reduce((n, u) => n + u.data.byteLength, 0)
  const encoded = Y.encodeStateAsUpdate(doc)
  const { loaded: loads, joined, built } = await timeLoad(store, boardId, quick ? 5 : 15)
  const baseline: number[] = []
  for (let i = 0; i < (quick ? 5 : 15); i++) {
    const b0 = performance.now()
    Y.applyUpdate(new Y.Doc(), encoded)
    baseline.push(performance.now() - b0)
  }
  await store.close()
  const l = summarize(loads)
  const bld = summarize(built)
  const jn = summarize(joined)
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
        metric: 'first writer joins: state vector read from the bytes (median / max)',
        measured: `${ms(jn.p50)} / ${ms(jn.max)}`,
        baseline: `applyUpdate of encodeStateAsUpdate ${ms(base.p50)} (×${(jn.p50 / base.p50).toFixed(2)})`,
        target: 'reported',
        pass: null,
      },
      {
        bench,
        metric: 'first change after that load: building the document (median / max)',
        measured: `${ms(bld.p50)} / ${ms(bld.max)}`,
        baseline: `applyUpdate of encodeStateAsUpdate ${ms(base.p50)} (×${(bld.p50 / base.p50).toFixed(2)})`,
        target: 'reported',
        pass: null,
      },
      {
        bench,
        metric: 'append 100k (one tx each) / compact (on unload) / load before compaction',
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
      joinMs: joined,
      buildMs: built,
      baselineMs: baseline,
    },
  }
}
