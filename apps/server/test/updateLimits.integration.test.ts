import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { clientPool, startServer, type TestClient, type TestServer, whenDoc } from './harness.ts'

// Per-update limits on structs and deletions, and the per-board size budget, on a real server with the real
// y-websocket client ([U1]–[U2] in apps/server/SPEC.md).
const pool = clientPool()
const servers: TestServer[] = []
afterEach(async () => {
  pool.destroyAll()
  for (const s of servers.splice(0)) await s.close()
})

async function server(env: Record<string, string> = {}): Promise<TestServer> {
  const s = await startServer(env)
  servers.push(s)
  return s
}

/** Resolves with the code and reason of the next close of the client's connection; rejects after 10 s. */
const closeOf = (client: TestClient) =>
  new Promise<{ code: number; reason: string }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('not closed within 10 s')), 10_000)
    client.provider.on('connection-close', (event: { code: number; reason: string } | null) => {
      if (!event) return
      clearTimeout(timer)
      resolve({ code: event.code, reason: event.reason })
    })
  })

/** Everything stored for the board, as one document. */
async function stored(srv: TestServer, boardId: string): Promise<Y.Doc> {
  const { snapshot, updates } = await srv.storage.loadDoc(boardId)
  const doc = new Y.Doc()
  if (snapshot) Y.applyUpdate(doc, snapshot)
  for (const u of updates) Y.applyUpdate(doc, u.data)
  return doc
}

describe('per-update limits', () => {
  it('[U1] an update of 200,000 map entries is refused with 4413 TOO_MANY_STRUCTS and nothing of it is stored', async () => {
    // Frames may be large here, so that the struct count is what refuses it, not the frame size.
    const srv = await server({ MAX_MESSAGE_BYTES: String(16 * 1024 * 1024) })
    const board = await srv.createBoard()
    const watcher = pool.connect(srv.wsUrl, board, 'participant')
    const writer = pool.connect(srv.wsUrl, board, 'participant')
    await Promise.all([watcher.synced(), writer.synced()])
    writer.doc.getMap('m').set('before', 1)
    await whenDoc(watcher.doc, () => watcher.doc.getMap('m').get('before') === 1)

    const closed = closeOf(writer)
    writer.doc.transact(() => {
      const m = writer.doc.getMap('m')
      for (let i = 0; i < 200_000; i++) m.set(i.toString(36), 0)
    })
    expect(await closed).toEqual({ code: 4413, reason: 'TOO_MANY_STRUCTS' })
    const doc = await stored(srv, board.id)
    expect(doc.getMap('m').size).toBe(1)
    // The board goes on: the watcher's next edit is stored and a newcomer gets it, without the refused entries.
    watcher.doc.getMap('m').set('after', 2)
    const late = pool.connect(srv.wsUrl, board, 'participant')
    await whenDoc(late.doc, () => late.doc.getMap('m').get('after') === 2)
    expect(late.doc.getMap('m').size).toBe(2)
  })

  it('[U1] an update deleting more ranges than allowed is refused with 4413 TOO_MANY_DELETIONS', async () => {
    const srv = await server({ MAX_UPDATE_DELETE_RANGES: '100' })
    const board = await srv.createBoard()
    const writer = pool.connect(srv.wsUrl, board, 'participant')
    await writer.synced()
    const m = writer.doc.getMap('m')
    writer.doc.transact(() => {
      for (let i = 0; i < 400; i++) m.set(`k${i}`, i)
    })
    const watcher = pool.connect(srv.wsUrl, board, 'participant')
    await whenDoc(watcher.doc, () => watcher.doc.getMap('m').size === 400)
    const closed = closeOf(writer)
    // Every other entry: 200 separate ranges in one update.
    writer.doc.transact(() => {
      for (let i = 0; i < 400; i += 2) m.delete(`k${i}`)
    })
    expect(await closed).toEqual({ code: 4413, reason: 'TOO_MANY_DELETIONS' })
    expect((await stored(srv, board.id)).getMap('m').size).toBe(400)
  })
})

describe('board size budget', () => {
  it('[U2] a board over its budget refuses growth with 4413 BOARD_FULL but accepts deletions, and takes growth again after', async () => {
    const srv = await server({ BOARD_MAX_BYTES: String(64 * 1024) })
    const board = await srv.createBoard()
    const first = pool.connect(srv.wsUrl, board, 'participant')
    await first.synced()
    const m = first.doc.getMap<string>('m')
    for (const key of ['a', 'b', 'c']) m.set(key, key.repeat(20_000))
    const watcher = pool.connect(srv.wsUrl, board, 'participant')
    await whenDoc(watcher.doc, () => watcher.doc.getMap('m').size === 3)

    const closed = closeOf(first)
    m.set('d', 'd'.repeat(20_000))
    expect(await closed).toEqual({ code: 4413, reason: 'BOARD_FULL' })
    expect((await stored(srv, board.id)).getMap('m').has('d')).toBe(false)

    // Someone else cleans up: deletions are accepted on a full board…
    const cleaner = pool.connect(srv.wsUrl, board, 'participant')
    await whenDoc(cleaner.doc, () => cleaner.doc.getMap('m').size === 3)
    cleaner.doc.getMap('m').delete('a')
    cleaner.doc.getMap('m').delete('b')
    await whenDoc(watcher.doc, () => watcher.doc.getMap('m').size === 1)
    // …and then there is room again.
    cleaner.doc.getMap('m').set('e', 'e'.repeat(20_000))
    await whenDoc(watcher.doc, () => watcher.doc.getMap('m').has('e'))
    expect(cleaner.provider.wsconnected).toBe(true)
    expect([...(await stored(srv, board.id)).getMap('m').keys()].sort()).toEqual(['c', 'e'])
  })
})
