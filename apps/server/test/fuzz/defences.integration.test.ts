import * as encoding from 'lib0/encoding'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { clientPool, rawConnect, startServer, type TestServer, tokenOf } from '../harness.ts'

// The sync endpoint's own defences, each on a real server with real sockets: junk is refused before anything is
// decoded and nothing a refused connection sends afterwards is looked at; presence floods and early floods are
// closed with 4429 and never reach the others.
let srv: TestServer
const pool = clientPool()
beforeAll(async () => {
  srv = await startServer()
})
afterEach(() => pool.destroyAll())
afterAll(async () => {
  await srv.close()
})

/** A presence update for `client` (the y-protocols awareness encoding), as a sync-endpoint frame. */
function presence(client: number, name: string): Uint8Array {
  const update = encoding.createEncoder()
  encoding.writeVarUint(update, 1)
  encoding.writeVarUint(update, client)
  encoding.writeVarUint(update, 1)
  encoding.writeVarString(update, JSON.stringify({ user: { name } }))
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, 1)
  encoding.writeVarUint8Array(e, encoding.toUint8Array(update))
  return encoding.toUint8Array(e)
}

describe('sync endpoint defences', () => {
  it('[S12] a connection inventing presence client ids is closed with 4429 AWARENESS_FLOOD; the flood is not relayed', async () => {
    const board = await srv.createBoard()
    const a = pool.connect(srv.wsUrl, board, 'participant')
    await a.synced()
    const seen = new Set<number>()
    a.provider.awareness.on('change', ({ added }: { added: number[] }) => {
      for (const id of added) seen.add(id)
    })
    const url = `${srv.wsUrl}/sync/${board.id}?token=${tokenOf(board.links.participant)}`
    const flood = Array.from({ length: 50 }, (_, i) => presence(1_000_000 + i, `flood ${i}`))
    const result = await rawConnect(url, (ws) => {
      for (const f of flood) ws.send(f)
    })
    expect(result).toMatchObject({ code: 4429, reason: 'AWARENESS_FLOOD' })
    // At most the few a client may introduce reached the others (and they were removed when it was closed).
    const relayed = [...seen].filter((id) => id >= 1_000_000)
    expect(relayed.length).toBeLessThanOrEqual(4)
    for (const id of relayed) expect(a.provider.awareness.getStates().has(id)).toBe(false)
  })

  it('[S12] clients echoing each other’s presence (as y-websocket does) are not taken for a flood', async () => {
    const board = await srv.createBoard()
    const clients = Array.from({ length: 8 }, () => pool.connect(srv.wsUrl, board, 'participant'))
    await Promise.all(clients.map((c) => c.synced()))
    const closed: number[] = []
    for (const [i, c] of clients.entries()) {
      c.provider.on('connection-close', (event: { code: number } | null) => closed.push(event?.code ?? 0))
      c.provider.awareness.setLocalStateField('user', { name: `p${i}` })
    }
    // Everyone sees everyone: each client has echoed the others' entries back by now.
    await Promise.all(
      clients.map(
        (c) =>
          new Promise<void>((resolve) => {
            const check = () => {
              if (c.provider.awareness.getStates().size !== clients.length) return
              c.provider.awareness.off('change', check)
              resolve()
            }
            c.provider.awareness.on('change', check)
            check()
          }),
      ),
    )
    // One more round trip on every connection after the echoes: all of them are still open.
    for (const c of clients) c.provider.awareness.setLocalStateField('user', { name: 'again' })
    const last = clients[0]!
    last.doc.getMap('m').set('k', 1)
    await Promise.all(
      clients.map(
        (c) =>
          new Promise<void>((resolve) => {
            const check = () => {
              if (c.doc.getMap('m').get('k') !== 1) return
              c.doc.off('update', check)
              resolve()
            }
            c.doc.on('update', check)
            check()
          }),
      ),
    )
    expect(closed).toEqual([])
    expect(clients.every((c) => c.provider.wsconnected)).toBe(true)
  })

  it('[S13] after a malformed frame nothing more from that connection is handled', async () => {
    const board = await srv.createBoard()
    const a = pool.connect(srv.wsUrl, board, 'participant')
    await a.synced()
    const url = `${srv.wsUrl}/sync/${board.id}?token=${tokenOf(board.links.participant)}`
    const result = await rawConnect(url, (ws) => {
      ws.send(Uint8Array.from([0, 2, 9, 1])) // an update whose length prefix claims more than the frame has
      ws.send(presence(2_000_001, 'after the junk'))
    })
    expect(result).toMatchObject({ code: 4400, reason: 'BAD_LENGTH' })
    // A later edit reaches a fresh client; the presence sent after the junk never did.
    const b = pool.connect(srv.wsUrl, board, 'participant')
    await b.synced()
    expect(b.provider.awareness.getStates().has(2_000_001)).toBe(false)
    expect(a.provider.awareness.getStates().has(2_000_001)).toBe(false)
  })

  it('[S13] a connection sending far more than a client does before it has joined is closed with 4429', async () => {
    const board = await srv.createBoard() // not in memory: the connection waits for it to load
    const url = `${srv.wsUrl}/sync/${board.id}?token=${tokenOf(board.links.participant)}`
    const query = Uint8Array.from([3])
    const result = await rawConnect(url, (ws) => {
      // In one TCP write, so they all arrive before the board has loaded (the socket is ws's own, hence the cast).
      const tcp = (ws as unknown as { _socket: import('node:net').Socket })._socket
      tcp.cork()
      for (let i = 0; i < 100; i++) ws.send(query)
      tcp.uncork()
    })
    expect(result).toMatchObject({ code: 4429, reason: 'RATE_LIMITED' })
  })
})
