import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { Room, type RoomOptions } from './Room.ts'
import { RecordingSocket, syncUpdateMessage } from './testing/RecordingSocket.ts'

// Per-update limits and the board's size budget in the pure room core (apps/server/SPEC.md [U1]–[U2]).

function newRoom(rows: Uint8Array[], options: Partial<RoomOptions> = {}): Room {
  return new Room({
    boardId: 'b',
    stored: { snapshot: null, updates: [], lastSeq: 0 },
    persist: async (updates) => updates.map((u) => rows.push(u)),
    onFailure: () => {},
    ...options,
  })
}

/** A client's doc whose every change is captured as the update it sends. */
function client(clientID: number): { doc: Y.Doc; sent: Uint8Array[] } {
  const doc = new Y.Doc()
  doc.clientID = clientID
  const sent: Uint8Array[] = []
  doc.on('update', (u: Uint8Array) => sent.push(u))
  return { doc, sent }
}

describe('Room update limits', () => {
  it('[U1] refuses an update with too many structs (from its header, or counted) or delete ranges with 4413; stores nothing of it', async () => {
    const rows: Uint8Array[] = []
    const refused: string[] = []
    const room = newRoom(rows, {
      limits: { maxUpdateStructs: 100, maxUpdateDeleteRanges: 10 },
      onRefused: (_s, reason) => refused.push(reason),
    })
    // One client block of 150 map entries: refused from the header.
    const one = client(1)
    one.doc.transact(() => {
      for (let i = 0; i < 150; i++) one.doc.getMap('m').set(`k${i}`, i)
    })
    const a = new RecordingSocket('a')
    room.join(a)
    room.receive(a, syncUpdateMessage(one.sent.at(-1)!))
    expect(a.closed).toEqual({ code: 4413, reason: 'TOO_MANY_STRUCTS' })
    // Three clients' blocks of 60 each: counted once decoded.
    const merged = Y.mergeUpdates(
      [2, 3, 4].map((id) => {
        const c = client(id)
        c.doc.transact(() => {
          for (let i = 0; i < 60; i++) c.doc.getMap('m').set(`${id}:${i}`, i)
        })
        return c.sent.at(-1)!
      }),
    )
    const b = new RecordingSocket('b')
    room.join(b)
    room.receive(b, syncUpdateMessage(merged))
    expect(b.closed).toEqual({ code: 4413, reason: 'TOO_MANY_STRUCTS' })

    // Twenty separate deletions in one update.
    const w = client(5)
    w.doc.transact(() => {
      for (let i = 0; i < 40; i++) w.doc.getMap('m').set(`d${i}`, i)
    })
    const c = new RecordingSocket('c')
    room.join(c)
    room.receive(c, syncUpdateMessage(w.sent.at(-1)!))
    await room.flushed()
    expect(rows).toHaveLength(1)
    w.doc.transact(() => {
      for (let i = 0; i < 40; i += 2) w.doc.getMap('m').delete(`d${i}`)
    })
    room.receive(c, syncUpdateMessage(w.sent.at(-1)!))
    expect(c.closed).toEqual({ code: 4413, reason: 'TOO_MANY_DELETIONS' })
    await room.flushed()
    expect(rows).toHaveLength(1)
    expect(refused).toEqual(['TOO_MANY_STRUCTS', 'TOO_MANY_STRUCTS', 'TOO_MANY_DELETIONS'])
    expect(room.doc.getMap('m').size).toBe(40)
    room.destroy()
  })

  it('[U2] a board past its budget refuses growth with 4413 BOARD_FULL, accepts deletions, and grows again once smaller', async () => {
    const rows: Uint8Array[] = []
    const room = newRoom(rows, { limits: { maxBoardBytes: 10_000 } })
    const w = client(1)
    const a = new RecordingSocket('a')
    room.join(a)
    const send = (socket: RecordingSocket) => room.receive(socket, syncUpdateMessage(w.sent.at(-1)!))
    for (const key of ['a', 'b', 'c', 'd']) {
      w.doc.getMap('m').set(key, key.repeat(2000))
      send(a)
      await room.flushed()
    }
    expect(a.closed).toBeNull()
    w.doc.getMap('m').set('e', 'e'.repeat(2000))
    send(a)
    expect(a.closed).toEqual({ code: 4413, reason: 'BOARD_FULL' })
    await room.flushed()
    expect(room.doc.getMap('m').has('e')).toBe(false)

    // The refused change stays on that client; another connection cleans up from the server's state.
    const cleaner = client(2)
    Y.applyUpdate(cleaner.doc, Y.encodeStateAsUpdate(room.doc))
    const b = new RecordingSocket('b')
    room.join(b)
    const sendB = () => room.receive(b, syncUpdateMessage(cleaner.sent.at(-1)!))
    cleaner.doc.getMap('m').delete('a')
    sendB()
    cleaner.doc.getMap('m').delete('b')
    sendB()
    await room.flushed()
    expect(b.closed).toBeNull()
    cleaner.doc.getMap('m').set('f', 'f'.repeat(2000))
    sendB()
    await room.flushed()
    expect(b.closed).toBeNull()
    expect([...room.doc.getMap('m').keys()].sort()).toEqual(['c', 'd', 'f'])
    room.destroy()
  })
})
