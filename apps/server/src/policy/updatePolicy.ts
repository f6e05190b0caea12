import type { Role } from '@waardentafel/protocol'
import { FACILITATION_MAP } from '@waardentafel/protocol'
import type { ChangedPaths } from './changedPaths.ts'

/** Record ids a non-facilitator may not change while the facilitator has locked the structure. */
export type Restrictions = {
  /** Templates (columns, rings, walls, frames): no change at all. */
  structureIds: ReadonlySet<string>
  /** Value cards: may be moved and annotated, not deleted or renamed. */
  valueCardIds: ReadonlySet<string>
}

export const NO_RESTRICTIONS: Restrictions = { structureIds: new Set(), valueCardIds: new Set() }

const VALUE_CARD_IDENTITY = new Set(['name', 'valueKey'])

/**
 * Decides whether a client's update may be stored, from the paths it writes. Returns the refusal reason or null.
 * Server-only state is never written by a client; locked records only by the facilitator. An update whose
 * paths cannot all be resolved is refused only while something is locked for this role.
 */
export function judgeUpdate(role: Role, changes: ChangedPaths, restrictions: Restrictions): string | null {
  for (const path of changes.paths) {
    if (path[0] === FACILITATION_MAP) return 'SERVER_ONLY_STATE'
  }
  if (role === 'facilitator') return null
  const restricted = restrictions.structureIds.size > 0 || restrictions.valueCardIds.size > 0
  if (!restricted) return null
  if (changes.unresolved) return 'UNRESOLVED_WHILE_LOCKED'
  for (const path of changes.paths) {
    if (path[0] !== 'records' || path[1] === undefined) continue
    const id = path[1]
    if (restrictions.structureIds.has(id)) return 'STRUCTURE_LOCKED'
    if (restrictions.valueCardIds.has(id)) {
      const wholeRecord = path.length === 2
      const identity = path[2] === 'props' && path[3] !== undefined && VALUE_CARD_IDENTITY.has(path[3])
      if (wholeRecord || identity || (path[2] === 'type' && path.length === 3)) return 'VALUE_CARDS_LOCKED'
    }
  }
  return null
}
