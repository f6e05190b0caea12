import { atom } from '@tldraw/state'
import {
  CameraRecordType,
  createPresenceStateDerivation,
  InstancePageStateRecordType,
  InstancePresenceRecordType,
  PointerRecordType,
  TLINSTANCE_ID,
  type TLInstancePresence,
  type TLPageId,
  TLPOINTER_ID,
  type TLStore,
  type TLUser,
  UserRecordType,
} from '@tldraw/tlschema'
import { afterEach, describe, expect, it } from 'vitest'
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness'
import * as Y from 'yjs'
import { bindPresence, PRESENCE_FIELD } from './bindPresence.ts'
import { DEFAULT_PAGE_ID } from './ensureBoardInitialised.ts'
import { createTestStore } from './testing/createTestStore.ts'

const awarenesses: Awareness[] = []

function createAwareness(clientId: number): Awareness {
  const doc = new Y.Doc()
  doc.clientID = clientId
  const awareness = new Awareness(doc)
  awarenesses.push(awareness)
  return awareness
}

/** Relays awareness updates between two instances, as the y-websocket provider does. */
function connect(a: Awareness, b: Awareness): void {
  const relay = (from: Awareness, to: Awareness) => {
    from.on('update', ({ added, updated, removed }: Record<string, number[]>, origin: unknown) => {
      if (origin === to) return
      const changed = [...(added ?? []), ...(updated ?? []), ...(removed ?? [])]
      applyAwarenessUpdate(to, encodeAwarenessUpdate(from, changed), from)
    })
  }
  relay(a, b)
  relay(b, a)
  applyAwarenessUpdate(b, encodeAwarenessUpdate(a, [a.clientID]), a)
  applyAwarenessUpdate(a, encodeAwarenessUpdate(b, [b.clientID]), b)
}

function presenceOf(name: string, x: number): TLInstancePresence {
  return InstancePresenceRecordType.create({
    id: InstancePresenceRecordType.createId(name),
    userId: UserRecordType.createId(name),
    userName: name,
    currentPageId: DEFAULT_PAGE_ID,
    cursor: { x, y: 0, type: 'default', rotation: 0 },
  })
}

const presenceRecords = (store: TLStore) =>
  store.allRecords().filter((r) => r.typeName === 'instance_presence')

afterEach(() => {
  for (const awareness of awarenesses.splice(0)) awareness.destroy()
})

describe('bindPresence', () => {
  it('publishes local presence and mirrors peers as validated instance_presence records', () => {
    const [awarenessA, awarenessB] = [createAwareness(1), createAwareness(2)]
    connect(awarenessA, awarenessB)
    const [storeA, storeB] = [createTestStore(), createTestStore()]
    const presenceA = atom<TLInstancePresence | null>('a', presenceOf('alice', 1))
    const presenceB = atom<TLInstancePresence | null>('b', presenceOf('bob', 2))
    bindPresence({ store: storeA, awareness: awarenessA, presence: presenceA })
    bindPresence({ store: storeB, awareness: awarenessB, presence: presenceB })

    expect(presenceRecords(storeB)).toEqual([
      expect.objectContaining({ userName: 'alice', cursor: expect.objectContaining({ x: 1 }) }),
    ])
    expect(presenceRecords(storeA).map((r) => r.typeName === 'instance_presence' && r.userName)).toEqual([
      'bob',
    ])

    presenceA.set(presenceOf('alice', 42))
    const mirrored = presenceRecords(storeB)[0]
    expect(mirrored?.typeName === 'instance_presence' && mirrored.cursor?.x).toBe(42)
    // Complete records: everything tldraw's collaborator cursors and follow mode read is there.
    expect(() => InstancePresenceRecordType.validate(mirrored)).not.toThrow()
  })

  it('keeps peer presence out of tldraw history', () => {
    const [awarenessA, awarenessB] = [createAwareness(1), createAwareness(2)]
    connect(awarenessA, awarenessB)
    const storeB = createTestStore()
    const sources: string[] = []
    storeB.listen((entry) => sources.push(entry.source), { scope: 'presence' })
    bindPresence({ store: storeB, awareness: awarenessB, presence: atom('b', null) })
    bindPresence({
      store: createTestStore(),
      awareness: awarenessA,
      presence: atom('a', presenceOf('alice', 1)),
    })
    expect(sources).toEqual(['remote'])
  })

  it('ignores peer presence that does not validate', () => {
    const [awarenessA, awarenessB] = [createAwareness(1), createAwareness(2)]
    connect(awarenessA, awarenessB)
    const storeB = createTestStore()
    bindPresence({ store: storeB, awareness: awarenessB, presence: atom('b', null) })
    awarenessA.setLocalStateField(PRESENCE_FIELD, { ...presenceOf('mallory', 1), cursor: 'nope' })
    expect(presenceRecords(storeB)).toEqual([])
    awarenessA.setLocalStateField(PRESENCE_FIELD, presenceOf('mallory', 1))
    expect(presenceRecords(storeB)).toHaveLength(1)
  })

  it('removes a peer when it leaves or disposes, and publishes for read-only observers too', () => {
    const [awarenessA, awarenessB] = [createAwareness(1), createAwareness(2)]
    connect(awarenessA, awarenessB)
    const storeB = createTestStore()
    bindPresence({ store: storeB, awareness: awarenessB, presence: atom('b', null) })
    // The observer has no doc binding at all: presence needs only the awareness channel.
    const observer = bindPresence({
      store: createTestStore(),
      awareness: awarenessA,
      presence: atom('a', presenceOf('observer', 1)),
    })
    expect(presenceRecords(storeB)).toHaveLength(1)
    observer.dispose()
    expect(presenceRecords(storeB)).toEqual([])

    awarenessA.setLocalStateField(PRESENCE_FIELD, presenceOf('observer', 2))
    expect(presenceRecords(storeB)).toHaveLength(1)
    awarenessA.setLocalState(null)
    expect(presenceRecords(storeB)).toEqual([])
  })

  it('works with the presence derivation tldraw provides', () => {
    const [awarenessA, awarenessB] = [createAwareness(1), createAwareness(2)]
    connect(awarenessA, awarenessB)
    const storeA = createTestStore()
    storeA.put([
      storeA.schema.types.instance.create({ id: TLINSTANCE_ID, currentPageId: DEFAULT_PAGE_ID as TLPageId }),
      InstancePageStateRecordType.create({
        id: InstancePageStateRecordType.createId(DEFAULT_PAGE_ID),
        pageId: DEFAULT_PAGE_ID,
      }),
      CameraRecordType.create({ id: CameraRecordType.createId(DEFAULT_PAGE_ID) }),
      PointerRecordType.create({ id: TLPOINTER_ID, x: 7, y: 8 }),
    ])
    const user = atom<TLUser | null>(
      'user',
      UserRecordType.create({ id: UserRecordType.createId('u'), name: 'Uma' }),
    )
    const storeB = createTestStore()
    bindPresence({ store: storeB, awareness: awarenessB, presence: atom('b', null) })
    bindPresence({
      store: storeA,
      awareness: awarenessA,
      presence: createPresenceStateDerivation(user)(storeA),
    })
    expect(presenceRecords(storeB)).toEqual([
      expect.objectContaining({ userName: 'Uma', cursor: expect.objectContaining({ x: 7, y: 8 }) }),
    ])
    storeA.update(TLPOINTER_ID, (p) => ({ ...p, x: 70 }))
    expect(presenceRecords(storeB)[0]).toMatchObject({ cursor: { x: 70 } })
  })
})
