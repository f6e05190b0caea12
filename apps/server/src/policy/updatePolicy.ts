import type { Role } from '@waardentafel/protocol'
import { FACILITATION_MAP, SETUP_MAP } from '@waardentafel/protocol'
import { WORKSHOP_MAP_NAME } from '../workshopDetails.ts'
import type { ChangedPaths } from './changedPaths.ts'

/** Record ids a non-facilitator may not change while the facilitator has locked the structure. */
export type Restrictions = {
  /** Templates (columns, rings, walls, frames): no change at all. */
  structureIds: ReadonlySet<string>
  /** Value cards: may be annotated, not moved, resized, deleted or renamed (their class follows from their place). */
  valueCardIds: ReadonlySet<string>
}

export const NO_RESTRICTIONS: Restrictions = { structureIds: new Set(), valueCardIds: new Set() }

/**
 * What a non-facilitator may still write on a locked value card: its annotations. Everything else — position,
 * parent, order, size, rotation, name, value key, type, the record itself — is the facilitator's (an allowlist, so
 * a field added later is locked until it is listed here).
 */
const VALUE_CARD_ANNOTATIONS: ReadonlySet<string> = new Set([
  'explanation',
  'fysiek',
  'sociaal',
  'twijfel',
  'scoreCurrent',
  'scorePotential',
  'ambitions',
  'indicators',
  'beleid',
])

/** The refusals, each its own reason in the 4409 close frame (documented in docs/protocol.md). */
export type Refusal = 'SERVER_ONLY_STATE' | 'UNRESOLVED' | 'STRUCTURE_LOCKED' | 'VALUE_CARDS_LOCKED'

function isAnnotation(path: readonly string[]): boolean {
  if (path[2] === 'meta') return path.length >= 4
  return path[2] === 'props' && path[3] !== undefined && VALUE_CARD_ANNOTATIONS.has(path[3])
}

/**
 * Decides whether a client's update may be stored, from the paths it writes. Returns the refusal reason or null.
 * Server-only state is never written by a client, not even the facilitator's (its actions go through the HTTP
 * API); locked records only by the facilitator. An update the server cannot trace completely (it reaches beyond
 * what the server knows, so nobody can say what it would change) is refused for everyone: the room asks a real
 * client for what it lacks before judging, so only a forged update gets here.
 */
export function judgeUpdate(role: Role, changes: ChangedPaths, restrictions: Restrictions): Refusal | null {
  if (changes.unresolved) return 'UNRESOLVED'
  for (const path of changes.paths) {
    if (path[0] === FACILITATION_MAP || path[0] === WORKSHOP_MAP_NAME || path[0] === SETUP_MAP) {
      return 'SERVER_ONLY_STATE'
    }
  }
  if (role === 'facilitator') return null
  if (restrictions.structureIds.size === 0 && restrictions.valueCardIds.size === 0) return null
  for (const path of changes.paths) {
    if (path[0] !== 'records' || path[1] === undefined) continue
    const id = path[1]
    if (restrictions.structureIds.has(id)) return 'STRUCTURE_LOCKED'
    if (restrictions.valueCardIds.has(id) && !isAnnotation(path)) return 'VALUE_CARDS_LOCKED'
  }
  return null
}
