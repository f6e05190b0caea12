import { type Placement, PlacementSchema } from '@waardentafel/protocol'
import { z } from 'zod'

// Placements live on the device first (a phone in a train still prioritises) and go to the server when it
// answers. One entry per board, round and participant key.

const StoredSchema = z.object({ placements: z.array(PlacementSchema), dirty: z.boolean() })
export type StoredPlacements = z.infer<typeof StoredSchema>

const keyOf = (boardId: string, roundId: string, participantKey: string) =>
  `waardentafel.placements:${boardId}:${roundId}:${participantKey}`

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
