import type { BoardModel, TensionCard, ValueCard } from '../board/BoardModel.ts'
import { SPANNINGEN_COLUMNS } from '../shapes/spanningenShape.ts'
import { buildFeiten, buildKoppelkansen, buildOnderbouwing } from './buildSpineB.ts'
import { texts, valueClass, valueName } from './lines.ts'
import type { PartB, TensionLine, ValueLine } from './programmaVanWaardenSchema.ts'

export function valueLine(card: ValueCard): ValueLine {
  const p = card.props
  return {
    valueId: card.id,
    name: valueName(card),
    valueKey: p.valueKey,
    klasse: valueClass(card),
    twijfel: p.twijfel,
    explanation: p.explanation.trim(),
    fysiek: p.fysiek.trim(),
    sociaal: p.sociaal.trim(),
    beleid: p.beleid,
    ambitions: texts(p.ambitions),
    indicators: texts(p.indicators),
    sources: [card.id],
  }
}

const STATUS_ORDER = [...SPANNINGEN_COLUMNS, 'ongeplaatst'] as const

function tensionLine(tension: TensionCard, names: ReadonlyMap<string, string>): TensionLine {
  const p = tension.props
  return {
    tensionId: tension.id,
    name: p.name.trim() || p.poles.map((pole) => pole.label.trim()).join(' ↔ '),
    gebiedsdeel: p.gebiedsdeel.trim(),
    status: tension.status ?? 'ongeplaatst',
    values: tension.valueIds.map((valueId) => ({ valueId, name: names.get(valueId) ?? valueId })),
    poles: p.poles.map((pole) => ({
      label: pole.label.trim(),
      upside: pole.upside.trim(),
      downside: pole.downside.trim(),
    })),
    weighing: p.weighing.trim(),
    decision: p.decision.trim(),
    sources: [tension.id, ...tension.linkIds, ...tension.valueIds],
  }
}

/** B. Waarden en ambities: classes from the prioritering columns, tensions from the spanningen-wall. */
export function buildPartB(board: BoardModel): PartB {
  const values = board.valueCards.map(valueLine)
  const names = new Map(values.map((v) => [v.valueId, v.name]))
  const prioritair = values.filter((v) => v.klasse === 'prioritair')
  const spanningen = board.tensions
    .map((t) => tensionLine(t, names))
    .sort((a, b) => STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status))
  return {
    prioritair,
    secundair: values.filter((v) => v.klasse === 'secundair'),
    vingerAanDePols: values.filter((v) => v.klasse === 'vinger-aan-de-pols'),
    ongeplaatst: values.filter((v) => v.klasse === 'ongeplaatst'),
    spanningen,
    ambities: prioritair.flatMap((v) =>
      v.ambitions.map((text) => ({ valueId: v.valueId, valueName: v.name, text, sources: [v.valueId] })),
    ),
    feiten: buildFeiten(board),
    onderbouwing: buildOnderbouwing(board),
    koppelkansen: buildKoppelkansen(board),
  }
}
