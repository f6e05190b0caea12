import {
  FACILITATION_MAP,
  type FacilitationState,
  FacilitationStateSchema,
  type Round,
  RoundSchema,
} from '@waardentafel/protocol'
import { useEffect, useState } from 'react'
import type * as Y from 'yjs'

const fields = FacilitationStateSchema.shape

/**
 * Reads the doc's facilitation map field by field: the server writes it, but a field we cannot read (an older
 * or newer app) must not hide the others, and one unreadable round must not hide the rest.
 */
export function readFacilitationState(map: Y.Map<unknown>): FacilitationState {
  const raw = map.toJSON() as Record<string, unknown>
  const state: Record<string, unknown> = {}
  for (const [key, schema] of Object.entries(fields)) {
    const parsed = schema.safeParse(raw[key])
    state[key] = parsed.success ? parsed.data : schema.parse(undefined)
  }
  const rounds: Record<string, Round> = {}
  const rawRounds = raw.rounds
  if (rawRounds && typeof rawRounds === 'object') {
    for (const [id, value] of Object.entries(rawRounds)) {
      const parsed = RoundSchema.safeParse(value)
      if (parsed.success) rounds[id] = parsed.data
    }
  }
  return { ...(state as FacilitationState), rounds }
}

/** The facilitation state of the open board, live: re-read whenever the server changes it. */
export function useFacilitationState(doc: Y.Doc): FacilitationState {
  const map = doc.getMap<unknown>(FACILITATION_MAP)
  const [state, setState] = useState(() => readFacilitationState(map))
  useEffect(() => {
    const update = () => setState(readFacilitationState(map))
    map.observeDeep(update)
    update()
    return () => map.unobserveDeep(update)
  }, [map])
  return state
}

/** Rounds newest first. */
export function sortedRounds(state: FacilitationState): Round[] {
  return Object.values(state.rounds).sort((a, b) => b.openedAt - a.openedAt)
}

/** The round people are working on now: the newest open one. */
export function currentRound(state: FacilitationState): Round | null {
  return sortedRounds(state).find((r) => r.status === 'open') ?? null
}
