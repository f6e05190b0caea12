import { PRIORITERING_TYPE, VALUE_CARD_TYPE } from '@waardentafel/domain'
import { FACILITATION_MAP, MessageType, type Role, SyncMessageType } from '@waardentafel/protocol'
import fc from 'fast-check'
import * as encoding from 'lib0/encoding'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { Room, type RoomSocket } from '../../src/room/Room.ts'
import { forgedItem, forgeUpdate } from '../support/forge.ts'
import { loadPolicyRegressions, savePolicyRegression } from './policySeeds.ts'

// [W4] The write policy, proven over generated updates rather than sampled: a participant on a locked
// board sends real edits (its own Y.Doc, as the web app would), forbidden edits (a modified client) and forged
// updates (hand-laid structs and delete sets over garbage, deleted items, unseen clocks, known ids). Whatever it
// sends, a locked record and the server-only `facilitation` map never change, the server's own later writes are
// never undone by something pending, the room never fails — and every real edit in an allowed place is accepted.

const FACILITATOR = 1
const PARTICIPANT = 2
const TEMPLATE = 'shape:prio'
const CARDS = ['shape:v1', 'shape:v2', 'shape:v3']
const NOTES = ['shape:n1', 'shape:n2', 'shape:n3']
const ANNOTATIONS = ['explanation', 'fysiek', 'sociaal', 'twijfel', 'ambitions', 'beleid'] as const
const KEYS = ['x', 'y', 'name', 'lock', 'timer', 'props', 'parentId', 'k'] as const
/** Generated updates per CI run: RUNS sequences of MIN_STEPS to MAX_STEPS steps (≥ 10,000 sent, checked below). */
const RUNS = 400
const MIN_STEPS = 28
const MAX_STEPS = 36
const SEED = Number(process.env.FUZZ_SEED ?? 20261207)

type Lock = { structure: boolean; valueCards: boolean }

class Socket implements RoomSocket {
  readonly generation = 0
  closedWith: { code: number; reason: string } | null = null
  readonly id: string
  readonly role: Role
  constructor(id: string, role: Role) {
    this.id = id
    this.role = role
  }
  send(): void {}
  close(code: number, reason: string): void {
    this.closedWith ??= { code, reason }
  }
}

function syncMessage(update: Uint8Array, subtype: number = SyncMessageType.update): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, MessageType.sync)
  encoding.writeVarUint(e, subtype)
  encoding.writeVarUint8Array(e, update)
  return encoding.toUint8Array(e)
}

const settled = async (room: Room) => {
  await new Promise((resolve) => setImmediate(resolve))
  await room.flushed()
}

/** The facilitator's board: a template, value cards and notes, a record created and deleted again (garbage). */
function facilitatorBoard(): Uint8Array {
  const doc = new Y.Doc()
  doc.clientID = FACILITATOR
  const records = doc.getMap<Y.Map<unknown>>('records')
  const shape = (
    id: string,
    type: string,
    fields: Record<string, unknown>,
    props: Record<string, unknown>,
  ) => {
    const record = new Y.Map<unknown>()
    records.set(id, record)
    record.set('type', type)
    for (const [k, v] of Object.entries(fields)) record.set(k, v)
    const p = new Y.Map<unknown>()
    record.set('props', p)
    for (const [k, v] of Object.entries(props)) p.set(k, v)
    record.set('meta', new Y.Map<unknown>())
  }
  doc.transact(() => shape('shape:scratch', 'note', { x: 1, y: 1 }, { text: 'weg' }))
  doc.transact(() => records.delete('shape:scratch'))
  doc.transact(() => {
    shape(TEMPLATE, PRIORITERING_TYPE, { x: 0, y: 0, parentId: 'page:p' }, { w: 1600, h: 900 })
    for (const [i, id] of CARDS.entries()) {
      shape(
        id,
        VALUE_CARD_TYPE,
        { x: 40 + i * 300, y: 200, parentId: TEMPLATE },
        { name: `Waarde ${i}`, w: 260 },
      )
    }
    for (const [i, id] of NOTES.entries())
      shape(id, 'note', { x: 2000, y: i * 250, parentId: 'page:p' }, { text: '' })
  })
  doc.transact(() => records.get('shape:n3')?.set('x', 2100)) // an overwritten value: a deleted item
  return Y.encodeStateAsUpdate(doc)
}

const BOARD = facilitatorBoard()

type Step =
  | { kind: 'moveNote'; note: number; x: number }
  | { kind: 'noteText'; note: number; text: string }
  | { kind: 'createNote'; n: number }
  | { kind: 'deleteNote'; note: number }
  | { kind: 'annotate'; card: number; field: (typeof ANNOTATIONS)[number]; value: string }
  | { kind: 'moveCard'; card: number; x: number }
  | { kind: 'moveTemplate'; x: number }
  | { kind: 'reconnect' }
  | { kind: 'burst'; note: number; count: number }
  | { kind: 'forbidden'; what: number; target: number; value: number }
  | { kind: 'deleteRange'; client: number; clock: number; len: number }
  | { kind: 'forgeItem'; who: number; at: number; anchor: number; how: number; key: number; content: number }
  | { kind: 'merged'; note: number; x: number; client: number; clock: number; len: number }

const fraction = fc.integer({ min: 0, max: 999 })
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('moveNote'), note: fc.nat(2), x: fc.integer() }),
  fc.record({ kind: fc.constant('noteText'), note: fc.nat(2), text: fc.string({ maxLength: 20 }) }),
  fc.record({ kind: fc.constant('createNote'), n: fc.nat(1000) }),
  fc.record({ kind: fc.constant('deleteNote'), note: fc.nat(2) }),
  fc.record({
    kind: fc.constant('annotate'),
    card: fc.nat(2),
    field: fc.constantFrom(...ANNOTATIONS),
    value: fc.string({ maxLength: 12 }),
  }),
  fc.record({ kind: fc.constant('moveCard'), card: fc.nat(2), x: fc.integer({ min: -500, max: 3000 }) }),
  fc.record({ kind: fc.constant('moveTemplate'), x: fc.integer({ min: -500, max: 500 }) }),
  fc.constant({ kind: 'reconnect' as const }),
  fc.record({ kind: fc.constant('burst'), note: fc.nat(2), count: fc.integer({ min: 2, max: 120 }) }),
  fc.record({ kind: fc.constant('forbidden'), what: fc.nat(7), target: fc.nat(2), value: fc.integer() }),
  fc.record({
    kind: fc.constant('deleteRange'),
    client: fc.nat(3),
    clock: fraction,
    len: fc.integer({ min: 1, max: 60 }),
  }),
  fc.record({
    kind: fc.constant('forgeItem'),
    who: fc.nat(2),
    at: fc.nat(2),
    anchor: fraction,
    how: fc.nat(3),
    key: fc.nat(KEYS.length - 1),
    content: fc.nat(3),
  }),
  fc.record({
    kind: fc.constant('merged'),
    note: fc.nat(2),
    x: fc.integer(),
    client: fc.nat(3),
    clock: fraction,
    len: fc.integer({ min: 1, max: 60 }),
  }),
)

/** One generated session against a fresh room. Returns a description of the first violation, or null. */
async function play(
  lock: Lock,
  steps: Step[],
  count: { sent: number } = { sent: 0 },
): Promise<string | null> {
  const failures: unknown[] = []
  const room = new Room({
    boardId: 'lock-property',
    stored: { snapshot: BOARD, updates: [], lastSeq: 1 },
    persist: async (updates) => updates.map((_, i) => i + 2),
    onFailure: (error) => failures.push(error),
  })
  try {
    // The facilitator locks, unlocks and locks again (old lock values are deleted items of the server's client).
    await room.applyServerChange((doc) =>
      doc.getMap(FACILITATION_MAP).set('lock', { structure: true, valueCards: true }),
    )
    await room.applyServerChange((doc) =>
      doc.getMap(FACILITATION_MAP).set('lock', { structure: false, valueCards: false }),
    )
    await room.applyServerChange((doc) => doc.getMap(FACILITATION_MAP).set('lock', { ...lock }))
    const serverClient = (room.doc.getMap(FACILITATION_MAP)._map.get('lock') as Y.Item).id.client

    const participant = new Y.Doc()
    participant.clientID = PARTICIPANT
    Y.applyUpdate(participant, room.encodeStateAsUpdate())
    const records = () => participant.getMap<Y.Map<unknown>>('records')
    const lockedIds = [...(lock.structure ? [TEMPLATE] : []), ...(lock.valueCards ? CARDS : [])]
    /** What the lock protects: a locked template whole, a locked value card but for its annotations. */
    const snapshotOf = (doc: Y.Doc) =>
      JSON.stringify({
        locked: lockedIds.map((id) => {
          const record = doc.getMap<Y.Map<unknown>>('records').get(id)?.toJSON() ?? null
          if (!record || id === TEMPLATE) return record
          const {
            meta: _meta,
            props,
            ...place
          } = record as { meta?: unknown; props?: Record<string, unknown> }
          const identity = Object.entries(props ?? {}).filter(
            ([k]) => !(ANNOTATIONS as readonly string[]).includes(k),
          )
          return { ...place, props: Object.fromEntries(identity) }
        }),
        facilitation: doc.getMap(FACILITATION_MAP).toJSON(),
      })
    const protectedBefore = snapshotOf(room.doc)

    let sockets = 0
    let socket = new Socket(`p${sockets++}`, 'participant')
    room.join(socket)
    let forks = 100
    /** A change of the real participant's doc, sent as the web app sends it. */
    const real = (change: () => void) => {
      const before = Y.encodeStateVector(participant)
      participant.transact(change)
      return Y.encodeStateAsUpdate(participant, before)
    }
    /** A change a modified client makes on a copy (so the honest participant's doc stays as the server has it). */
    const modified = (change: (records: Y.Map<Y.Map<unknown>>, doc: Y.Doc) => void) => {
      const fork = new Y.Doc()
      fork.clientID = forks++
      Y.applyUpdate(fork, Y.encodeStateAsUpdate(participant))
      const before = Y.encodeStateVector(fork)
      fork.transact(() => change(fork.getMap<Y.Map<unknown>>('records'), fork))
      return Y.encodeStateAsUpdate(fork, before)
    }
    const clients = [FACILITATOR, serverClient, PARTICIPANT, 4242]
    /** A struct id of the room's doc, picked by a fraction of one client's clock range. */
    const anchorId = (client: number, f: number) =>
      Y.createID(client, Math.floor((f / 1000) * Math.max(1, Y.getState(room.doc.store, client))))

    for (const step of steps) {
      if (socket.closedWith) {
        socket = new Socket(`p${sockets++}`, 'participant')
        room.join(socket)
      }
      let message: Uint8Array
      let mustAccept = false
      const note = (i: number) => records().get(NOTES[i] ?? '')
      switch (step.kind) {
        case 'moveNote':
        case 'noteText': {
          const record = note(step.note)
          if (!record) continue
          mustAccept = true
          message = syncMessage(
            real(() =>
              step.kind === 'moveNote'
                ? record.set('x', step.x)
                : (record.get('props') as Y.Map<unknown>).set('text', step.text),
            ),
          )
          break
        }
        case 'createNote':
          mustAccept = true
          message = syncMessage(
            real(() => {
              const record = new Y.Map<unknown>()
              records().set(`shape:new${step.n}`, record)
              record.set('type', 'note')
              record.set('x', step.n)
            }),
          )
          break
        case 'deleteNote':
          if (!note(step.note)) continue
          mustAccept = true
          message = syncMessage(real(() => records().delete(NOTES[step.note] ?? '')))
          break
        case 'annotate': {
          const props = records()
            .get(CARDS[step.card] ?? '')
            ?.get('props') as Y.Map<unknown> | undefined
          if (!props) continue
          mustAccept = true
          const value = step.field === 'twijfel' ? step.value.length % 2 === 0 : step.value
          message = syncMessage(
            real(() => props.set(step.field, step.field === 'ambitions' ? [value] : value)),
          )
          break
        }
        case 'moveCard':
        case 'moveTemplate': {
          const id = step.kind === 'moveCard' ? CARDS[step.card] : TEMPLATE
          const locked = step.kind === 'moveCard' ? lock.valueCards : lock.structure
          if (locked) message = syncMessage(modified((r) => r.get(id ?? '')?.set('x', step.x)))
          else {
            const record = records().get(id ?? '')
            if (!record) continue
            mustAccept = true
            message = syncMessage(real(() => record.set('x', step.x)))
          }
          break
        }
        case 'burst': {
          // A busy server: a run of edits arrives before any of it is stored, each building on the one before.
          const record = note(step.note)
          if (!record) continue
          for (let i = 1; i < step.count && !socket.closedWith; i++) {
            room.receive(socket, syncMessage(real(() => record.set('x', i))))
            count.sent++
          }
          mustAccept = true
          message = syncMessage(real(() => record.set('x', step.count)))
          break
        }
        case 'reconnect':
          // A reconnect's sync step 2: everything the server lacks plus the client's whole delete set.
          mustAccept = true
          message = syncMessage(
            Y.encodeStateAsUpdate(participant, Y.encodeStateVector(room.doc)),
            SyncMessageType.step2,
          )
          break
        case 'forbidden': {
          const card = CARDS[step.target] ?? ''
          const edits: ((r: Y.Map<Y.Map<unknown>>, doc: Y.Doc) => void)[] = [
            (r) => r.delete(TEMPLATE),
            (r) => (r.get(TEMPLATE)?.get('props') as Y.Map<unknown> | undefined)?.set('w', step.value),
            (r) => r.delete(card),
            (r) => (r.get(card)?.get('props') as Y.Map<unknown> | undefined)?.set('name', `x${step.value}`),
            (r) => r.get(card)?.set('parentId', 'page:p'),
            (r) => r.get(card)?.delete('props'),
            (_, doc) => doc.getMap(FACILITATION_MAP).set('timer', { state: 'running', at: step.value }),
            (_, doc) => doc.getMap(FACILITATION_MAP).delete('lock'),
          ]
          message = syncMessage(modified(edits[step.what] ?? edits[0]!))
          break
        }
        case 'deleteRange': {
          const client = clients[step.client] ?? FACILITATOR
          const clock = anchorId(client, step.clock).clock
          message = syncMessage(forgeUpdate([], [[client, clock, step.len]]))
          break
        }
        case 'merged': {
          const record = note(step.note)
          if (!record) continue
          const client = clients[step.client] ?? FACILITATOR
          const honest = real(() => record.set('x', step.x))
          const forged = forgeUpdate([], [[client, anchorId(client, step.clock).clock, step.len]])
          message = syncMessage(Y.mergeUpdates([honest, forged]))
          // The honest part is in the participant's doc now; if the merge is refused, its reconnect resends it.
          break
        }
        case 'forgeItem': {
          const who = [4242, FACILITATOR, serverClient][step.who] ?? 4242
          const next = Y.getState(room.doc.store, who)
          const clock = [next, Math.max(0, next - 1), 0][step.at] ?? next
          const anchorClient = clients[step.anchor % 2 === 0 ? 0 : 1] ?? FACILITATOR
          const anchor = anchorId(anchorClient, step.anchor)
          const key = KEYS[step.key] ?? 'k'
          const content = [
            () => new Y.ContentAny([`forged ${step.anchor}`]),
            () => new Y.ContentDeleted(1),
            () => new Y.ContentType(new Y.Map()),
            // Two values: at the client's last known clock it straddles what the server has (a known head, a new tail).
            () => new Y.ContentAny([`forged ${step.anchor}`, step.key]),
          ][step.content]!()
          const where = [
            { origin: anchor },
            { rightOrigin: anchor },
            { parent: anchor, parentSub: key },
            { parent: step.anchor % 2 === 0 ? 'records' : FACILITATION_MAP, parentSub: key },
          ][step.how] ?? { origin: anchor }
          message = syncMessage(forgeUpdate([forgedItem(Y.createID(who, clock), where, content)]))
          break
        }
      }
      room.receive(socket, message)
      count.sent++
      await settled(room)
      if (failures.length > 0) return `room failed after ${step.kind}: ${String(failures[0])}`
      if (mustAccept && socket.closedWith) {
        return `real ${step.kind} refused: ${socket.closedWith.code} ${socket.closedWith.reason}`
      }
      if (snapshotOf(room.doc) !== protectedBefore) return `protected state changed by ${step.kind}`
    }
    // Nothing may lie in wait: the server's own next write must land as written.
    await room.applyServerChange((doc) => doc.getMap(FACILITATION_MAP).set('timer', { state: 'stopped' }))
    const timer = room.doc.getMap(FACILITATION_MAP).get('timer') as { state?: string } | undefined
    if (timer?.state !== 'stopped') return 'a pending deletion undid the server’s next write'
    if (snapshotOf(room.doc).replace(/,?"timer":\{[^}]*\}/, '') !== protectedBefore) {
      return 'protected state changed after the server’s next write'
    }
    if (room.doc.store.pendingStructs || room.doc.store.pendingDs)
      return 'something is pending in the room’s doc'
    return null
  } finally {
    room.destroy()
  }
}

const lockArb = fc.record({ structure: fc.boolean(), valueCards: fc.boolean() })
const sessionArb = fc.tuple(lockArb, fc.array(stepArb, { minLength: MIN_STEPS, maxLength: MAX_STEPS }))

describe('[W4] the write policy over generated updates', () => {
  it(`never changes a locked record or server-only state, and accepts every real edit (seed ${SEED})`, async () => {
    const count = { sent: 0 }
    const property = fc.asyncProperty(sessionArb, async ([lock, session]) => {
      const violation = await play(lock, session, count)
      if (violation) throw new Error(violation)
    })
    const result = await fc.check(property, { seed: SEED, numRuns: RUNS })
    if (result.failed) {
      savePolicyRegression({
        seed: result.seed,
        path: result.counterexamplePath ?? '',
        counterexample: JSON.stringify(result.counterexample?.[0]),
        failure: String(result.errorInstance),
      })
    }
    expect(result.failed, fc.defaultReportMessage(result) ?? '').toBe(false)
    expect(count.sent).toBeGreaterThanOrEqual(10_000)
  }, 240_000)

  it('replays every saved failing case', async () => {
    for (const r of loadPolicyRegressions()) {
      const [lock, session] = JSON.parse(r.counterexample) as [Lock, Step[]]
      expect(await play(lock, session), `${r.file}: ${r.failure}`).toBeNull()
    }
  })
})
