import * as Y from 'yjs'
import type { DecodedUpdate } from '../policy/changedPaths.ts'

/** The end of what the server has of one client's changes (the next clock it lacks). */
export type KnownClock = (client: number) => number

/** What a known clock reads from an encoded state vector (a client absent from it: nothing known). */
export function knownFromStateVector(stateVector: Uint8Array): KnownClock {
  const known = Y.decodeStateVector(stateVector)
  return (client) => known.get(client) ?? 0
}

/**
 * What the server has of each client: the doc, then what is being stored or queued before the update judged now.
 * The queued updates' ends are read only when a client's clock is first asked for (most updates arrive with
 * nothing queued, and then only the doc is read).
 */
export function knownClocks(
  doc: Y.Doc,
  inflight: ReadonlyArray<{ update: Uint8Array }>,
  queue: ReadonlyArray<{ update: Uint8Array }>,
): KnownClock {
  if (inflight.length === 0 && queue.length === 0) return (client) => Y.getState(doc.store, client)
  let queued: Map<number, number> | null = null
  return (client) => {
    const inDoc = Y.getState(doc.store, client)
    if (!queued) {
      queued = new Map()
      for (const pending of [...inflight, ...queue]) {
        for (const [c, to] of Y.parseUpdateMeta(pending.update).to)
          queued.set(c, Math.max(queued.get(c) ?? 0, to))
      }
    }
    return Math.max(inDoc, queued.get(client) ?? 0)
  }
}

/**
 * What an update needs that the server does not have (`known`): 'own' when it starts after its client's last known
 * clock (the client's sync step 2 brings the rest); 'others' when one of its items sits next to or inside an item
 * never seen, follows a gap, or it deletes one; null when nothing. Alone, the server has every change any client
 * could have seen, so such an update is forged or stale and is dropped. Pure: reads only its arguments.
 */
export function buildsOnUnknown({ structs, ds }: DecodedUpdate, known: KnownClock): 'own' | 'others' | null {
  const ownStart = new Map<number, number>()
  const ownEnd = new Map<number, number>()
  for (const s of structs) {
    if (s instanceof Y.Skip) continue // a gap inside the update: not something it brings
    const c = s.id.client
    if (!ownStart.has(c) || s.id.clock < ownStart.get(c)!) ownStart.set(c, s.id.clock)
    ownEnd.set(c, Math.max(ownEnd.get(c) ?? 0, s.id.clock + s.length))
  }
  for (const [client, start] of ownStart) if (start > 0 && start > known(client)) return 'own'
  // A struct after a gap (a Skip over clocks the server lacks) would wait in Yjs' pending store: judged now, applied
  // whenever someone fills the gap — by then under a lock, say. It builds on something unknown, like the above.
  const reach = new Map<number, number>()
  for (const s of structs) {
    if (s instanceof Y.Skip) continue
    const c = s.id.client
    const at = reach.get(c) ?? known(c)
    if (s.id.clock > at) return 'others'
    reach.set(c, Math.max(at, s.id.clock + s.length))
  }
  const has = (id: Y.ID) => id.clock < Math.max(known(id.client), ownEnd.get(id.client) ?? 0)
  for (const s of structs) {
    if (!(s instanceof Y.Item)) continue
    if (s.origin && !has(s.origin)) return 'others'
    if (s.rightOrigin && !has(s.rightOrigin)) return 'others'
    if (s.parent instanceof Y.ID && !has(s.parent)) return 'others'
  }
  for (const [client, ranges] of ds.clients) {
    const end = Math.max(known(client), ownEnd.get(client) ?? 0)
    for (const range of ranges) if (range.clock + range.len > end) return 'others'
  }
  return null
}
