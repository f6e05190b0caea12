import { compareCodeUnits, mergePlacements } from './mergePlacements.ts'
import { ROUND_CLASSES, type RoundClass, type RoundPlacement } from './RoundPlacement.ts'

/** Per value: how the placements fall and how much people disagree. Same shape as the protocol's RoundValueResult. */
export type RoundValueResult = {
  valueId: string
  counts: Record<RoundClass, number>
  twijfel: number
  total: number
  /** The class with strictly the most placements; null with no placements or when two or three classes tie. */
  majority: RoundClass | null
  /** Share of placements in the largest class, 0–1 (also on a tie: a 2–2 split has consensus 0.5). */
  consensus: number
  /** Shannon entropy over the three classes divided by log 3: 0 when all agree, 1 when evenly split over all three. */
  disagreement: number
}

export type RoundParticipantProgress = {
  key: string
  /** Values of this round the participant has placed. */
  placed: number
  /** Placed every value of the round. */
  done: boolean
}

export type RoundAggregate = {
  /** Everyone with at least one placement on a value of this round, by key. */
  participants: RoundParticipantProgress[]
  /** One result per value of the round, in the order of `valueIds`. */
  values: RoundValueResult[]
  /** Values to talk about first: disagreement > 0 and at least 2 placements; strongest disagreement first. */
  toDiscuss: string[]
}

/**
 * Aggregates the placements of an asynchronous prioritising round. Placements of values outside `valueIds` are
 * ignored; duplicates per participant and value are merged first (latest `at` wins), so raw stored rows are fine.
 */
export function aggregateRound(
  placements: readonly RoundPlacement[],
  valueIds: readonly string[],
): RoundAggregate {
  const ids = [...new Set(valueIds)]
  const inRound = new Set(ids)
  const merged = mergePlacements(
    [],
    placements.filter((p) => inRound.has(p.valueId)),
  )

  const placedBy = new Map<string, number>()
  const byValue = new Map<string, RoundPlacement[]>(ids.map((id) => [id, []]))
  for (const p of merged) {
    placedBy.set(p.participantKey, (placedBy.get(p.participantKey) ?? 0) + 1)
    byValue.get(p.valueId)!.push(p)
  }

  const participants = [...placedBy]
    .map(([key, placed]) => ({ key, placed, done: placed === ids.length }))
    .sort((a, b) => compareCodeUnits(a.key, b.key))
  const values = ids.map((id) => valueResult(id, byValue.get(id)!))
  const toDiscuss = values
    .filter((v) => v.disagreement > 0 && v.total >= 2)
    .sort(
      (a, b) =>
        b.disagreement - a.disagreement || b.twijfel - a.twijfel || compareCodeUnits(a.valueId, b.valueId),
    )
    .map((v) => v.valueId)
  return { participants, values, toDiscuss }
}

function valueResult(valueId: string, placements: readonly RoundPlacement[]): RoundValueResult {
  const counts: Record<RoundClass, number> = { sturend: 0, meekoppelen: 0, 'vinger-aan-de-pols': 0 }
  let twijfel = 0
  for (const p of placements) {
    counts[p.klasse] += 1
    if (p.twijfel) twijfel += 1
  }
  const total = placements.length
  const largest = Math.max(...ROUND_CLASSES.map((c) => counts[c]))
  const leaders = ROUND_CLASSES.filter((c) => counts[c] === largest)
  // A tie has no majority on purpose: a 2–2 split is exactly what the group should discuss, and choosing one
  // class (say, the more steering one) would hide that.
  const majority = total > 0 && leaders.length === 1 ? leaders[0]! : null
  return {
    valueId,
    counts,
    twijfel,
    total,
    majority,
    consensus: total > 0 ? largest / total : 0,
    disagreement: disagreementOf(ROUND_CLASSES.map((c) => counts[c])),
  }
}

/** Normalised Shannon entropy of a distribution over the three classes. */
export function disagreementOf(counts: readonly number[]): number {
  const total = counts.reduce((sum, n) => sum + n, 0)
  if (total === 0) return 0
  // Summing in sorted order makes the float result depend only on the multiset of counts, so 2–1–0 and 0–1–2
  // disagree exactly equally and toDiscuss falls through to its tie-breakers instead of to rounding noise.
  let entropy = 0
  for (const n of [...counts].sort((a, b) => b - a)) {
    if (n > 0) entropy -= (n / total) * Math.log(n / total)
  }
  return Math.min(1, Math.max(0, entropy / Math.log(ROUND_CLASSES.length)))
}
