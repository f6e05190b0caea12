import type { BoardModel } from '../board/BoardModel.ts'
import { baathouderName, texts, valueName, valueNames, valueRefs } from './lines.ts'
import type { FeitLine, KoppelkansLine, OnderbouwingLine } from './spinePartsSchema.ts'

// Part B's share of the process spine: the Kansenanalyse's polaroid, the kompas onderbouwing and the koppelkansen.

export function buildFeiten(board: BoardModel): FeitLine[] {
  const names = valueNames(board)
  return board.evidence
    .map((card) => {
      const p = card.props
      const values = valueRefs(p.valueIds, names)
      return {
        title: p.title.trim() || values.map((v) => v.name).join(', '),
        values,
        figures: p.figures
          .filter((f) => f.label.trim())
          .map((f) => ({
            ...f,
            label: f.label.trim(),
            unit: f.unit.trim(),
            sourceNote: f.sourceNote.trim(),
          })),
        risks: texts(p.risks),
        kansen: texts(p.kansen),
        sources: [card.id, ...values.map((v) => v.valueId)],
      }
    })
    .filter((f) => f.figures.length + f.risks.length + f.kansen.length > 0)
}

export function buildOnderbouwing(board: BoardModel): OnderbouwingLine[] {
  const cards = new Map(board.valueCards.map((v) => [v.id, v]))
  return board.onderbouwingen.flatMap((card) => {
    const p = card.props
    return [...new Set(p.valueIds)].flatMap((valueId) => {
      const value = cards.get(valueId)
      if (!value) return []
      const line = {
        valueId,
        name: valueName(value),
        current: value.props.scoreCurrent,
        potential: value.props.scorePotential,
        currentJustification: p.currentJustification.trim(),
        currentSource: p.currentSource,
        potentialJustification: p.potentialJustification.trim(),
        potentialSource: p.potentialSource,
        sourceNote: p.sourceNote.trim(),
        sources: [card.id, valueId],
      }
      return line.currentJustification || line.potentialJustification ? [line] : []
    })
  })
}

export function buildKoppelkansen(board: BoardModel): KoppelkansLine[] {
  const names = valueNames(board)
  const parties = new Map(board.baathouders.map((b) => [b.id, baathouderName(b)]))
  return board.koppelkansen
    .map((card) => {
      const p = card.props
      const values = valueRefs(p.valueIds, names)
      return {
        name: p.name.trim() || values.map((v) => v.name).join(' + '),
        description: p.description.trim(),
        values,
        baathouders: [...new Set(p.baathouderIds)].flatMap((id) => parties.get(id) ?? []),
        beleidsdoel: p.beleidsdoel.trim(),
        sources: [card.id, ...values.map((v) => v.valueId)],
      }
    })
    .filter((k) => k.name || k.description)
}
