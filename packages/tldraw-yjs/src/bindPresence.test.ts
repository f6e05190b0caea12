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
  type TLShapeId,
  type TLStore,
  type TLUser,
  UserRecordType,
} from '@tldraw/tlschema'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness'
import * as Y from 'yjs'
import {
  bindPresence,
  boundPresence,
  PRESENCE_FIELD,
  PRESENCE_MAX_SCRIBBLE_POINTS,
  PRESENCE_MAX_SELECTED,
  PRESENCE_PUBLISH_INTERVAL_MS,
} from './bindPresence.ts'
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
    bindPresence({ publishIntervalMs: 0, store: storeA, awareness: awarenessA, presence: presenceA })
    bindPresence({ publishIntervalMs: 0, store: storeB, awareness: awarenessB, presence: presenceB })

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
    bindPresence({ publishIntervalMs: 0, store: storeB, awareness: awarenessB, presence: atom('b', null) })
    bindPresence({
      publishIntervalMs: 0,
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
    bindPresence({ publishIntervalMs: 0, store: storeB, awareness: awarenessB, presence: atom('b', null) })
    awarenessA.setLocalStateField(PRESENCE_FIELD, { ...presenceOf('mallory', 1), cursor: 'nope' })
    expect(presenceRecords(storeB)).toEqual([])
    awarenessA.setLocalStateField(PRESENCE_FIELD, presenceOf('mallory', 1))
    expect(presenceRecords(storeB)).toHaveLength(1)
  })

  it('removes a peer when it leaves or disposes, and publishes for read-only observers too', () => {
    const [awarenessA, awarenessB] = [createAwareness(1), createAwareness(2)]
    connect(awarenessA, awarenessB)
    const storeB = createTestStore()
    bindPresence({ publishIntervalMs: 0, store: storeB, awareness: awarenessB, presence: atom('b', null) })
    // The observer has no doc binding at all: presence needs only the awareness channel.
    const observer = bindPresence({
      publishIntervalMs: 0,
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
    bindPresence({ publishIntervalMs: 0, store: storeB, awareness: awarenessB, presence: atom('b', null) })
    bindPresence({
      publishIntervalMs: 0,
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

  it('publishes at most once per interval, the first change at once and the latest when it is over', () => {
    vi.useFakeTimers()
    try {
      const [awarenessA, awarenessB] = [createAwareness(1), createAwareness(2)]
      connect(awarenessA, awarenessB)
      const sent: number[] = []
      awarenessA.on('update', ({ updated }: { updated: number[] }) => {
        if (updated.includes(1)) sent.push(Date.now())
      })
      const storeB = createTestStore()
      bindPresence({ store: storeB, awareness: awarenessB, presence: atom('b', null) })
      const presenceA = atom<TLInstancePresence | null>('a', presenceOf('alice', 0))
      bindPresence({ store: createTestStore(), awareness: awarenessA, presence: presenceA })
      sent.length = 0
      // A cursor moving at 60 Hz for half a second.
      for (let i = 1; i <= 30; i++) {
        vi.advanceTimersByTime(1000 / 60)
        presenceA.set(presenceOf('alice', i))
      }
      vi.advanceTimersByTime(PRESENCE_PUBLISH_INTERVAL_MS)
      expect(sent.length).toBeLessThanOrEqual(Math.ceil(500 / PRESENCE_PUBLISH_INTERVAL_MS) + 1)
      const mirrored = presenceRecords(storeB)[0]
      expect(mirrored?.typeName === 'instance_presence' && mirrored.cursor?.x).toBe(30)
    } finally {
      vi.useRealTimers()
    }
  })

  it('bounds what it publishes: the first selected shapes and the latest points of the latest scribbles', () => {
    const selectedShapeIds = Array.from({ length: 500 }, (_, i) => `shape:s${i}` as TLShapeId)
    const points = Array.from({ length: 200 }, (_, i) => ({ x: i, y: i, z: 0.5 }))
    const scribble = {
      id: 'x',
      points,
      size: 4,
      color: 'laser',
      opacity: 1,
      state: 'active',
      delay: 0,
      shrink: 0,
      taper: false,
    } as const
    const big = { ...presenceOf('alice', 1), selectedShapeIds, scribbles: [scribble, scribble, scribble] }
    const bounded = boundPresence(big as TLInstancePresence)
    expect(bounded.selectedShapeIds).toEqual(selectedShapeIds.slice(0, PRESENCE_MAX_SELECTED))
    expect(bounded.scribbles).toHaveLength(2)
    expect(bounded.scribbles[0]?.points).toEqual(points.slice(-PRESENCE_MAX_SCRIBBLE_POINTS))
    expect(() => InstancePresenceRecordType.validate(bounded)).not.toThrow()
    const small = presenceOf('bob', 1)
    expect(boundPresence(small)).toBe(small)
  })
})
