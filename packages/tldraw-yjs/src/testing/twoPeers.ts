import { ensureBoardInitialised } from '../ensureBoardInitialised.ts'
import { type CreatePeerOptions, createPeer, type Peer, sync } from './createPeer.ts'

/** Two synced clients on a seeded board (document record and default page). */
export function twoPeers(options: Omit<CreatePeerOptions, 'clientId'> = {}): [Peer, Peer] {
  const a = createPeer({ clientId: 1, ...options })
  const b = createPeer({ clientId: 2, ...options })
  ensureBoardInitialised(a.doc, a.store)
  a.binding.flush()
  sync(a, b)
  return [a, b]
}
