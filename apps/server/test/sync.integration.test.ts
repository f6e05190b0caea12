import * as encoding from 'lib0/encoding'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { clientPool, rawConnect, startServer, type TestServer, tokenOf, whenDoc } from './harness.ts'

let srv: TestServer
const pool = clientPool()
const client = pool.connect

beforeEach(async () => {
  srv = await startServer()
})
afterEach(async () => {
  pool.destroyAll()
  await srv.close()
})

describe('sync', () => {
  it('[S1] N clients on one board converge', async () => {
    const board = await srv.createBoard()
    const n = 6
    const cs = Array.from({ length: n }, (_, i) =>
      client(srv.wsUrl, board, i === 0 ? 'facilitator' : 'participant'),
    )
    await Promise.all(cs.map((c) => c.synced()))
    cs.forEach((c, i) => {
      c.doc.getMap('m').set(`k${i}`, i)
    })
    await Promise.all(cs.map((c) => whenDoc(c.doc, () => c.doc.getMap('m').size === n)))
    const states = cs.map((c) => c.doc.getMap('m').toJSON())
    for (const s of states) expect(s).toEqual(states[0])
  })

  it('[S2] observer document updates are never applied, stored or relayed; their awareness is', async () => {
    const board = await srv.createBoard()
    const writer = client(srv.wsUrl, board, 'participant')
    const observer = client(srv.wsUrl, board, 'observer')
    await Promise.all([writer.synced(), observer.synced()])

    observer.doc.getMap('m').set('observer', 'should not travel')
    observer.provider.awareness.setLocalStateField('user', { name: 'Wethouder' })
    // The writer's own edit, sent after the observer's, reaching the observer proves the server
    // processed the observer's frame first.
    writer.doc.getMap('m').set('writer', 'ok')
    await whenDoc(observer.doc, () => observer.doc.getMap('m').get('writer') === 'ok')
    await new Promise<void>((resolve) => {
      const check = () => {
        const seen = [...writer.provider.awareness.getStates().values()].some(
          (s) => s.user?.name === 'Wethouder',
        )
        if (seen) {
          writer.provider.awareness.off('change', check)
          resolve()
        }
      }
      writer.provider.awareness.on('change', check)
      check()
    })
    expect(writer.doc.getMap('m').get('observer')).toBeUndefined()

    await srv.server.rooms.acquire(board.id).then((room) => room.flushed())
    srv.server.rooms.release(board.id)
    const stored = await srv.storage.loadDoc(board.id)
    const replay = new Y.Doc()
    for (const u of stored.updates) Y.applyUpdate(replay, u.data)
    expect(replay.getMap('m').toJSON()).toEqual({ writer: 'ok' })
  })

  it('[S3] edits made offline merge on reconnect', async () => {
    const board = await srv.createBoard()
    const a = client(srv.wsUrl, board, 'participant')
    const b = client(srv.wsUrl, board, 'participant')
    await Promise.all([a.synced(), b.synced()])
    a.provider.disconnect()
    a.doc.getMap('m').set('offline-a', 1)
    b.doc.getMap('m').set('online-b', 2)
    a.provider.connect()
    await whenDoc(a.doc, () => a.doc.getMap('m').get('online-b') === 2)
    await whenDoc(b.doc, () => b.doc.getMap('m').get('offline-a') === 1)
  })

  it('[S4] two clients opening a new board at the same moment both sync the same state', async () => {
    const board = await srv.createBoard()
    const a = client(srv.wsUrl, board, 'participant')
    const b = client(srv.wsUrl, board, 'participant')
    await Promise.all([a.synced(), b.synced()])
    // Both seed the same deterministic record at once; one value wins everywhere.
    a.doc.getMap('records').set('page:page', { name: 'Pagina 1', by: 'a' })
    b.doc.getMap('records').set('page:page', { name: 'Pagina 1', by: 'b' })
    // Converged once both hold both writes (whichever arrives last decides when that is).
    const both = (d: Y.Doc) => Y.decodeStateVector(Y.encodeStateVector(d)).size === 2
    await Promise.all([whenDoc(a.doc, () => both(a.doc)), whenDoc(b.doc, () => both(b.doc))])
    expect(a.doc.getMap('records').toJSON()).toEqual(b.doc.getMap('records').toJSON())
    expect(a.doc.getMap('records').size).toBe(1)
    expect(b.doc.getMap('records').size).toBe(1)
  })

  it('[S5] a board is unloaded after its grace period and loads back intact', async () => {
    await srv.close()
    const unloaded: string[] = []
    srv = await startServer(
      { UNLOAD_GRACE_MS: '50' },
      { roomEvents: { unloaded: (id) => unloaded.push(id) } },
    )
    const board = await srv.createBoard()
    const a = client(srv.wsUrl, board, 'participant')
    await a.synced()
    a.doc.getMap('m').set('kept', true)
    const b = client(srv.wsUrl, board, 'participant')
    await whenDoc(b.doc, () => b.doc.getMap('m').get('kept') === true)
    a.destroy()
    b.destroy()
    await new Promise<void>((resolve) => {
      const poll = setInterval(() => {
        if (unloaded.includes(board.id)) {
          clearInterval(poll)
          resolve()
        }
      }, 10)
    })
    expect(srv.server.rooms.loadedBoards).toBe(0)
    const c = client(srv.wsUrl, board, 'participant')
    await c.synced()
    expect(c.doc.getMap('m').get('kept')).toBe(true)
  })
})

describe('bad input', () => {
  const frame = (...parts: number[]) => new Uint8Array(parts)

  it('[S6] malformed, unknown-type and text frames close only that connection; others keep syncing', async () => {
    const board = await srv.createBoard()
    const a = client(srv.wsUrl, board, 'participant')
    const b = client(srv.wsUrl, board, 'participant')
    await Promise.all([a.synced(), b.synced()])
    a.doc.getMap('m').set('before', 1)
    await whenDoc(b.doc, () => b.doc.getMap('m').get('before') === 1)
    const before = await srv.storage.loadDoc(board.id)

    const url = `${srv.wsUrl}/sync/${board.id}?token=${tokenOf(board.links.participant)}`
    const truncatedUpdate = encoding.createEncoder()
    encoding.writeVarUint(truncatedUpdate, 0)
    encoding.writeVarUint(truncatedUpdate, 2)
    encoding.writeVarUint(truncatedUpdate, 50) // claims 50 bytes, sends 3
    encoding.writeUint8(truncatedUpdate, 1)
    encoding.writeUint8(truncatedUpdate, 2)
    encoding.writeUint8(truncatedUpdate, 3)
    const garbageUpdate = encoding.createEncoder()
    encoding.writeVarUint(garbageUpdate, 0)
    encoding.writeVarUint(garbageUpdate, 2)
    encoding.writeVarUint8Array(garbageUpdate, frame(255, 255, 255, 255, 255, 1, 7, 9))
    const cases: Array<[string, Uint8Array | string, number]> = [
      ['unknown message type', frame(42, 0), 4400],
      ['unknown sync subtype', frame(0, 9, 0), 4400],
      ['truncated update', encoding.toUint8Array(truncatedUpdate), 4400],
      ['garbage update', encoding.toUint8Array(garbageUpdate), 4400],
      ['bad varint', frame(0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff), 4400],
      ['text frame', 'hello', 4400],
    ]
    for (const [name, payload, code] of cases) {
      const result = await rawConnect(url, (ws) => ws.send(payload))
      expect(result.code, name).toBe(code)
    }
    a.doc.getMap('m').set('after', 2)
    await whenDoc(b.doc, () => b.doc.getMap('m').get('after') === 2)
    expect((await fetch(`${srv.url}/healthz`)).status).toBe(200)
    const after = await srv.storage.loadDoc(board.id)
    expect(after.updates.length).toBe(before.updates.length + 1)
  })

  it('[S7] an oversize frame closes that connection with 4413', async () => {
    await srv.close()
    srv = await startServer({ MAX_MESSAGE_BYTES: '1024' })
    const board = await srv.createBoard()
    const a = client(srv.wsUrl, board, 'participant')
    await a.synced()
    const url = `${srv.wsUrl}/sync/${board.id}?token=${tokenOf(board.links.participant)}`
    const big = new Uint8Array(1500).fill(1)
    big[0] = 1
    expect((await rawConnect(url, (ws) => ws.send(big))).code).toBe(4413)
    const huge = new Uint8Array(10_000)
    expect((await rawConnect(url, (ws) => ws.send(huge))).code).toBe(1009)
    a.doc.getMap('m').set('still', 'syncing')
    const b = client(srv.wsUrl, board, 'participant')
    await whenDoc(b.doc, () => b.doc.getMap('m').get('still') === 'syncing')
  })

  it('[S8] a flooding connection is closed with 4429', async () => {
    await srv.close()
    srv = await startServer({ MAX_MESSAGES_PER_SECOND: '50' })
    const board = await srv.createBoard()
    const url = `${srv.wsUrl}/sync/${board.id}?token=${tokenOf(board.links.participant)}`
    const query = frame(3)
    const result = await rawConnect(url, (ws) => {
      for (let i = 0; i < 500; i++) ws.send(query)
    })
    expect(result.code).toBe(4429)
  })
})

describe('awareness limits', () => {
  it('[S9] an oversize awareness update closes that connection with 4413 and is not relayed', async () => {
    const board = await srv.createBoard()
    const a = client(srv.wsUrl, board, 'participant')
    await a.synced()
    const url = `${srv.wsUrl}/sync/${board.id}?token=${tokenOf(board.links.participant)}`
    const { Awareness, encodeAwarenessUpdate } = await import('y-protocols/awareness')
    const fake = new Awareness(new Y.Doc())
    fake.setLocalState({ blob: 'x'.repeat(100_000) })
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, 1)
    encoding.writeVarUint8Array(encoder, encodeAwarenessUpdate(fake, [fake.clientID]))
    const result = await rawConnect(url, (ws) => ws.send(encoding.toUint8Array(encoder)))
    fake.destroy()
    expect(result.code).toBe(4413)
    expect(a.provider.awareness.getStates().has(fake.clientID)).toBe(false)
  })
})

describe('long offline', () => {
  it('[S10] a client offline through ten minutes of edits (600 by others, 600 of its own) merges with nothing lost', async () => {
    const board = await srv.createBoard()
    const away = client(srv.wsUrl, board, 'participant')
    const here = client(srv.wsUrl, board, 'participant')
    await Promise.all([away.synced(), here.synced()])
    away.provider.disconnect()
    // One edit per second for ten minutes on each side, as separate transactions.
    for (let s = 0; s < 600; s++) {
      here.doc.getArray<string>('log').push([`here:${s}`])
      away.doc.getArray<string>('log').push([`away:${s}`])
      if (s % 60 === 0) here.doc.getMap('notes').set(`minute-${s / 60}`, `here ${s}`)
    }
    await whenDoc(here.doc, () => here.doc.getArray('log').length === 600)
    away.provider.connect()
    await whenDoc(away.doc, () => away.doc.getArray('log').length === 1200, 10_000)
    await whenDoc(here.doc, () => here.doc.getArray('log').length === 1200, 10_000)
    expect(away.doc.getArray('log').toArray()).toEqual(here.doc.getArray('log').toArray())
    expect(away.doc.getMap('notes').size).toBe(10)
  })
})

describe('first visit', () => {
  it('[S11] a fresh client opening a stored board gets it from storage, then whatever came after, in one doc', async () => {
    await srv.close()
    const unloaded: string[] = []
    srv = await startServer({ UNLOAD_GRACE_MS: '0' }, { roomEvents: { unloaded: (id) => unloaded.push(id) } })
    const board = await srv.createBoard()
    const writer = client(srv.wsUrl, board, 'participant')
    await writer.synced()
    for (let i = 0; i < 50; i++) writer.doc.getMap('m').set(`k${i}`, i)
    const reader = client(srv.wsUrl, board, 'observer')
    await whenDoc(reader.doc, () => reader.doc.getMap('m').size === 50)
    writer.destroy()
    reader.destroy()
    await vi.waitFor(() => expect(unloaded).toContain(board.id))

    // Two first visits at once: both are answered from storage while the room is built, and both converge
    // with an edit one of them makes straight away.
    const a = client(srv.wsUrl, board, 'participant')
    const b = client(srv.wsUrl, board, 'participant')
    await Promise.all([a.synced(), b.synced()])
    expect(a.doc.getMap('m').size).toBe(50)
    a.doc.getMap('m').set('after', true)
    await whenDoc(b.doc, () => b.doc.getMap('m').get('after') === true)
    expect(b.doc.getMap('m').size).toBe(51)
  })
})
