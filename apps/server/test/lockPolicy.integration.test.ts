import type { CreateBoardResponse } from '@waardentafel/protocol'
import { MessageType, SyncMessageType } from '@waardentafel/protocol'
import * as encoding from 'lib0/encoding'
import { pino } from 'pino'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { clientPool, startServer, type TestClient, type TestServer, tokenOf, whenDoc } from './harness.ts'
import { forgeUpdate } from './support/forge.ts'

// [W4] The write policy on the real server, with the real y-websocket client and a raw socket.

let srv: TestServer
const pool = clientPool()
const client = pool.connect
const logged: { reason?: string; msg?: string }[] = []
beforeEach(async () => {
  logged.length = 0
  const log = pino(
    { level: 'warn' },
    { write: (line: string) => logged.push(JSON.parse(line) as { reason?: string; msg?: string }) },
  )
  srv = await startServer({}, { log })
})
afterEach(async () => {
  pool.destroyAll()
  await srv.close()
})

const facilitate = (board: CreateBoardResponse, body: unknown) =>
  fetch(`${srv.url}/api/boards/${board.id}/facilitation`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${tokenOf(board.links.facilitator)}`,
    },
    body: JSON.stringify(body),
  })

const lock = (board: CreateBoardResponse, structure: boolean, valueCards: boolean) =>
  facilitate(board, { action: 'lock', structure, valueCards })

/** The close event the server sends this client's socket (code and reason). */
const closedWith = (c: TestClient) =>
  new Promise<{ code: number; reason: string }>((resolve) => {
    c.provider.on('connection-close', (event: CloseEvent | null) => {
      if (event) resolve({ code: event.code, reason: event.reason })
    })
  })

const records = (doc: Y.Doc) => doc.getMap<Y.Map<unknown>>('records')
const field = (doc: Y.Doc, id: string, key: string) => records(doc).get(id)?.get(key)

/** A template, two value cards in it and scratch notes, written by the facilitator's client. */
function addBoard(doc: Y.Doc) {
  const shape = (id: string, type: string, x: number, parentId: string) => {
    const record = new Y.Map<unknown>()
    records(doc).set(id, record)
    record.set('type', type)
    record.set('x', x)
    record.set('parentId', parentId)
    const props = new Y.Map<unknown>()
    record.set('props', props)
    props.set('name', id)
  }
  doc.transact(() => {
    shape('shape:scratch', 'note', 0, 'page:p')
    shape('shape:extra', 'note', 0, 'page:p')
  })
  // Deleted whole: their fields become garbage-collected structs of the facilitator's client.
  doc.transact(() => {
    records(doc).delete('shape:scratch')
    records(doc).delete('shape:extra')
  })
  doc.transact(() => {
    shape('shape:kolommen', 'wt-prioritering', 0, 'page:p')
    shape('shape:groen', 'wt-value-card', 40, 'shape:kolommen')
    shape('shape:zorg', 'wt-value-card', 340, 'shape:kolommen')
  })
}

async function lockedBoard(structure: boolean, valueCards: boolean) {
  const board = await srv.createBoard()
  const fac = client(srv.wsUrl, board, 'facilitator')
  await fac.synced()
  addBoard(fac.doc)
  const watcher = client(srv.wsUrl, board, 'participant')
  await whenDoc(watcher.doc, () => records(watcher.doc).has('shape:zorg'))
  expect((await lock(board, structure, valueCards)).status).toBe(200)
  await whenDoc(watcher.doc, () => watcher.doc.getMap('facilitation').has('lock'))
  return { board, fac, watcher }
}

function syncUpdate(update: Uint8Array): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, MessageType.sync)
  encoding.writeVarUint(e, SyncMessageType.update)
  encoding.writeVarUint8Array(e, update)
  return encoding.toUint8Array(e)
}

async function storedDoc(boardId: string): Promise<Y.Doc> {
  const stored = await srv.storage.loadDoc(boardId)
  const doc = new Y.Doc()
  if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot)
  for (const u of stored.updates) Y.applyUpdate(doc, u.data)
  return doc
}

describe('[W3] locked value cards keep their class and place', () => {
  it('a participant moving a locked value card is refused (4409 VALUE_CARDS_LOCKED), logged, never seen; annotating is fine', async () => {
    const { board, fac, watcher } = await lockedBoard(false, true)
    const participant = client(srv.wsUrl, board, 'participant')
    await whenDoc(participant.doc, () => participant.doc.getMap('facilitation').has('lock'))
    // Annotating a locked value card is allowed and reaches everyone.
    ;(records(participant.doc).get('shape:groen')!.get('props') as Y.Map<unknown>).set('fysiek', 'meer groen')
    await whenDoc(
      watcher.doc,
      () =>
        (records(watcher.doc).get('shape:groen')?.get('props') as Y.Map<unknown>)?.get('fysiek') ===
        'meer groen',
    )
    // Moving it into another class is not.
    const closed = closedWith(participant)
    records(participant.doc).get('shape:groen')?.set('x', 700)
    expect(await closed).toEqual({ code: 4409, reason: 'VALUE_CARDS_LOCKED' })
    participant.provider.disconnect()
    expect(logged.some((l) => l.reason === 'VALUE_CARDS_LOCKED')).toBe(true)
    // The facilitator may move it; the watcher sees the facilitator's move, never the participant's.
    records(fac.doc).get('shape:groen')?.set('x', 60)
    await whenDoc(watcher.doc, () => field(watcher.doc, 'shape:groen', 'x') === 60)
    expect(field(await storedDoc(board.id), 'shape:groen', 'x')).toBe(60)
  })
})

describe('[W1] after a lock and an unlock, clients reconnect with their offline edits', () => {
  it('a participant that edited offline reconnects and its edits land; a reload (new client, same local copy) too', async () => {
    const { board, watcher } = await lockedBoard(true, true)
    const participant = client(srv.wsUrl, board, 'participant')
    await whenDoc(participant.doc, () => participant.doc.getMap('facilitation').has('lock'))
    expect((await lock(board, false, false)).status).toBe(200)
    await whenDoc(
      participant.doc,
      () =>
        (participant.doc.getMap('facilitation').get('lock') as { structure: boolean }).structure === false,
    )
    // Offline: a new note and a value card moved to another class.
    participant.provider.disconnect()
    participant.doc.transact(() => {
      const note = new Y.Map<unknown>()
      records(participant.doc).set('shape:offline', note)
      note.set('type', 'note')
      note.set('x', 5)
      records(participant.doc).get('shape:zorg')?.set('x', 900)
    })
    let refused: { code: number } | null = null
    participant.provider.on('connection-close', (event: CloseEvent | null) => {
      if (event && event.code >= 4400) refused = event
    })
    participant.provider.connect()
    await whenDoc(watcher.doc, () => records(watcher.doc).has('shape:offline'))
    await whenDoc(watcher.doc, () => field(watcher.doc, 'shape:zorg', 'x') === 900)
    expect(refused).toBeNull()
    const stored = await storedDoc(board.id)
    expect(records(stored).has('shape:offline')).toBe(true)
    expect(field(stored, 'shape:zorg', 'x')).toBe(900)

    // A reload: a new page with the local copy (IndexedDB) and a new client id; its sync step 2 repeats the
    // whole delete set, including the server's deletion of the old lock value.
    const local = new Y.Doc()
    Y.applyUpdate(local, Y.encodeStateAsUpdate(participant.doc))
    participant.provider.disconnect()
    const reloaded = client(srv.wsUrl, board, 'participant', local)
    const reloadClosed = closedWith(reloaded)
    await reloaded.synced()
    records(local).get('shape:offline')?.set('x', 6)
    await whenDoc(watcher.doc, () => field(watcher.doc, 'shape:offline', 'x') === 6)
    const outcome = await Promise.race([
      reloadClosed,
      new Promise((resolve) => setImmediate(resolve, 'open')),
    ])
    expect(outcome).toBe('open')
  })
})

describe('[W2] a forged deletion starting at garbage', () => {
  it('is refused over a raw socket; the locked template and cards stay, and cannot be recreated', async () => {
    const { board, watcher } = await lockedBoard(true, true)
    const structs = watcher.doc.store.clients
    // The facilitator's client is the one whose structs include garbage (the deleted scratch notes).
    const [facClient, list] = [...structs.entries()].find(([, l]) => l.some((s) => s instanceof Y.GC)) ?? []
    expect(facClient).toBeDefined()
    const garbage = list!.find((s) => s instanceof Y.GC)!
    const ws = new WebSocket(`${srv.wsUrl}/sync/${board.id}?token=${tokenOf(board.links.participant)}`)
    const closed = new Promise<{ code: number; reason: string }>((resolve) =>
      ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
    )
    await new Promise((resolve) => ws.on('open', resolve))
    const end = Y.getState(watcher.doc.store, facClient!)
    ws.send(syncUpdate(forgeUpdate([], [[facClient!, garbage.id.clock, end - garbage.id.clock]])))
    expect(await closed).toEqual({ code: 4409, reason: 'STRUCTURE_LOCKED' })

    // Recreating a locked card's id with other content is refused too.
    const rogue = client(srv.wsUrl, board, 'participant')
    await whenDoc(rogue.doc, () => rogue.doc.getMap('facilitation').has('lock'))
    const rogueClosed = closedWith(rogue)
    const forged = new Y.Map<unknown>()
    records(rogue.doc).set('shape:groen', forged)
    forged.set('type', 'wt-value-card')
    expect((await rogueClosed).code).toBe(4409)
    rogue.provider.disconnect()

    const stored = await storedDoc(board.id)
    for (const id of ['shape:kolommen', 'shape:groen', 'shape:zorg'])
      expect(records(stored).has(id), id).toBe(true)
    expect(field(stored, 'shape:groen', 'x')).toBe(40)
    expect(records(watcher.doc).has('shape:kolommen')).toBe(true)
  })
})
