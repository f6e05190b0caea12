import * as Y from 'yjs'

/**
 * The update a change made by the server (facilitator actions over HTTP) amounts to: built on a copy of the
 * board's `state`, written as `clientId` (one per room and process, so its clock continues from the doc).
 */
export function serverChange(state: Uint8Array, clientId: number, change: (doc: Y.Doc) => void): Uint8Array {
  const fork = new Y.Doc({ gc: true })
  Y.applyUpdate(fork, state)
  // Set after loading: Yjs picks a new id when a remote update brings structs of its own id.
  fork.clientID = clientId
  try {
    const before = Y.encodeStateVector(fork)
    fork.transact(() => change(fork))
    return Y.encodeStateAsUpdate(fork, before)
  } finally {
    fork.destroy()
  }
}
