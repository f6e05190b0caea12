import { PRIORITERING_TYPE, VALUE_CARD_TYPE } from '@waardentafel/domain'
import { FACILITATION_MAP } from '@waardentafel/protocol'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { Room } from '../../src/room/Room.ts'
import { RecordingSocket, syncUpdateMessage } from '../../src/room/testing/RecordingSocket.ts'
import { forgedItem, forgeUpdate } from '../support/forge.ts'

// Red team, room level: a participant with a modified client sends hand-laid Yjs updates to a locked board.
// Each test asserts the safe outcome: the locked records and the server-only `facilitation` map stay as they are,
// the room keeps working, and what the server writes next lands as written.

const FACILITATOR = 1
const PARTICIPANT = 7
const TEMPLATE = 'shape:prio'
const CARD = 'shape:v1'
const NOTE = 'shape:n1'

function board(): Uint8Array {
  const doc = new Y.Doc()
  doc.clientID = FACILITATOR
  const records = doc.getMap<Y.Map<unknown>>('records')
  const shape = (id: string, type: string, x: number, parentId: string) => {
    const record = new Y.Map<unknown>()
    records.set(id, record)
    record.set('type', type)
    record.set('x', x)
    record.set('parentId', parentId)
    const props = new Y.Map<unknown>()
    record.set('props', props)
    props.set('name', id)
  }
  doc.transact(() => {
    shape(TEMPLATE, PRIORITERING_TYPE, 0, 'page:p')
    shape(CARD, VALUE_CARD_TYPE, 40, TEMPLATE)
    shape(NOTE, 'note', 2000, 'page:p')
  })
  // The facilitator's last write is the card's place (its client's last struct: the current value of card.x).
  doc.transact(() => records.get(CARD)!.set('x', 60))
  return Y.encodeStateAsUpdate(doc)
}

const rooms: Room[] = []
afterEach(() => {
  for (const room of rooms.splice(0)) room.destroy()
})

async function lockedRoom() {
  const rows: Uint8Array[] = []
  const failures: unknown[] = []
  const room = new Room({
    boardId: 'redteam',
    stored: { snapshot: board(), updates: [], lastSeq: 1 },
    persist: async (updates) => updates.map((u) => rows.push(u) + 1),
    onFailure: (error) => failures.push(error),
  })
  rooms.push(room)
  const lock = { structure: true, valueCards: true }
  await room.applyServerChange((doc) => doc.getMap(FACILITATION_MAP).set('lock', lock))
  const lockItem = room.doc.getMap(FACILITATION_MAP)._map.get('lock') as Y.Item
  return { room, rows, failures, lock, serverClient: lockItem.id.client }
}

const settled = async (room: Room) => {
  await new Promise((resolve) => setImmediate(resolve))
  await room.flushed()
}

const recordItem = (room: Room, id: string) => room.doc.getMap('records')._map.get(id) as Y.Item
const record = (room: Room, id: string) => room.doc.getMap<Y.Map<unknown>>('records').get(id)!

/** The locked parts of the board and the server-only map, as JSON. */
const protectedState = (room: Room) =>
  JSON.stringify({
    facilitation: room.doc.getMap(FACILITATION_MAP).toJSON(),
    template: record(room, TEMPLATE).toJSON(),
    card: record(room, CARD).toJSON(),
  })

describe('red team: forged Yjs updates against a locked board (room)', () => {
  it('a Skip gap leaves nothing pending: a card move judged while unlocked does not land after the lock', async () => {
    const rows: Uint8Array[] = []
    const room = new Room({
      boardId: 'redteam',
      stored: { snapshot: board(), updates: [], lastSeq: 1 },
      persist: async (updates) => updates.map((u) => rows.push(u) + 1),
      onFailure: () => {},
    })
    rooms.push(room)
    const attacker = new RecordingSocket('attacker')
    room.join(attacker)
    // Unlocked: the participant's own clock 0 (a note field), a Skip over clock 1, then clock 2 setting the card's x.
    const cardX = (record(room, CARD)._map.get('x') as Y.Item).lastId
    const noteMap = recordItem(room, NOTE).id
    const gap = forgeUpdate([
      forgedItem(Y.createID(PARTICIPANT, 0), { parent: noteMap, parentSub: 'y' }, new Y.ContentAny([1])),
      new Y.Skip(Y.createID(PARTICIPANT, 1), 1),
      // Right of the card's x: its new current value, whatever the client ids.
      forgedItem(Y.createID(PARTICIPANT, 2), { origin: cardX }, new Y.ContentAny([9999])),
    ])
    room.receive(attacker, syncUpdateMessage(gap))
    await settled(room)
    // Dropped as building on something unknown (the client is asked for what the server lacks), never stored.
    expect(room.doc.store.pendingStructs).toBeNull()
    expect(rows).toHaveLength(0)
    expect(attacker.closed).toBeNull()
    // The facilitator locks value cards.
    await room.applyServerChange((doc) =>
      doc.getMap(FACILITATION_MAP).set('lock', { structure: true, valueCards: true }),
    )
    const xBefore = record(room, CARD).get('x')
    // Under the lock, the participant fills the gap with an allowed edit.
    const fill = forgeUpdate([
      forgedItem(Y.createID(PARTICIPANT, 1), { parent: noteMap, parentSub: 'y' }, new Y.ContentAny([2])),
    ])
    const again = attacker.closed ? new RecordingSocket('again') : attacker
    if (again !== attacker) room.join(again)
    room.receive(again, syncUpdateMessage(fill))
    await settled(room)
    expect(record(room, CARD).get('x')).toBe(xBefore)
    expect(room.doc.store.pendingStructs).toBeNull()
  })
  it('repeating the deletion of the old lock values changes nothing: not stored, not relayed, nobody closed', async () => {
    const { room, rows, lock, serverClient } = await lockedRoom()
    // Unlock and lock again: the old lock values are deleted items of the server's client.
    await room.applyServerChange((doc) =>
      doc.getMap(FACILITATION_MAP).set('lock', { structure: false, valueCards: false }),
    )
    await room.applyServerChange((doc) => doc.getMap(FACILITATION_MAP).set('lock', lock))
    const before = protectedState(room)
    const stored = rows.length
    const attacker = new RecordingSocket('attacker')
    const other = new RecordingSocket('other')
    room.join(attacker)
    room.join(other)
    const sentBefore = other.sent.length
    const state = Y.getState(room.doc.store, serverClient)
    for (let i = 0; i < 50; i++) {
      room.receive(attacker, syncUpdateMessage(forgeUpdate([], [[serverClient, 0, state - 1]])))
    }
    await settled(room)
    expect(attacker.closed).toBeNull()
    expect(rows).toHaveLength(stored)
    expect(other.sent.length).toBe(sentBefore)
    expect(protectedState(room)).toBe(before)
  })
  it('exotic contents (subdocument, format, embed, binary, XML and text types) in an allowed record: stored, replayed alike, nothing locked touched', async () => {
    const { room, rows } = await lockedRoom()
    const before = protectedState(room)
    const attacker = new RecordingSocket('attacker')
    room.join(attacker)
    const note = recordItem(room, NOTE).id
    const subdoc = new Y.Doc({ guid: 'sub', autoLoad: true, meta: { x: 1 } } as ConstructorParameters<
      typeof Y.Doc
    >[0])
    const contents: Array<[string, Y.Item['content']]> = [
      ['doc', new Y.ContentDoc(subdoc)],
      ['format', new Y.ContentFormat('bold', { evil: true })],
      ['embed', new Y.ContentEmbed({ src: 'javascript:alert(1)' })],
      ['binary', new Y.ContentBinary(new Uint8Array([1, 2, 3]))],
      ['xml', new Y.ContentType(new Y.XmlElement('script'))],
      ['text', new Y.ContentType(new Y.XmlText())],
    ]
    contents.forEach(([key, content], i) => {
      const item = forgedItem(
        Y.createID(PARTICIPANT, i),
        { parent: note, parentSub: key },
        content as unknown as Y.ContentAny,
      )
      room.receive(attacker, syncUpdateMessage(forgeUpdate([item])))
    })
    await settled(room)
    expect(attacker.closed).toBeNull()
    expect(protectedState(room)).toBe(before)
    const replay = new Y.Doc()
    Y.applyUpdate(replay, board())
    for (const row of rows) Y.applyUpdate(replay, row)
    const fresh = new Y.Doc()
    Y.applyUpdate(fresh, room.encodeStateAsUpdate())
    expect(Y.encodeStateVector(replay)).toEqual(Y.encodeStateVector(room.doc))
    expect(
      Object.keys(
        fresh.getMap('records').get(NOTE) instanceof Y.Map
          ? (fresh.getMap('records').get(NOTE) as Y.Map<unknown>).toJSON()
          : {},
      ),
    ).toEqual(expect.arrayContaining(['doc', 'format', 'embed', 'binary', 'xml', 'text']))
    // The room still takes an honest edit.
    const honest = new RecordingSocket('honest')
    room.join(honest)
    const x = (record(room, NOTE)._map.get('x') as Y.Item).lastId
    room.receive(
      honest,
      syncUpdateMessage(forgeUpdate([forgedItem(Y.createID(99, 0), { origin: x }, new Y.ContentAny([5]))])),
    )
    await settled(room)
    expect(record(room, NOTE).get('x')).toBe(5)
  })
})

describe('red team: structs that overlap the end of what a client wrote ([W2])', () => {
  const overlapping = async (target: 'server' | 'facilitator', key: string) => {
    const { room, serverClient, rows } = await lockedRoom()
    const before = protectedState(room)
    const client = target === 'server' ? serverClient : FACILITATOR
    const state = Y.getState(room.doc.store, client)
    // Clocks [state-1, state]: the first is known (the lock value, or the card's x), the second new. Declared in
    // an allowed record, but Yjs links the new tail right after the known item and, a map entry, deletes it.
    const forged = forgeUpdate([
      forgedItem(
        Y.createID(client, state - 1),
        { parent: recordItem(room, NOTE).id, parentSub: key },
        new Y.ContentAny([0, 5]),
      ),
    ])
    const attacker = new RecordingSocket('attacker')
    room.join(attacker)
    const stored = rows.length
    room.receive(attacker, syncUpdateMessage(forged))
    await settled(room)
    expect(attacker.closed?.reason).toBe('UNRESOLVED')
    expect(rows.length).toBe(stored)
    expect(protectedState(room)).toBe(before)
    const replay = new Y.Doc()
    Y.applyUpdate(replay, Y.encodeStateAsUpdate(room.doc))
    expect(replay.getMap(FACILITATION_MAP).toJSON()).toEqual(room.doc.getMap(FACILITATION_MAP).toJSON())
  }

  it("a tail after the server's lock value does not delete the lock", () => overlapping('server', 'x'))
  it("a tail after a locked card's x does not delete it", () => overlapping('facilitator', 'y'))

  it('a tail after a garbage-collected struct is refused, not stored to fail on every load', async () => {
    const { room, rows } = await lockedRoom()
    // The facilitator deletes a whole record: its fields become garbage, the last of its client's structs.
    const facilitator = new Y.Doc()
    Y.applyUpdate(facilitator, Y.encodeStateAsUpdate(room.doc))
    facilitator.clientID = FACILITATOR // after loading: Yjs picks a new id when an update brings its own
    const before = Y.encodeStateVector(facilitator)
    facilitator.transact(() => {
      const scratch = new Y.Map<unknown>()
      facilitator.getMap('records').set('shape:scratch', scratch)
      scratch.set('x', 1)
    })
    facilitator.transact(() => facilitator.getMap('records').delete('shape:scratch'))
    const own = new RecordingSocket('facilitator', 'facilitator')
    room.join(own)
    room.receive(own, syncUpdateMessage(Y.encodeStateAsUpdate(facilitator, before)))
    await settled(room)
    const state = Y.getState(room.doc.store, FACILITATOR)
    expect(room.doc.store.clients.get(FACILITATOR)?.at(-1)).toBeInstanceOf(Y.GC)
    const forged = forgeUpdate([
      forgedItem(
        Y.createID(FACILITATOR, state - 1),
        { parent: recordItem(room, NOTE).id, parentSub: 'x' },
        new Y.ContentAny([0, 5]),
      ),
    ])
    const attacker = new RecordingSocket('attacker')
    room.join(attacker)
    const stored = rows.length
    room.receive(attacker, syncUpdateMessage(forged))
    await settled(room)
    expect(attacker.closed?.reason).toBe('UNRESOLVED')
    expect(rows.length).toBe(stored)
  })
})
