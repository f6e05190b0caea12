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
