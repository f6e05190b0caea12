import type { Signal } from '@tldraw/state'
import { react, unsafe__withoutCapture } from '@tldraw/state'
import type { Store } from '@tldraw/store'
import { InstancePresenceRecordType, type TLInstancePresence, type TLRecord } from '@tldraw/tlschema'
import type { Awareness } from 'y-protocols/awareness'
import { isJsonRecord } from './JsonRecord.ts'
import { jsonEqual } from './jsonEqual.ts'

/** The awareness state field that carries a client's tldraw presence record as JSON. */
export const PRESENCE_FIELD = 'presence'

/**
 * Least time between two publications of the local presence: tldraw's presence changes on every animation frame
 * while the pointer moves (60–144 Hz), and every publication is relayed to everyone on the board. 20 a second stays
 * inside the server's presence allowance (30 a second, see docs/protocol.md); the latest state is always published.
 */
export const PRESENCE_PUBLISH_INTERVAL_MS = 50
/** Others see at most this many of the shapes one selects, and the most recent points of two scribbles. */
export const PRESENCE_MAX_SELECTED = 64
export const PRESENCE_MAX_SCRIBBLES = 2
export const PRESENCE_MAX_SCRIBBLE_POINTS = 32

export interface BindPresenceOptions<Props> {
  store: Store<TLRecord, Props>
  awareness: Awareness
  /** The local presence, e.g. `createPresenceStateDerivation($user)(store)`; null publishes nothing. */
  presence: Signal<TLInstancePresence | null>
  /** See `PRESENCE_PUBLISH_INTERVAL_MS` (the default); 0 publishes every change at once. */
  publishIntervalMs?: number
}

export interface PresenceBinding {
  /** Stops publishing, clears our awareness field and removes mirrored peers from the store. */
  dispose(): void
}

type AwarenessChange = { added: number[]; updated: number[]; removed: number[] }

/**
 * Publishes the local tldraw presence to a y-protocols Awareness and mirrors every peer's presence into
 * the store as instance_presence records. It needs no write access to the doc, so read-only observers
 * are visible too.
 */
export function bindPresence<Props>(options: BindPresenceOptions<Props>): PresenceBinding {
  const { store, awareness, presence } = options
  // Keyed by awareness client id: peers' own record ids derive from their store ids and could collide.
  const idFor = (clientId: number) => InstancePresenceRecordType.createId(`yjs-${clientId}`)
  const mirrored = new Set<TLInstancePresence['id']>()

  const mirror = (clientIds: Iterable<number>) => {
    const puts: TLInstancePresence[] = []
    const removes: TLInstancePresence['id'][] = []
    for (const clientId of clientIds) {
      if (clientId === awareness.clientID) continue
      const id = idFor(clientId)
      const record = validatePeerPresence(store, id, awareness.getStates().get(clientId)?.[PRESENCE_FIELD])
      if (record) {
        mirrored.add(id)
        if (!jsonEqual(store.get(id), record)) puts.push(record)
      } else if (mirrored.delete(id) && store.has(id)) {
        removes.push(id)
      }
    }
    if (puts.length === 0 && removes.length === 0) return
    store.mergeRemoteChanges(() => {
      if (removes.length > 0) store.remove(removes)
      if (puts.length > 0) store.put(puts)
    })
  }

  const onChange = ({ added, updated, removed }: AwarenessChange) =>
    mirror([...added, ...updated, ...removed])
  awareness.on('change', onChange)
  mirror(awareness.getStates().keys())

  // At most one publication per interval: the first change at once, later ones as the latest when it is over.
  const interval = options.publishIntervalMs ?? PRESENCE_PUBLISH_INTERVAL_MS
  let lastPublished = Number.NEGATIVE_INFINITY
  let latest: TLInstancePresence | null = null
  let timer: ReturnType<typeof setTimeout> | null = null
  const publishNow = () => {
    lastPublished = Date.now()
    awareness.setLocalStateField(PRESENCE_FIELD, latest && boundPresence(latest))
  }
  const publish = (local: TLInstancePresence | null) => {
    latest = local
    if (timer) return
    const wait = lastPublished + interval - Date.now()
    if (wait <= 0) publishNow()
    else {
      timer = setTimeout(() => {
        timer = null
        publishNow()
      }, wait)
    }
  }
  const stopPublishing = react('tldraw-yjs publish presence', () => {
    const local = presence.get()
    // Publishing can synchronously update other stores (awareness listeners); that must not run while
    // this effect is still recording its dependencies, or @tldraw/state sees a half-built parent list.
    unsafe__withoutCapture(() => publish(local))
  })

  let disposed = false
  return {
    dispose: () => {
      if (disposed) return
      disposed = true
      stopPublishing()
      if (timer) clearTimeout(timer)
      awareness.off('change', onChange)
      if (awareness.getLocalState() !== null) awareness.setLocalStateField(PRESENCE_FIELD, null)
      const ids = Array.from(mirrored).filter((id) => store.has(id))
      mirrored.clear()
      if (ids.length > 0) store.mergeRemoteChanges(() => store.remove(ids))
    },
  }
}

/**
 * What others get of the local presence: a selection of hundreds of shapes or a long scribble would make every
 * publication kilobytes, relayed to everyone (the server trims and bounds presence too).
 */
export function boundPresence(presence: TLInstancePresence): TLInstancePresence {
  const { selectedShapeIds, scribbles } = presence
  const longScribble = scribbles.some((s) => s.points.length > PRESENCE_MAX_SCRIBBLE_POINTS)
  if (
    selectedShapeIds.length <= PRESENCE_MAX_SELECTED &&
    scribbles.length <= PRESENCE_MAX_SCRIBBLES &&
    !longScribble
  ) {
    return presence
  }
  return {
    ...presence,
    selectedShapeIds: selectedShapeIds.slice(0, PRESENCE_MAX_SELECTED),
    scribbles: scribbles
      .slice(-PRESENCE_MAX_SCRIBBLES)
      .map((s) =>
        s.points.length > PRESENCE_MAX_SCRIBBLE_POINTS
          ? { ...s, points: s.points.slice(-PRESENCE_MAX_SCRIBBLE_POINTS) }
          : s,
      ),
  }
}

/** Peer state is untrusted network data: only a record the schema accepts reaches the store. */
function validatePeerPresence<Props>(
  store: Store<TLRecord, Props>,
  id: TLInstancePresence['id'],
  value: unknown,
): TLInstancePresence | null {
  if (!isJsonRecord(value)) return null
  const candidate = { ...value, id, typeName: 'instance_presence' } as unknown as TLRecord
  const before = store.get(id) ?? null
  try {
    const record = store.schema.validateRecord(
      store,
      candidate,
      before ? 'updateRecord' : 'createRecord',
      before,
    )
    return record.typeName === 'instance_presence' ? record : null
  } catch {
    return null
  }
}
