import { MessageType, SyncMessageType } from '@waardentafel/protocol'
import * as decoding from 'lib0/decoding'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { Room } from './Room.ts'
import { ManualClock } from './testing/ManualClock.ts'
import { RecordingSocket, syncUpdateMessage } from './testing/RecordingSocket.ts'

/** How many sync step 1 messages (the room asking for what it lacks) the socket was sent. */
function questions(socket: RecordingSocket): number {
  return socket.sent.filter((m) => {
    const d = decoding.createDecoder(m)
    return decoding.readVarUint(d) === MessageType.sync && decoding.readVarUint(d) === SyncMessageType.step1
  }).length
}

describe('Room: an update that builds on what the server lacks', () => {
  it('is dropped, and the writer is asked for the rest at most once a second — and again when the second is over', async () => {
    const clock = new ManualClock()
    const rows: Uint8Array[] = []
    const dropped: string[] = []
    const room = new Room({
      boardId: 'b',
      stored: { snapshot: null, updates: [], lastSeq: 0 },
      persist: async (updates) => updates.map((u) => rows.push(u)),
      onFailure: () => {},
      onDroppedGap: (socket) => dropped.push(socket.id),
      clock,
      scheduler: clock,
    })
    const writer = new RecordingSocket('w')
    room.join(writer)
    expect(questions(writer)).toBe(1) // on joining
    const client = new Y.Doc()
    client.getArray('log').push(['1'])
    const before = Y.encodeStateVector(client)
    client.getArray('log').push(['2'])
    const gap = Y.encodeStateAsUpdate(client, before) // builds on '1', which the server never got
    clock.advance(1000)
    room.receive(writer, syncUpdateMessage(gap))
    expect(questions(writer)).toBe(2)
    for (let i = 0; i < 20; i++) room.receive(writer, syncUpdateMessage(gap))
    expect(questions(writer)).toBe(2)
    expect(dropped).toHaveLength(21)
    clock.advance(999)
    expect(questions(writer)).toBe(2)
    clock.advance(1)
    expect(questions(writer)).toBe(3)
    // Nothing of it was stored or applied, and the connection stays open.
    clock.runTurn()
    await room.flushed()
    expect(rows).toEqual([])
    expect(room.doc.getArray('log').length).toBe(0)
    expect(writer.closed).toBeNull()
    room.destroy()
    expect(clock.pendingTimers).toBe(0)
  })
})
