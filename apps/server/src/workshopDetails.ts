import type { Workshop } from '@waardentafel/domain'
import type * as Y from 'yjs'

/**
 * The snapshot's `workshop` details (gemeente, gebied, procesbegeleider, datum, deelnemers, fase and any keys a later
 * version adds; docs/board-schema.md S1a) live in the board's document beside tldraw's records: a map of its own,
 * written by an import and read by every export, so export → import → export keeps them whole. Clients sync the
 * map but the canvas never reads it (the binding reads only `records` and `schema`).
 */
export const WORKSHOP_MAP_NAME = 'workshop'
const DETAILS_KEY = 'details'

/** Writes the workshop details into a new board's document (an import); nothing when the snapshot has none. */
export function writeWorkshop(doc: Y.Doc, workshop: Workshop | undefined): void {
  if (!workshop) return
  doc.getMap<unknown>(WORKSHOP_MAP_NAME).set(DETAILS_KEY, structuredClone(workshop))
}

/** The workshop details of a board's document, or undefined when it has none. */
export function readWorkshop(doc: Y.Doc): Workshop | undefined {
  const value = doc.getMap<unknown>(WORKSHOP_MAP_NAME).get(DETAILS_KEY)
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Workshop)
    : undefined
}
