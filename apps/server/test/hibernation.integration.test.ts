import type { CreateBoardResponse } from '@waardentafel/protocol'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { clientPool, startServer, type TestClient, type TestServer, tokenOf, whenDoc } from './harness.ts'

// Rooms that nobody changed for HIBERNATE_AFTER_MS keep their document as encoded bytes only; reading clients
// are served from those bytes, and the first change rebuilds the document. These tests use a short quiet spell.
let srv: TestServer
const pool = clientPool()
const client = pool.connect
type Transition = { boardId: string; state: 'hibernated' | 'woke' }
let transitions: Transition[] = []
let waiters: Array<{ match: (t: Transition) => boolean; resolve: () => void }> = []

/** Resolves at the next hibernation transition of the board (one that happened already does not count). */
function next(boardId: string, state: Transition['state']): Promise<void> {
  return new Promise((resolve) => {
    waiters.push({ match: (t) => t.boardId === boardId && t.state === state, resolve })
  })
}

beforeEach(async () => {
  transitions = []
  waiters = []
  srv = await startServer(
    { HIBERNATE_AFTER_MS: '150' },
    {
      roomEvents: {
        hibernation: (boardId, state) => {
          const t = { boardId, state }
          transitions.push(t)
          for (const w of waiters.filter((w) => w.match(t))) {
            waiters.splice(waiters.indexOf(w), 1)
            w.resolve()
          }
        },
      },
    },
  )
})
afterEach(async () => {
  pool.destroyAll()
  await srv.close()
})

const act = (board: CreateBoardResponse, body: unknown) =>
  fetch(`${srv.url}/api/boards/${board.id}/facilitation`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${tokenOf(board.links.facilitator)}`,
    },
    body: JSON.stringify(body),
  })

const closedWith = (c: TestClient) =>
  new Promise<number>((resolve) => {
    c.provider.on('connection-close', (event: CloseEvent | null) => {
      if (event) resolve(event.code)
    })
  })

function shape(doc: Y.Doc, id: string, type: string, x: number): void {
  const records = doc.getMap<Y.Map<unknown>>('records')
  doc.transact(() => {
    const record = new Y.Map<unknown>()
    records.set(id, record)
    record.set('type', type)
    record.set('x', x)
    const props = new Y.Map<unknown>()
    record.set('props', props)
    props.set('name', id)
  })
}

const x = (c: TestClient, id: string) => c.doc.getMap<Y.Map<unknown>>('records').get(id)?.get('x')

async function storedDoc(boardId: string): Promise<Y.Doc> {
  const doc = new Y.Doc()
  const stored = await srv.storage.loadDoc(boardId)
  if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot)
  for (const u of stored.updates) Y.applyUpdate(doc, u.data)
  return doc
}

describe('hibernation of quiet boards', () => {
  it('[Z1] a quiet board serves newcomers from its bytes; the next edit wakes it and reaches everyone', async () => {
    const board = await srv.createBoard()
    const a = client(srv.wsUrl, board, 'participant')
    await a.synced()
    const asleep = next(board.id, 'hibernated')
    for (let i = 0; i < 20; i++) shape(a.doc, `shape:n${i}`, 'note', i * 10)
    await asleep
    const room = srv.server.rooms.loadedRoom(board.id)!
    expect(room.hibernating).toBe(true)

    // A newcomer (empty document) and a returning device (half the board already) both get everything, and
    // presence works, without the room building its document.
    const b = client(srv.wsUrl, board, 'participant')
    const partial = new Y.Doc()
    Y.applyUpdate(partial, Y.encodeStateAsUpdate(a.doc, Y.encodeStateVector(new Y.Doc())))
    const c = client(srv.wsUrl, board, 'observer', partial)
    await Promise.all([b, c].map((p) => whenDoc(p.doc, () => p.doc.getMap('records').size === 20)))
    b.provider.awareness.setLocalStateField('user', { name: 'Baathouder' })
    await new Promise<void>((resolve) => {
      const seen = () => {
        if ([...a.provider.awareness.getStates().values()].some((s) => s.user?.name === 'Baathouder')) {
          a.provider.awareness.off('change', seen)
          resolve()
        }
      }
      a.provider.awareness.on('change', seen)
      seen()
    })
    expect(room.hibernating).toBe(true)
    expect(transitions.filter((t) => t.state === 'woke')).toEqual([])

    // The first change wakes it; it is stored and relayed as always, then the board goes quiet again.
    const awake = next(board.id, 'woke')
    const asleepAgain = next(board.id, 'hibernated')
    b.doc.getMap<Y.Map<unknown>>('records').get('shape:n3')!.set('x', 999)
    await awake
    await Promise.all([a, c].map((p) => whenDoc(p.doc, () => x(p, 'shape:n3') === 999)))
    await asleepAgain
    const stored = await storedDoc(board.id)
    expect(stored.getMap<Y.Map<unknown>>('records').get('shape:n3')?.get('x')).toBe(999)
    expect(stored.getMap('records').toJSON()).toEqual(a.doc.getMap('records').toJSON())
  })

  it('[Z2] edits made offline while the board slept reach the server and the others on reconnect', async () => {
    const board = await srv.createBoard()
    const a = client(srv.wsUrl, board, 'participant')
    const b = client(srv.wsUrl, board, 'participant')
    await Promise.all([a.synced(), b.synced()])
    shape(a.doc, 'shape:kaart', 'note', 0)
    await whenDoc(b.doc, () => x(b, 'shape:kaart') === 0)
    b.provider.disconnect()
    b.doc.getMap<Y.Map<unknown>>('records').get('shape:kaart')!.set('x', 42)
    shape(b.doc, 'shape:offline', 'note', 7)
    await next(board.id, 'hibernated')
    const awake = next(board.id, 'woke')
    b.provider.connect()
    await whenDoc(a.doc, () => x(a, 'shape:kaart') === 42 && x(a, 'shape:offline') === 7)
    await awake
    const stored = await storedDoc(board.id)
    expect(stored.getMap('records').toJSON()).toEqual(b.doc.getMap('records').toJSON())
  })

  it('[Z3] the write policy holds after waking: a locked structure cannot be moved; facilitator actions work', async () => {
    const board = await srv.createBoard()
    const fac = client(srv.wsUrl, board, 'facilitator')
    await fac.synced()
    shape(fac.doc, 'shape:kolommen', 'wt-prioritering', 0)
    shape(fac.doc, 'shape:kaart', 'wt-value-card', 0)
    const rogue = client(srv.wsUrl, board, 'participant')
    await whenDoc(rogue.doc, () => rogue.doc.getMap('records').size === 2)
    expect((await act(board, { action: 'lock', structure: true, valueCards: false })).status).toBe(200)
    await whenDoc(rogue.doc, () => rogue.doc.getMap('facilitation').get('lock') !== undefined)
    await next(board.id, 'hibernated')

    const refused = closedWith(rogue)
    rogue.doc.getMap<Y.Map<unknown>>('records').get('shape:kolommen')!.set('x', 999)
    expect(await refused).toBe(4409)
    expect(x(fac, 'shape:kolommen')).toBe(0)

    // A facilitator action over HTTP on a sleeping board is stored and relayed.
    await next(board.id, 'hibernated')
    expect((await act(board, { action: 'timer.start', durationMs: 60_000 })).status).toBe(200)
    await whenDoc(
      fac.doc,
      () => (fac.doc.getMap('facilitation').get('timer') as { status?: string })?.status === 'running',
    )
    const stored = await storedDoc(board.id)
    expect(stored.getMap<Y.Map<unknown>>('records').get('shape:kolommen')?.get('x')).toBe(0)
    expect((stored.getMap('facilitation').get('timer') as { status?: string }).status).toBe('running')
  })

  it('[Z4] a compacted board reopens asleep: read from its bytes, built at the first change; bad bytes are built and skipped', async () => {
    const board = await srv.createBoard()
    const a = client(srv.wsUrl, board, 'participant')
    await a.synced()
    const watcher = client(srv.wsUrl, board, 'observer')
    await watcher.synced()
    for (let i = 0; i < 10; i++) shape(a.doc, `shape:n${i}`, 'note', i)
    // The server relays only what it has stored: once the watcher has it all, so does storage.
    await whenDoc(watcher.doc, () => watcher.doc.getMap('records').size === 10)
    a.destroy()
    watcher.destroy()
    // Unloading compacts the board into one snapshot.
    await srv.server.rooms.closeAll()
    expect((await srv.storage.loadDoc(board.id)).updates).toEqual([])

    const b = client(srv.wsUrl, board, 'participant')
    await whenDoc(b.doc, () => b.doc.getMap('records').size === 10)
    const room = srv.server.rooms.loadedRoom(board.id)!
    expect(room.hibernating).toBe(true)
    const awake = next(board.id, 'woke')
    const c = client(srv.wsUrl, board, 'participant')
    await whenDoc(c.doc, () => c.doc.getMap('records').size === 10)
    b.doc.getMap<Y.Map<unknown>>('records').get('shape:n1')!.set('x', 77)
    await awake
    await whenDoc(c.doc, () => x(c, 'shape:n1') === 77)

    // A snapshot that does not decode (storage corrupted outside the server): the first writer's join finds out,
    // the room is built, skips it and reports it, as a load always did; the server stays healthy.
    const broken = await srv.createBoard()
    await srv.storage.appendUpdate(broken.id, new Uint8Array([0, 0]))
    await srv.storage.compact(broken.id, () => new Uint8Array([7, 250, 250, 250, 1]))
    const d = client(srv.wsUrl, broken, 'participant')
    await d.synced()
    expect(srv.server.rooms.loadedRoom(broken.id)!.hibernating).toBe(false)
    expect(d.doc.getMap('records').size).toBe(0)
    expect((await fetch(`${srv.url}/healthz`)).status).toBe(200)
  })
})
