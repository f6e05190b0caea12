import type { Role } from '@waardentafel/protocol'
import { MessageType, SyncMessageType } from '@waardentafel/protocol'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { describe, expect, it } from 'vitest'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as Y from 'yjs'
import { Room, type RoomSocket } from './Room.ts'

// The pure room core with its own ports: sockets that record what they are sent, and storage as an array.

class RecordingSocket implements RoomSocket {
  readonly role: Role
  readonly generation = 0
  readonly sent: Uint8Array[] = []
  readonly id: string
  closed: { code: number; reason: string } | null = null
  constructor(id: string, role: Role = 'participant') {
    this.id = id
    this.role = role
  }
  send(message: Uint8Array): void {
    this.sent.push(message)
  }
  close(code: number, reason: string): void {
    this.closed = { code, reason }
  }
  ofType(type: number): Uint8Array[] {
    return this.sent.filter((m) => decoding.readVarUint(decoding.createDecoder(m)) === type)
  }
}

function newRoom(rows: Uint8Array[] = []): Room {
  return new Room({
    boardId: 'b',
    stored: { snapshot: null, updates: [], lastSeq: 0 },
    persist: async (updates) => updates.map((u) => rows.push(u)),
    onFailure: () => {},
  })
}

const turn = () => new Promise((resolve) => setImmediate(resolve))

async function settled(room: Room): Promise<void> {
  await turn()
  await room.flushed()
}

function syncUpdate(update: Uint8Array): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, MessageType.sync)
  encoding.writeVarUint(e, SyncMessageType.update)
  encoding.writeVarUint8Array(e, update)
  return encoding.toUint8Array(e)
}

function editBy(clientID: number, key: string): Uint8Array {
  const doc = new Y.Doc()
  doc.clientID = clientID
  doc.getMap('m').set(key, clientID)
  return Y.encodeStateAsUpdate(doc)
}

/** The document updates a socket was sent, applied to one fresh doc. */
function received(socket: RecordingSocket): Y.Doc {
  const doc = new Y.Doc()
  for (const m of socket.ofType(MessageType.sync)) {
    const d = decoding.createDecoder(m)
    decoding.readVarUint(d)
    if (decoding.readVarUint(d) === SyncMessageType.update) Y.applyUpdate(doc, decoding.readVarUint8Array(d))
  }
  return doc
}

describe('Room relays', () => {
  it('a batch stored together goes out as one merged update per socket; a lone sender gets nothing back', async () => {
    const rows: Uint8Array[] = []
    const room = newRoom(rows)
    const [a, b, c, watcher] = ['a', 'b', 'c', 'w'].map((id) => new RecordingSocket(id))
    for (const s of [a!, b!, c!, watcher!]) room.join(s)
    const before = (s: RecordingSocket) => s.ofType(MessageType.sync).length
    const start = new Map([a, b, c, watcher].map((s) => [s!, before(s!)]))
    room.receive(a!, syncUpdate(editBy(1, 'a')))
    room.receive(b!, syncUpdate(editBy(2, 'b')))
    room.receive(c!, syncUpdate(editBy(3, 'c')))
    await settled(room)
    expect(rows).toHaveLength(3) // stored as received, one row each
    for (const s of [a!, b!, c!, watcher!]) {
      expect(before(s) - start.get(s)!, s.id).toBe(1)
      expect(received(s).getMap('m').toJSON()).toEqual({ a: 1, b: 2, c: 3 })
    }
    // One change alone goes to everyone but its sender.
    const now = new Map([a, b, c, watcher].map((s) => [s!, before(s!)]))
    room.receive(a!, syncUpdate(editBy(4, 'again')))
    await settled(room)
    expect(before(a!) - now.get(a!)!).toBe(0)
    for (const s of [b!, c!, watcher!]) expect(before(s) - now.get(s)!, s.id).toBe(1)
    room.destroy()
  })

  it('a live edit goes out as received once stored, before the room applies it; a catching-up step 2 only with what it adds', async () => {
    const rows: Uint8Array[] = []
    const room = newRoom(rows)
    const [a, b] = ['a', 'b'].map((id) => new RecordingSocket(id))
    // What the room's doc held when each message reached b.
    const heldWhenSent: unknown[] = []
    const send = b!.send.bind(b)
    b!.send = (message) => {
      heldWhenSent.push(room.doc.getMap('m').get('live'))
      send(message)
    }
    for (const s of [a!, b!]) room.join(s)
    const update = editBy(1, 'live')
    heldWhenSent.length = 0
    room.receive(a!, syncUpdate(update))
    await settled(room)
    expect(rows).toEqual([update]) // stored before it was relayed
    expect(b!.sent.at(-1)).toEqual(syncUpdate(update)) // the bytes as received
    expect(heldWhenSent).toEqual([undefined]) // relayed before the doc applied it
    expect(room.doc.getMap('m').get('live')).toBe(1)

    // A reconnecting client's sync step 2: everything it has that the room lacks, plus its whole delete set.
    const client = new Y.Doc()
    Y.applyUpdate(client, update)
    const roomState = Y.encodeStateVector(room.doc)
    client.clientID = 2
    client.getMap('m').set('offline', 2)
    const step2 = encoding.createEncoder()
    encoding.writeVarUint(step2, MessageType.sync)
    encoding.writeVarUint(step2, SyncMessageType.step2)
    encoding.writeVarUint8Array(step2, Y.encodeStateAsUpdate(client, roomState))
    const known = encoding.createEncoder()
    encoding.writeVarUint(known, MessageType.sync)
    encoding.writeVarUint(known, SyncMessageType.step2)
    encoding.writeVarUint8Array(known, update) // only what the room has already
    const sentBefore = b!.sent.length
    room.receive(a!, encoding.toUint8Array(known))
    room.receive(a!, encoding.toUint8Array(step2))
    await settled(room)
    const relayed = b!.sent.slice(sentBefore)
    expect(relayed).toHaveLength(1) // the repeat went nowhere; what was new went out once
    expect(received(b!).getMap('m').toJSON()).toEqual({ live: 1, offline: 2 })
    room.destroy()
  })

  it('presence changes of one turn go out as one message per socket, with the latest state of each', async () => {
    const room = newRoom()
    const sockets = ['a', 'b', 'c'].map((id) => new RecordingSocket(id))
    for (const s of sockets) room.join(s)
    const cursors = [11, 12].map((clientID) => {
      const doc = new Y.Doc()
      doc.clientID = clientID
      return new awarenessProtocol.Awareness(doc)
    })
    for (let i = 0; i < 20; i++) {
      cursors.forEach((awareness, j) => {
        awareness.setLocalStateField('cursor', { x: i, y: j })
        const e = encoding.createEncoder()
        encoding.writeVarUint(e, MessageType.awareness)
        encoding.writeVarUint8Array(
          e,
          awarenessProtocol.encodeAwarenessUpdate(awareness, [awareness.clientID]),
        )
        room.receive(sockets[j]!, encoding.toUint8Array(e))
      })
    }
    await turn()
    for (const s of sockets) {
      const messages = s.ofType(MessageType.awareness)
      expect(messages).toHaveLength(1)
      const seen = new awarenessProtocol.Awareness(new Y.Doc())
      const d = decoding.createDecoder(messages[0]!)
      decoding.readVarUint(d)
      awarenessProtocol.applyAwarenessUpdate(seen, decoding.readVarUint8Array(d), null)
      // Stamped with the role of the socket's token on the way.
      expect(seen.getStates().get(11)).toEqual({ cursor: { x: 19, y: 0 }, user: { role: 'participant' } })
      expect(seen.getStates().get(12)).toEqual({ cursor: { x: 19, y: 1 }, user: { role: 'participant' } })
      seen.destroy()
    }
    for (const a of cursors) a.destroy()
    room.destroy()
  })

  it('drops updates that build on changes it never got (Yjs would keep them pending); keeps everything else', async () => {
    const rows: Uint8Array[] = []
    const dropped: string[] = []
    const room = new Room({
      boardId: 'b',
      stored: { snapshot: null, updates: [], lastSeq: 0 },
      persist: async (updates) => updates.map((u) => rows.push(u)),
      onFailure: () => {},
      onDroppedGap: (socket) => dropped.push(socket.id),
    })
    const a = new RecordingSocket('a')
    room.join(a)
    // A client whose doc has text the server never got (client 7), then edits next to it and deletes some of it.
    const doc = new Y.Doc()
    doc.clientID = 7
    const text = doc.getText('t')
    text.insert(0, 'unseen')
    const before = Y.encodeStateVector(doc)
    const other = new Y.Doc()
    other.clientID = 8
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc))
    const beforeOther = Y.encodeStateVector(other)
    other.getText('t').insert(3, 'X') // origin: an item of client 7 the server does not have
    room.receive(a, syncUpdate(Y.encodeStateAsUpdate(other, beforeOther)))
    text.delete(0, 2) // deletes items the server does not have
    room.receive(a, syncUpdate(Y.encodeStateAsUpdate(doc, before)))
    // Creating and deleting in one update, and an ordinary edit, are kept.
    const fresh = new Y.Doc()
    fresh.clientID = 9
    fresh.transact(() => {
      fresh.getText('t').insert(0, 'tmp')
      fresh.getText('t').delete(0, 1)
    })
    room.receive(a, syncUpdate(Y.encodeStateAsUpdate(fresh)))
    room.receive(a, syncUpdate(editBy(10, 'ok')))
    await settled(room)
    expect(dropped).toEqual(['a', 'a'])
    expect(rows).toHaveLength(2)
    expect(room.doc.getText('t').toString()).toBe('mp')
    expect(room.doc.getMap('m').get('ok')).toBe(10)
    room.destroy()
  })
})

describe('Room answers first visits', () => {
  /** Sync step 1 with the given state vector, and the step 2 the room answers with (its update). */
  function ask(room: Room, socket: RecordingSocket, stateVector: Uint8Array): Uint8Array {
    const e = encoding.createEncoder()
    encoding.writeVarUint(e, MessageType.sync)
    encoding.writeVarUint(e, SyncMessageType.step1)
    encoding.writeVarUint8Array(e, stateVector)
    const before = socket.sent.length
    room.receive(socket, encoding.toUint8Array(e))
    const answer = socket.sent.slice(before).find((m) => {
      const d = decoding.createDecoder(m)
      return decoding.readVarUint(d) === MessageType.sync && decoding.readVarUint(d) === SyncMessageType.step2
    })
    expect(answer, 'sync step 2').toBeDefined()
    const d = decoding.createDecoder(answer!)
    decoding.readVarUint(d)
    decoding.readVarUint(d)
    return decoding.readVarUint8Array(d)
  }
  const empty = Y.encodeStateVector(new Y.Doc())
  const contents = (update: Uint8Array) => {
    const doc = new Y.Doc()
    Y.applyUpdate(doc, update)
    return doc.getMap('m').toJSON()
  }

  it('encodes the whole document once while it is unchanged, anew after a change, and hibernates from it', async () => {
    const room = new Room({
      boardId: 'b',
      stored: { snapshot: null, updates: [{ seq: 1, data: editBy(1, 'a') }], lastSeq: 1 },
      persist: async (updates) => updates.map((_, i) => 2 + i),
      onFailure: () => {},
      hibernateAfterMs: 60_000,
    })
    room.doc // awake
    const [a, b, c] = ['a', 'b', 'c'].map((id) => new RecordingSocket(id))
    for (const s of [a!, b!, c!]) room.join(s)
    const first = ask(room, a!, empty)
    const second = ask(room, b!, empty)
    expect(contents(first)).toEqual({ a: 1 })
    expect(second.buffer, 'the same bytes, not encoded again').toBe(first.buffer)
    // A returning device (non-empty state vector) gets only what it lacks, encoded for it.
    const returning = new Y.Doc()
    Y.applyUpdate(returning, first)
    expect(ask(room, c!, Y.encodeStateVector(returning)).byteLength).toBeLessThan(first.byteLength)

    room.receive(c!, syncUpdate(editBy(2, 'b')))
    await settled(room)
    const afterEdit = ask(room, a!, empty)
    expect(afterEdit.buffer).not.toBe(first.buffer)
    expect(contents(afterEdit)).toEqual({ a: 1, b: 2 })

    expect(room.hibernate()).toBe(true)
    expect(contents(ask(room, b!, empty))).toEqual({ a: 1, b: 2 })
    expect(room.doc.getMap('m').toJSON()).toEqual({ a: 1, b: 2 })
    room.destroy()
  })
})
