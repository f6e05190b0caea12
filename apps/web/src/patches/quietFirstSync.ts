import { readSyncMessage } from '@waardentafel/protocol'
import type { IndexeddbPersistence } from 'y-indexeddb'
import { messageSync, type WebsocketProvider } from 'y-websocket'
import type * as Y from 'yjs'

/**
 * Patch of y-websocket 3.1.0 and y-indexeddb 9.0.12 internals (guarded by `quietFirstSync.test.ts`; see README.md).
 *
 * Until the first sync, the server's messages are applied without the doc's 'update' event. For that event Yjs
 * encodes every applied change again (the whole board on a first visit: 3 MB and ~80 ms for 5,000 shapes, on the
 * way to the first paint), and its two listeners have no use for it here: y-websocket skips what came from the
 * server, and the local copy (y-indexeddb) stores the update as it came from the server instead: the same bytes,
 * without encoding the doc again (that took another ~100 ms of the main thread after the first paint). Nothing else
 * writes to the doc before the first sync (the store is bound to it after that).
 *
 * What it relies on: each provider's own `messageHandlers` table, whose sync handler reads from the decoder's
 * `arr`/`pos`; `provider._updateHandler` and `local._storeUpdate` as the doc's 'update' listeners; and
 * `_storeUpdate(update, origin)` storing an update that did not come from the local copy itself.
 */
export function applyFirstSyncQuietly(
  doc: Y.Doc,
  provider: WebsocketProvider,
  local: IndexeddbPersistence,
  everSynced: () => boolean,
): void {
  const handle = provider.messageHandlers[messageSync]
  if (!handle) return
  let quiet = false
  const resume = () => {
    if (!quiet) return
    quiet = false
    doc.on('update', provider._updateHandler)
    doc.on('update', local._storeUpdate)
  }
  // First among the 'sync' listeners: the doc's listeners are back before anyone else hears of the sync.
  provider.on('sync', resume)
  provider.messageHandlers[messageSync] = (encoder, decoder, p, emitSynced, messageType) => {
    if (provider.synced || everSynced()) return handle(encoder, decoder, p, emitSynced, messageType)
    const update = updateOfSyncMessage(decoder.arr, decoder.pos)
    quiet = true
    doc.off('update', provider._updateHandler)
    doc.off('update', local._storeUpdate)
    try {
      handle(encoder, decoder, p, emitSynced, messageType)
    } finally {
      resume()
    }
    // Into the local copy as it came. Before the local copy is open, y-indexeddb stores the doc's whole state
    // when it opens (which then includes this update).
    if (update) local._storeUpdate(update, provider)
  }
}

/**
 * The Yjs update a sync message (read from `pos`, after its message type) carries, as a view of the message's bytes:
 * sync step 2 and update messages carry one; sync step 1 carries a state vector (null). A malformed message is null
 * too: the sync handler refuses it as it reads it.
 */
function updateOfSyncMessage(bytes: Uint8Array, pos: number): Uint8Array | null {
  const read = readSyncMessage(bytes, pos)
  return read.ok && read.value.subtype !== 'step1' ? read.value.update : null
}
