import {
  PRIORITERING_TYPE,
  PVW_FRAME_TYPE,
  SCHILLEN_TYPE,
  SPANNINGEN_TYPE,
  VALUE_CARD_TYPE,
} from '@waardentafel/domain'
import { FACILITATION_MAP, LockSchema } from '@waardentafel/protocol'
import * as Y from 'yjs'
import { NO_RESTRICTIONS, type Restrictions } from './updatePolicy.ts'

/** The template shapes that make up a board's structure (columns, rings, walls, frames). */
const STRUCTURE_TYPES: ReadonlySet<string> = new Set([
  PRIORITERING_TYPE,
  SCHILLEN_TYPE,
  SPANNINGEN_TYPE,
  PVW_FRAME_TYPE,
])

/**
 * Whether a transaction may have changed what `restrictionsOf` reads: the facilitation state (the lock), which
 * records exist, or a record's type. Most edits (moving, resizing, typing) change none of these, so the room keeps
 * its restrictions instead of walking every record again (~0.5–2 ms on a 5,000-shape board, for every edit).
 */
export function mayChangeRestrictions(doc: Y.Doc, transaction: Y.Transaction): boolean {
  const facilitation: unknown = doc.getMap(FACILITATION_MAP)
  const records: unknown = doc.getMap('records')
  for (const [type, keys] of transaction.changed) {
    if (type === facilitation || type === records) return true
    const parent: unknown = type._item?.parent
    if (parent === facilitation || (parent === records && keys.has('type'))) return true
  }
  return false
}

/** What the facilitator's lock currently protects on this board, read from the doc. */
export function restrictionsOf(doc: Y.Doc): Restrictions {
  const lock = LockSchema.safeParse(doc.getMap(FACILITATION_MAP).get('lock'))
  if (!lock.success || (!lock.data.structure && !lock.data.valueCards)) return NO_RESTRICTIONS
  const structureIds = new Set<string>()
  const valueCardIds = new Set<string>()
  for (const [id, record] of doc.getMap('records')) {
    if (!(record instanceof Y.Map)) continue
    const type = record.get('type')
    if (lock.data.structure && typeof type === 'string' && STRUCTURE_TYPES.has(type)) structureIds.add(id)
    if (lock.data.valueCards && type === VALUE_CARD_TYPE) valueCardIds.add(id)
  }
  return { structureIds, valueCardIds }
}
