import { type Placement, PlacementSchema } from '@waardentafel/protocol'
import { z } from 'zod'

// Placements live on the device first (a phone in a train still prioritises) and go to the server when it
// answers. One entry per board, round and participant key.

const StoredSchema = z.object({ placements: z.array(PlacementSchema), dirty: z.boolean() })
export type StoredPlacements = z.infer<typeof StoredSchema>

const prefixOf = (boardId: string) => `waardentafel.placements:${boardId}:`
const keyOf = (boardId: string, roundId: string, participantKey: string) =>
  `${prefixOf(boardId)}${roundId}:${participantKey}`

/** Where a device keeps placements made before the server issued its ballot key (it was offline). */
export const PENDING_SLOT = 'device'

export function loadPlacements(boardId: string, roundId: string, participantKey: string): StoredPlacements {
  try {
    const raw = localStorage.getItem(keyOf(boardId, roundId, participantKey))
    const parsed = StoredSchema.safeParse(JSON.parse(raw ?? 'null'))
    if (parsed.success) return parsed.data
  } catch {
    // Unreadable: start empty; the server's copy (`mine`) fills it in.
  }
  return { placements: [], dirty: false }
}

export function storePlacements(
  boardId: string,
  roundId: string,
  participantKey: string,
  stored: StoredPlacements,
): void {
  try {
    localStorage.setItem(keyOf(boardId, roundId, participantKey), JSON.stringify(stored))
  } catch {
    // Storage refused: the placements then last for this page, and are sent when the server answers.
  }
}

/** Per value the latest choice of either side, and whether the server lacks any of ours. */
export function mergePlacements(
  local: readonly Placement[],
  remote: readonly Placement[],
): { merged: Placement[]; serverBehind: boolean } {
  const byValue = new Map<string, Placement>()
  for (const p of remote) byValue.set(p.valueId, p)
  let serverBehind = false
  for (const p of local) {
    const theirs = byValue.get(p.valueId)
    if (!theirs || p.at > theirs.at) {
      byValue.set(p.valueId, p)
      serverBehind = true
    }
  }
  return { merged: [...byValue.values()], serverBehind }
}

/**
 * Moves placements kept under other slots (made before the key was issued, or under a key the server does not
 * know) to the ballot `key`, for every round of the board, marked as still to be sent.
 */
export function adoptPlacements(boardId: string, from: readonly string[], key: string): void {
  const found: { storageKey: string; roundId: string; slot: string }[] = []
  try {
    const prefix = prefixOf(boardId)
    for (let i = 0; i < localStorage.length; i++) {
      const storageKey = localStorage.key(i)
      if (!storageKey?.startsWith(prefix)) continue
      const rest = storageKey.slice(prefix.length)
      const split = rest.lastIndexOf(':')
      const slot = rest.slice(split + 1)
      if (split > 0 && slot !== key && from.includes(slot)) {
        found.push({ storageKey, roundId: rest.slice(0, split), slot })
      }
    }
  } catch {
    return
  }
  for (const { storageKey, roundId, slot } of found) {
    const theirs = loadPlacements(boardId, roundId, slot).placements
    const mine = loadPlacements(boardId, roundId, key)
    const { merged } = mergePlacements(theirs, mine.placements)
    storePlacements(boardId, roundId, key, { placements: merged, dirty: mine.dirty || theirs.length > 0 })
    try {
      localStorage.removeItem(storageKey)
    } catch {
      // Left behind: adopted again next time, which changes nothing.
    }
  }
}
