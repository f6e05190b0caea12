import type { Signal } from '@tldraw/state'
import { react, unsafe__withoutCapture } from '@tldraw/state'
import type { Store } from '@tldraw/store'
import { InstancePresenceRecordType, type TLInstancePresence, type TLRecord } from '@tldraw/tlschema'
import type { Awareness } from 'y-protocols/awareness'
import { isJsonRecord } from './JsonRecord.ts'
import { jsonEqual } from './jsonEqual.ts'

/** The awareness state field that carries a client's tldraw presence record as JSON. */
export const PRESENCE_FIELD = 'presence'

export interface BindPresenceOptions<Props> {
  store: Store<TLRecord, Props>
  awareness: Awareness
  /** The local presence, e.g. `createPresenceStateDerivation($user)(store)`; null publishes nothing. */
  presence: Signal<TLInstancePresence | null>
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

  const stopPublishing = react('tldraw-yjs publish presence', () => {
    const local = presence.get()
    // Publishing can synchronously update other stores (awareness listeners); that must not run while
    // this effect is still recording its dependencies, or @tldraw/state sees a half-built parent list.
    unsafe__withoutCapture(() => awareness.setLocalStateField(PRESENCE_FIELD, local))
  })

  let disposed = false
  return {
    dispose: () => {
      if (disposed) return
      disposed = true
      stopPublishing()
      awareness.off('change', onChange)
      if (awareness.getLocalState() !== null) awareness.setLocalStateField(PRESENCE_FIELD, null)
      const ids = Array.from(mirrored).filter((id) => store.has(id))
      mirrored.clear()
      if (ids.length > 0) store.mergeRemoteChanges(() => store.remove(ids))
    },
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
