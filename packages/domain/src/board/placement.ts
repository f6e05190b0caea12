import {
  PRIORITERING_COLUMNS,
  type PrioriteringColumn,
  type PrioriteringProps,
} from '../shapes/prioriteringShape.ts'
import type { PvwFrameProps } from '../shapes/pvwFrameShape.ts'
import { type RingPosition, ringAtDistance, type SchillenProps } from '../shapes/schillenShape.ts'
import { SPANNINGEN_COLUMNS, type SpanningenProps, type TensionStatus } from '../shapes/spanningenShape.ts'
import type { Placed, Template } from './BoardModel.ts'
import { columnAt, insideRect, type Point, toLocal } from './geometry.ts'
import { compareZPath } from './pageTransforms.ts'

// Derivation rules from geometry (docs/board-schema.md, "Derivation rules"). A card belongs to a template when
// its centre, in page coordinates, lies inside the template; the card may be a child of the template or lie on
// the page. When templates overlap, the nearest template the card is nested in wins, else the one painted on top.

function pick<T extends Placed, R>(
  card: Placed,
  templates: readonly T[],
  locate: (template: T, local: Point) => R | null,
): { template: T; result: R } | null {
  let best: { template: T; result: R; rank: number } | null = null
  for (const template of templates) {
    if (template.pageId !== card.pageId || template.id === card.id) continue
    const result = locate(template, toLocal(template.transform, card.centre))
    if (result === null) continue
    const rank = card.ancestors.lastIndexOf(template.id)
    if (
      !best ||
      rank > best.rank ||
      (rank === best.rank && compareZPath(template.zPath, best.template.zPath) > 0)
    ) {
      best = { template, result, rank }
    }
  }
  return best && { template: best.template, result: best.result }
}

export function prioriteringColumnOf(
  card: Placed,
  templates: readonly Template<PrioriteringProps>[],
): { column: PrioriteringColumn; templateId: string } | null {
  const hit = pick(card, templates, (t, p) => columnAt(p, t.props.w, t.props.h, PRIORITERING_COLUMNS.length))
  return hit && { column: PRIORITERING_COLUMNS[hit.result]!, templateId: hit.template.id }
}

export function spanningenStatusOf(
  card: Placed,
  templates: readonly Template<SpanningenProps>[],
): { status: TensionStatus; templateId: string } | null {
  const hit = pick(card, templates, (t, p) => columnAt(p, t.props.w, t.props.h, SPANNINGEN_COLUMNS.length))
  return hit && { status: SPANNINGEN_COLUMNS[hit.result]!, templateId: hit.template.id }
}

export function schilOf(
  card: Placed,
  templates: readonly Template<SchillenProps>[],
): { ring: Exclude<RingPosition, null>; templateId: string } | null {
  const hit = pick(card, templates, (t, p) => {
    const half = t.props.w / 2
    return ringAtDistance(Math.hypot(p.x - half, p.y - half), t.props.w)
  })
  return hit && { ring: hit.result, templateId: hit.template.id }
}

export function frameOf<T extends Template<PvwFrameProps>>(card: Placed, frames: readonly T[]): T | null {
  const hit = pick(card, frames, (t, p) => (insideRect(p, t.props.w, t.props.h) ? true : null))
  return hit?.template ?? null
}

/** Reading order on the page: top to bottom, then left to right; ids break ties so output is deterministic. */
export function byReadingOrder(a: Placed, b: Placed): number {
  return a.centre.y - b.centre.y || a.centre.x - b.centre.x || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
}
