import * as Y from 'yjs'
import type { MergeUpdates } from '../storage/BoardStorage.ts'

/**
 * Merges stored state through a real Y.Doc rather than Y.mergeUpdates, so deleted content is
 * garbage-collected and the snapshot stays close to the size of the live document.
 */
export const mergeUpdates: MergeUpdates = (snapshot, updates) => {
  const doc = new Y.Doc({ gc: true })
  for (const update of snapshot ? [snapshot, ...updates] : updates) {
    try {
      Y.applyUpdate(doc, update)
    } catch {
      // An unreadable stored update was already skipped when the board was loaded; keep skipping it.
    }
  }
  const merged = Y.encodeStateAsUpdate(doc)
  doc.destroy()
  return merged
}
