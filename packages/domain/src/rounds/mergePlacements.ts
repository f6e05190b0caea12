import type { RoundPlacement } from './RoundPlacement.ts'

/** What merging needs of a placement; extra fields (name, organisation, …) travel along untouched. */
export type MergeablePlacement = Pick<RoundPlacement, 'participantKey' | 'valueId' | 'at'>

/**
 * Last write wins per (participantKey, valueId), by `at`. On equal `at` the placement already held is kept, the
 * same rule as the server's storage (`WHERE excluded.at > stored.at`), so a retry never flips a stored choice.
 * With distinct timestamps per participant and value the result does not depend on delivery order or batching;
 * the output is sorted by participantKey, then valueId (code units), so equal merges are equal arrays.
 */
export function mergePlacements<P extends MergeablePlacement>(
  existing: readonly P[],
  incoming: readonly P[],
): P[] {
  // Nested maps rather than a joined string key: keys are free text and could contain any separator.
  const latest = new Map<string, Map<string, P>>()
  for (const placement of [...existing, ...incoming]) {
    let perValue = latest.get(placement.participantKey)
    if (!perValue) {
      perValue = new Map()
      latest.set(placement.participantKey, perValue)
    }
    const held = perValue.get(placement.valueId)
    if (!held || placement.at > held.at) perValue.set(placement.valueId, placement)
  }
  return [...latest.values()].flatMap((perValue) => [...perValue.values()]).sort(byKeyThenValue)
}

function byKeyThenValue(a: MergeablePlacement, b: MergeablePlacement): number {
  return compareCodeUnits(a.participantKey, b.participantKey) || compareCodeUnits(a.valueId, b.valueId)
}

// Ids are not language: compare by code units so the order is the same in every runtime and locale.
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
