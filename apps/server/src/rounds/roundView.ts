import { aggregateRound, type RoundPlacement } from '@waardentafel/domain'
import type { Placement, Role, Round, RoundReport } from '@waardentafel/protocol'
import type { StoredPlacement } from '../storage/BoardStorage.ts'

/** Who asks for a round's report: their role, and — when they proved authorship with a ballot key — its hash. */
export type Asker = { role: Role; keyHash: string | null }

/** A stored row as a placement (storage parsed its class at the edge: only the three classes come back). */
const asPlacement = (p: StoredPlacement): RoundPlacement => ({
  participantKey: p.participantKey,
  valueId: p.valueId,
  klasse: p.klasse,
  twijfel: p.twijfel,
  at: p.at,
})

const withoutKey = ({ valueId, klasse, twijfel, at }: RoundPlacement): Placement => ({
  valueId,
  klasse,
  twijfel,
  at,
})

/**
 * The round as this asker may see it — the visibility and anonymity rules in one pure function. Everyone with a
 * role: progress and, when visible (the facilitator always; others once the round allows it or is closed), the
 * aggregate of ballots with issued keys. The author: their own placements. The facilitator of a named round: each
 * person's placements. Nobody else ever receives an individual placement; an anonymous round names nobody.
 */
export function roundView(
  round: Round,
  valueIds: readonly string[],
  stored: readonly StoredPlacement[],
  asker: Asker,
): RoundReport {
  const placements = stored.map(asPlacement)
  const aggregate = aggregateRound(placements, valueIds)
  // A person's name and organisation as they gave them last.
  const people = new Map<string, StoredPlacement>()
  for (const p of stored) {
    const held = people.get(p.participantKey)
    if (!held || p.at > held.at) people.set(p.participantKey, p)
  }
  const inRound = new Set(valueIds)
  const visible = asker.role === 'facilitator' || round.visibleBeforeClose || round.status === 'closed'
  const named = !round.anonymous
  return {
    round,
    progress: aggregate.participants.map((p) => ({
      name: named ? (people.get(p.key)?.name ?? null) : null,
      organisation: named ? (people.get(p.key)?.organisation ?? null) : null,
      placed: p.placed,
      done: p.done,
    })),
    valueCount: valueIds.length,
    results: visible ? aggregate.values : null,
    toDiscuss: visible ? aggregate.toDiscuss : null,
    mine:
      asker.keyHash === null
        ? []
        : placements.filter((p) => p.participantKey === asker.keyHash).map(withoutKey),
    ballots:
      asker.role === 'facilitator' && named
        ? aggregate.participants.map((p) => ({
            name: people.get(p.key)?.name ?? '',
            organisation: people.get(p.key)?.organisation ?? '',
            placements: placements
              .filter((q) => q.participantKey === p.key && inRound.has(q.valueId))
              .map(withoutKey),
          }))
        : null,
  }
}
