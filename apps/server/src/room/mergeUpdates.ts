import * as Y from 'yjs'
import type { MergeUpdates } from '../storage/BoardStorage.ts'

function encodeThroughDoc(parts: Uint8Array[]): Uint8Array {
  const doc = new Y.Doc({ gc: true })
  for (const update of parts) {
    try {
      Y.applyUpdate(doc, update)
    } catch {
      // An unreadable stored update was already skipped when the board was loaded; keep skipping it.
    }
  }
  const encoded = Y.encodeStateAsUpdate(doc)
  doc.destroy()
  return encoded
}

/**
 * Merges stored state through a real Y.Doc rather than Y.mergeUpdates, so deleted content is
 * garbage-collected and the snapshot stays close to the size of the live document.
 *
 * Then it does it once more, from that encoding: a document built edit by edit keeps its garbage-collected
 * ranges as many small pieces, and loading their encoding makes Yjs merge them one array splice at a time
 * (quadratic; 100,000 edits took seconds). A document loaded from one update has them merged already, so
 * its encoding — same content, same size or smaller — loads several times faster.
 */
export const mergeUpdates: MergeUpdates = (snapshot, updates) => {
  const once = encodeThroughDoc(snapshot ? [snapshot, ...updates] : updates)
  return encodeThroughDoc([once])
}
