import { PRIORITERING_TYPE, VALUE_CARD_TYPE } from '@waardentafel/domain'
import type { CreateBoardResponse } from '@waardentafel/protocol'
import { FACILITATION_MAP, MessageType, SyncMessageType } from '@waardentafel/protocol'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { clientPool, startServer, type TestServer, tokenOf, whenDoc } from './harness.ts'
import { forgedItem, forgeUpdate } from './support/forge.ts'

// Red team on the running server: a participant with a modified client and a raw socket sends what the stock
// client never would. Each test asserts the safe outcome — refused with a documented code or dropped, nothing of it
// stored, the others unaffected, the process alive.

let srv: TestServer
const pool = clientPool()
beforeEach(async () => {
  srv = await startServer({ BOARD_MAX_BYTES: String(1024 * 1024) })
})
afterEach(async () => {
  pool.destroyAll()
  await srv.close()
})

const records = (doc: Y.Doc) => doc.getMap<Y.Map<unknown>>('records')

const lock = (board: CreateBoardResponse, structure: boolean, valueCards: boolean) =>
  fetch(`${srv.url}/api/boards/${board.id}/facilitation`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${tokenOf(board.links.facilitator)}`,
    },
    body: JSON.stringify({ action: 'lock', structure, valueCards }),
  })

/** A template, a value card in it and a note, written by the facilitator's real client; a record deleted (garbage). */
async function boardWithShapes() {
  const board = await srv.createBoard()
  const fac = pool.connect(srv.wsUrl, board, 'facilitator')
  await fac.synced()
  const shape = (id: string, type: string, x: number, parentId: string) => {
    const record = new Y.Map<unknown>()
    records(fac.doc).set(id, record)
    record.set('type', type)
    record.set('x', x)
    record.set('parentId', parentId)
  }
  fac.doc.transact(() => shape('shape:scratch', 'note', 0, 'page:p'))
  fac.doc.transact(() => records(fac.doc).delete('shape:scratch'))
  fac.doc.transact(() => {
    shape('shape:kolommen', PRIORITERING_TYPE, 0, 'page:p')
    shape('shape:groen', VALUE_CARD_TYPE, 40, 'shape:kolommen')
    shape('shape:note', 'note', 2000, 'page:p')
  })
  const watcher = pool.connect(srv.wsUrl, board, 'participant')
  await whenDoc(watcher.doc, () => records(watcher.doc).has('shape:note'))
  return { board, fac, watcher }
}

function syncFrame(update: Uint8Array, subtype: number = SyncMessageType.update): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, MessageType.sync)
  encoding.writeVarUint(e, subtype)
  encoding.writeVarUint8Array(e, update)
  return encoding.toUint8Array(e)
}

type Raw = {
  ws: WebSocket
  /** The board as this socket has been sent it. */
  doc: Y.Doc
  /** Sync step 1 messages the server sent (it asks for what it lacks). */
  asked: number
  closed: Promise<{ code: number; reason: string }>
}

/** A raw socket with the given link, joined and synced (the server's sync step 2 applied to `doc`). */
function rawJoin(board: CreateBoardResponse, role: 'participant' | 'observer'): Promise<Raw> {
  const ws = new WebSocket(`${srv.wsUrl}/sync/${board.id}?token=${tokenOf(board.links[role])}`)
  const doc = new Y.Doc()
  const raw: Raw = {
    ws,
    doc,
    asked: 0,
    closed: new Promise((resolve) =>
      ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
    ),
  }
  return new Promise((resolve, reject) => {
    ws.on('open', () => ws.send(syncFrame(Uint8Array.of(0), SyncMessageType.step1)))
    ws.on('message', (data: Buffer) => {
      const d = decoding.createDecoder(new Uint8Array(data))
      if (decoding.readVarUint(d) !== MessageType.sync) return
      const sub = decoding.readVarUint(d)
      if (sub === SyncMessageType.step1) {
        raw.asked++
        return
      }
      Y.applyUpdate(doc, decoding.readVarUint8Array(d))
      if (sub === SyncMessageType.step2) resolve(raw)
    })
    ws.on('error', reject)
  })
}

async function storedDoc(boardId: string): Promise<{ doc: Y.Doc; rows: number; bytes: number }> {
  const stored = await srv.storage.loadDoc(boardId)
  const doc = new Y.Doc()
  if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot)
  for (const u of stored.updates) Y.applyUpdate(doc, u.data)
  const bytes =
    (stored.snapshot?.byteLength ?? 0) + stored.updates.reduce((sum, u) => sum + u.data.byteLength, 0)
  return { doc, rows: stored.updates.length, bytes }
}

/** An honest edit by a real client still reaches another real client (the board and the process are fine). */
async function stillEdits(board: CreateBoardResponse, watcher: { doc: Y.Doc }, value: number) {
  const editor = pool.connect(srv.wsUrl, board, 'participant')
  await editor.synced()
  records(editor.doc).get('shape:note')!.set('x', value)
  await whenDoc(watcher.doc, () => records(watcher.doc).get('shape:note')?.get('x') === value)
  expect((await fetch(`${srv.url}/healthz`)).status).toBe(200)
}

/**
 * An update of deletions only, ranges of one client in the order given (forgeUpdate copies its lists per range,
 * quadratic at 100,000 ranges).
 */
function deletionsOnly(client: number, ranges: ReadonlyArray<readonly [number, number]>): Uint8Array {
  const encoder = new Y.UpdateEncoderV1()
  encoding.writeVarUint(encoder.restEncoder, 0)
  encoding.writeVarUint(encoder.restEncoder, 1)
  encoder.resetDsCurVal()
  encoding.writeVarUint(encoder.restEncoder, client)
  encoding.writeVarUint(encoder.restEncoder, ranges.length)
  for (const [clock, len] of ranges) {
    encoder.writeDsClock(clock)
    encoder.writeDsLen(len)
  }
  return encoder.toUint8Array()
}

const itemOf = (doc: Y.Doc, id: string) => records(doc)._map.get(id) as Y.Item

describe('red team: forged updates on the running server', () => {
  it('a Skip gap cannot leave a card move waiting in the server: filled under the lock, it never lands', async () => {
    const { board, watcher } = await boardWithShapes()
    const raw = await rawJoin(board, 'participant')
    const me = 0x51ed
    const cardX = (records(raw.doc).get('shape:groen')!._map.get('x') as Y.Item).lastId
    const note = itemOf(raw.doc, 'shape:note').id
    // Unlocked: own clock 0 sets the note's y, clock 1 is skipped, clock 2 moves the card (right of its x: the
    // new current value).
    raw.ws.send(
      syncFrame(
        forgeUpdate([
          forgedItem(Y.createID(me, 0), { parent: note, parentSub: 'y' }, new Y.ContentAny([1])),
          new Y.Skip(Y.createID(me, 1), 1),
          forgedItem(Y.createID(me, 2), { origin: cardX }, new Y.ContentAny([9999])),
        ]),
      ),
    )
    expect((await lock(board, true, true)).status).toBe(200)
    await whenDoc(watcher.doc, () => watcher.doc.getMap(FACILITATION_MAP).has('lock'))
    // Under the lock, the gap is filled with an allowed edit of the note.
    raw.ws.send(
      syncFrame(
        forgeUpdate([forgedItem(Y.createID(me, 1), { parent: note, parentSub: 'y' }, new Y.ContentAny([2]))]),
      ),
    )
    await stillEdits(board, watcher, 4242)
    expect(records(watcher.doc).get('shape:groen')?.get('x')).toBe(40)
    const { doc } = await storedDoc(board.id)
    expect(records(doc).get('shape:groen')?.get('x')).toBe(40)
    // The gap was asked for (sync step 1), not stored.
    expect(raw.asked).toBeGreaterThanOrEqual(2)
  })

  it('an update in Yjs format v2 (read as v1: nothing, then junk) is neither applied nor stored', async () => {
    const { board, watcher } = await boardWithShapes()
    const raw = await rawJoin(board, 'participant')
    const before = await storedDoc(board.id)
    const forger = new Y.Doc()
    Y.applyUpdate(forger, Y.encodeStateAsUpdate(raw.doc))
    const v2: Uint8Array[] = []
    forger.on('updateV2', (u: Uint8Array) => v2.push(u))
    records(forger).get('shape:note')!.set('x', 777)
    // Followed by 1 MB of junk after an empty v1 update (two zero bytes): what decodes to nothing is not stored.
    const junk = new Uint8Array(1024 * 1024 + 2).fill(0x5a)
    junk[0] = 0
    junk[1] = 0
    raw.ws.send(syncFrame(v2[0]!))
    raw.ws.send(syncFrame(junk))
    await stillEdits(board, watcher, 4343)
    expect(records(watcher.doc).get('shape:note')?.get('x')).toBe(4343)
    const after = await storedDoc(board.id)
    expect(after.rows).toBe(before.rows + 1) // only the honest edit
  })

  it('clocks near 2^53 (a struct and a deletion) are never stored and close nothing else', async () => {
    const { board, fac, watcher } = await boardWithShapes()
    const raw = await rawJoin(board, 'participant')
    const before = await storedDoc(board.id)
    const far = Number.MAX_SAFE_INTEGER - 3
    const note = itemOf(raw.doc, 'shape:note').id
    raw.ws.send(
      syncFrame(
        forgeUpdate([
          forgedItem(Y.createID(0x7a11, far), { parent: note, parentSub: 'x' }, new Y.ContentAny([1])),
        ]),
      ),
    )
    raw.ws.send(syncFrame(forgeUpdate([], [[fac.doc.clientID, far, 3]])))
    raw.ws.send(syncFrame(forgeUpdate([], [[fac.doc.clientID, 0, far]])))
    await stillEdits(board, watcher, 4444)
    const after = await storedDoc(board.id)
    expect(after.rows).toBe(before.rows + 1)
    expect(records(after.doc).get('shape:kolommen')?.get('x')).toBe(0)
  })

  it('a delete set of 99,999 one-clock ranges over a locked template is refused (4409) and stores nothing', async () => {
    const { board, fac, watcher } = await boardWithShapes()
    // Make the facilitator's client long: 60,000 clocks of a text in the note, then delete most of it.
    const text = new Y.Text()
    records(fac.doc).get('shape:note')!.set('text', text)
    text.insert(0, 'x'.repeat(60_000))
    await whenDoc(
      watcher.doc,
      () => (records(watcher.doc).get('shape:note')?.get('text') as Y.Text)?.length === 60_000,
    )
    expect((await lock(board, true, true)).status).toBe(200)
    await whenDoc(watcher.doc, () => watcher.doc.getMap(FACILITATION_MAP).has('lock'))
    const raw = await rawJoin(board, 'participant')
    const before = await storedDoc(board.id)
    const template = records(raw.doc).get('shape:kolommen')!
    const templateClock = (template._map.get('x') as Y.Item).id.clock
    const ranges: Array<[number, number]> = []
    // One-clock ranges inside the note's text (allowed, and each a live item to judge), then the template's x.
    const textStart = (records(raw.doc).get('shape:note')!.get('text') as Y.Text)._start!.id.clock
    for (let i = 0; i < 99_998; i++) ranges.push([textStart + 2 * (i % 25_000) + (i >= 25_000 ? 1 : 0), 1])
    ranges.push([templateClock, 1])
    const started = performance.now()
    raw.ws.send(syncFrame(deletionsOnly(fac.doc.clientID, ranges)))
    const closed = await raw.closed
    expect(closed).toEqual({ code: 4409, reason: 'STRUCTURE_LOCKED' })
    expect(performance.now() - started).toBeLessThan(5000)
    await stillEdits(board, watcher, 4545)
    const after = await storedDoc(board.id)
    expect(after.rows).toBe(before.rows + 1)
  })

  it('deletions of what is deleted already are not stored: 2 MB of them do not grow a board with a 1 MiB budget', async () => {
    const { board, fac, watcher } = await boardWithShapes()
    const raw = await rawJoin(board, 'participant')
    const before = await storedDoc(board.id)
    // Clocks 0..3 of the facilitator's client are the garbage-collected scratch record: deleting them changes
    // nothing. 99,999 such ranges (under MAX_UPDATE_DELETE_RANGES) are ~200 KB; ten of them are twice the budget.
    const ranges: Array<[number, number]> = []
    for (let i = 0; i < 99_999; i++) ranges.push([i % 4, 1])
    const update = deletionsOnly(fac.doc.clientID, ranges)
    expect(update.byteLength).toBeGreaterThan(190_000)
    for (let i = 0; i < 10; i++) raw.ws.send(syncFrame(update))
    await stillEdits(board, watcher, 4646)
    const after = await storedDoc(board.id)
    expect(after.bytes - before.bytes).toBeLessThan(100_000)
  })
})

describe('red team: ballots and links across boards and roles', () => {
  const api = (path: string, link: string, init: { method: string; body?: unknown; key?: string }) =>
    fetch(`${srv.url}${path}`, {
      method: init.method,
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${tokenOf(link)}`,
        ...(init.key ? { 'x-participant-key': init.key } : {}),
      },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    })
  const codeOf = async (res: Response) => ((await res.json()) as { error: { code: string } }).error.code

  it('a ballot key of one board is unknown on another; observers get no ballot; a link of one board acts on no other', async () => {
    const a = await srv.createBoard('A')
    const b = await srv.createBoard('B')
    const issued = await api(`/api/boards/${a.id}/rounds/participant`, a.links.participant, {
      method: 'POST',
    })
    expect(issued.status).toBe(201)
    const { key } = (await issued.json()) as { key: string }
    const ballot = {
      participant: { key, name: 'Mallory', organisation: 'Elders' },
      placements: [{ valueId: 'shape:groen', klasse: 'sturend', twijfel: false, at: 1 }],
    }
    const onB = await api(`/api/boards/${b.id}/rounds/r1/placements`, b.links.participant, {
      method: 'PUT',
      body: ballot,
    })
    expect([onB.status, await codeOf(onB)]).toEqual([403, 'PARTICIPANT_KEY_UNKNOWN'])
    // Board A's link on board B's endpoints: refused, whatever the path says.
    const crossed = await api(`/api/boards/${b.id}/rounds/r1/placements`, a.links.participant, {
      method: 'PUT',
      body: ballot,
    })
    expect(crossed.status).toBe(403)
    const crossLock = await fetch(`${srv.url}/api/boards/${b.id}/facilitation`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${tokenOf(a.links.facilitator)}`,
      },
      body: JSON.stringify({ action: 'lock', structure: true, valueCards: true }),
    })
    expect(crossLock.status).toBe(403)
    // Observers neither get a ballot nor read one.
    const observerKey = await api(`/api/boards/${a.id}/rounds/participant`, a.links.observer, {
      method: 'POST',
    })
    expect([observerKey.status, await codeOf(observerKey)]).toEqual([403, 'FORBIDDEN'])
    const observerRead = await api(`/api/boards/${a.id}/rounds/r1`, a.links.observer, { method: 'GET', key })
    // (No round r1 here: 404 before the role is looked at; with a round, buildReport refuses an observer's key.)
    expect([403, 404]).toContain(observerRead.status)
    // An upgrade to board B with board A's link is refused before anything is sent.
    const raw = new WebSocket(`${srv.wsUrl}/sync/${b.id}?token=${tokenOf(a.links.participant)}`)
    const messages: Buffer[] = []
    raw.on('message', (m: Buffer) => messages.push(m))
    const closed = await new Promise<number>((resolve) => raw.on('close', (code) => resolve(code)))
    expect(closed).toBe(4403)
    expect(messages).toHaveLength(0)
  })
})

describe('red team: presence from a raw socket', () => {
  function presenceFrame(client: number, clock: number, json: string): Uint8Array {
    const update = encoding.createEncoder()
    encoding.writeVarUint(update, 1)
    encoding.writeVarUint(update, client)
    encoding.writeVarUint(update, clock)
    encoding.writeVarString(update, json)
    const e = encoding.createEncoder()
    encoding.writeVarUint(e, MessageType.awareness)
    encoding.writeVarUint8Array(e, encoding.toUint8Array(update))
    return encoding.toUint8Array(e)
  }

  it('states that are not objects show nothing; a clock near 2^53 and __proto__ keys change no role and pollute nothing', async () => {
    const { board, watcher } = await boardWithShapes()
    const raw = await rawJoin(board, 'observer')
    const me = 0x0b5e
    for (const json of ['"Wethouder"', '[1,2,3]', '42', 'true']) raw.ws.send(presenceFrame(me, 1, json))
    raw.ws.send(
      presenceFrame(
        me,
        Number.MAX_SAFE_INTEGER - 1,
        '{"__proto__":{"polluted":true},"user":{"name":"Wethouder","role":"facilitator","__proto__":{"role":"facilitator"}}}',
      ),
    )
    const states = watcher.provider.awareness
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('presence not relayed within 5 s')), 5000)
      const check = () => {
        if (!states.getStates().has(me)) return
        clearTimeout(timer)
        states.off('change', check)
        resolve()
      }
      states.on('change', check)
      check()
    })
    const seen = states.getStates().get(me) as { user?: { name?: string; role?: string }; polluted?: unknown }
    expect(seen.user).toEqual({ name: 'Wethouder', role: 'observer' })
    expect(Object.hasOwn(seen, 'polluted')).toBe(false)
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined()
    await stillEdits(board, watcher, 4747)
  })
})
