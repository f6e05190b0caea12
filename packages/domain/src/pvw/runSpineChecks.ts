import type { BoardModel } from '../board/BoardModel.ts'
import { JURIDISCHE_BODEM } from '../method/sturingskaders.ts'
import type { SturingCardOf } from '../shapes/sturingCardShape.ts'
import type { KwaliteitstoetsCode } from './kwaliteitstoetsChecks.ts'
import { baathoudersByValue } from './lines.ts'
import type { ProgrammaVanWaarden } from './programmaVanWaardenSchema.ts'

// The process spine's checks (issue #20): the handreiking's remaining tips and the structured cards. Each returns
// findings with its code; runKwaliteitstoets words them for the phase and keeps those the phase asks for.

type Parts = Pick<ProgrammaVanWaarden, 'A' | 'B' | 'C' | 'D' | 'E' | 'F'>
export type SpineHit = { code: KwaliteitstoetsCode; cardIds: string[]; detail?: string }

const HEALTH_CATEGORIES = new Set(['ggd', 'gemeente-gezondheid'])

export function runSpineChecks(board: BoardModel, pvw: Parts): SpineHit[] {
  const { B, C, E, F } = pvw
  const out: SpineHit[] = []
  const values = [...B.prioritair, ...B.secundair, ...B.vingerAanDePols, ...B.ongeplaatst]
  const atTable = board.baathouders.filter((b) => b.props.involvement !== 'stakeholder')
  const cards = new Map(board.valueCards.map((v) => [v.id, v]))

  // "Beleg gezondheid expliciet": the GGD, or the gemeente's own health policy, at the table.
  const health = atTable.some(
    (b) =>
      HEALTH_CATEGORIES.has(b.props.category) || /\bggd\b/i.test(`${b.props.name} ${b.props.organisation}`),
  )
  if (values.length > 0 && !health) out.push({ code: 'PVW-D-NO-GGD', cardIds: [] })

  // A value whose potential lies above its current situation, and nobody who benefits from it.
  const byValue = baathoudersByValue(board)
  for (const v of [...B.prioritair, ...B.secundair]) {
    const p = cards.get(v.valueId)?.props
    if (p?.scoreCurrent == null || p.scorePotential == null || p.scorePotential <= p.scoreCurrent) continue
    const linked = (byValue.get(v.valueId) ?? []).filter((b) => b.props.involvement !== 'stakeholder')
    if (linked.length === 0)
      out.push({ code: 'PVW-D-POTENTIAL-NO-BAATHOUDER', cardIds: [v.valueId], detail: v.name })
  }

  // The anterieure overeenkomst as the first step: first in part E's order of instruments, or the first moment of
  // the sturingsparcours that is filled in (nothing anchored at the earlier moments).
  const firstInstrument = E.sturen[0]
  const firstMoment = E.sturing.parcours[0]
  if (firstInstrument?.instrument === 'anterieure-overeenkomst') {
    out.push({ code: 'PVW-E-ANTERIEURE-FIRST', cardIds: firstInstrument.sources })
  } else if (firstMoment?.key === 'grondtransactie') {
    out.push({ code: 'PVW-E-ANTERIEURE-FIRST', cardIds: firstMoment.sources })
  }

  // An ambition without an indicator (a prioritaire value already gets PVW-B-NO-INDICATOR).
  const monitored = new Set(F.kernindicatoren.flatMap((k) => k.sources))
  for (const v of [...B.secundair, ...B.vingerAanDePols, ...B.ongeplaatst]) {
    if (v.ambitions.length > 0 && v.indicators.length === 0 && !monitored.has(v.valueId)) {
      out.push({ code: 'PVW-B-AMBITION-NO-INDICATOR', cardIds: [v.valueId], detail: v.name })
    }
  }

  // The polaroid: figures for every prioritaire value, each dated.
  const withFigures = new Set(
    B.feiten.filter((f) => f.figures.length > 0).flatMap((f) => f.values.map((v) => v.valueId)),
  )
  for (const v of B.prioritair) {
    if (!withFigures.has(v.valueId))
      out.push({ code: 'PVW-B-NO-EVIDENCE', cardIds: [v.valueId], detail: v.name })
  }
  for (const card of board.evidence) {
    const undated = card.props.figures.filter((f) => f.label.trim() && f.date === '')
    if (undated.length > 0) {
      out.push({
        code: 'PVW-B-EVIDENCE-NO-DATE',
        cardIds: [card.id],
        detail: undated.map((f) => f.label.trim()).join(', '),
      })
    }
  }
  const justified = new Set(B.onderbouwing.map((o) => o.valueId))
  for (const v of [...B.prioritair, ...B.secundair]) {
    const p = cards.get(v.valueId)?.props
    if ((p?.scoreCurrent != null || p?.scorePotential != null) && !justified.has(v.valueId)) {
      out.push({ code: 'PVW-B-SCORE-NO-ONDERBOUWING', cardIds: [v.valueId], detail: v.name })
    }
  }
  for (const k of board.koppelkansen) {
    const linked = new Set(k.props.valueIds.filter((id) => cards.has(id)))
    if (linked.size < 2)
      out.push({ code: 'PVW-B-KOPPELKANS-ONE-VALUE', cardIds: [k.id], detail: k.props.name.trim() })
  }

  if (C.opgehaald.length === 0 && !C.invloedOpB && C.aanvullingen.length === 0) {
    out.push({
      code: 'PVW-C-NO-LEEFWERELD',
      cardIds: board.frames.filter((f) => f.props.part === 'C').map((f) => f.id),
    })
  }

  // Beleidstoets: "Stuurt het grondbeleid alleen op hoogste opbrengsten? Zo ja, dan is aanpassing noodzakelijk".
  const grondbeleid = E.sturing.beleidstoets.find((a) => a.vraag.startsWith('Stuurt het grondbeleid'))
  if (grondbeleid?.answer === 'ja')
    out.push({ code: 'PVW-E-GRONDBELEID-OPBRENGST', cardIds: grondbeleid.sources })

  for (const b of E.financiering.bijdragen) {
    if (b.route === null)
      out.push({
        code: 'PVW-E-BIJDRAGE-NO-ROUTE',
        cardIds: b.sources,
        detail: b.description || (b.baathouder ?? ''),
      })
  }

  for (const card of board.kernindicatoren) {
    if (card.props.name.trim() && (card.props.baseline === null || card.props.target === null)) {
      out.push({ code: 'PVW-F-INDICATOR-NO-NULMETING', cardIds: [card.id], detail: card.props.name.trim() })
    }
  }
  const juridisch = board.sturing.find((c) => c.props.kind === 'juridisch') as
    | { id: string; props: SturingCardOf<'juridisch'> }
    | undefined
  const open = juridisch?.props.items.filter((i) => i.status === 'open') ?? []
  if (juridisch && open.length > 0) {
    const labels = open.map((i) => JURIDISCHE_BODEM.find((j) => j.key === i.item)!.label.split(' (')[0])
    out.push({ code: 'PVW-F-JURIDISCH-OPEN', cardIds: [juridisch.id], detail: labels.join('; ') })
  }
  for (const row of F.monitoring) {
    if (row.overdue)
      out.push({
        code: 'PVW-F-MEASUREMENT-OVERDUE',
        cardIds: row.sources,
        detail: `${row.name}, verwacht ${row.nextDue}`,
      })
  }
  return out
}
