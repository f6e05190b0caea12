import type { BoardModel } from '../board/BoardModel.ts'
import { baathoudersByValue, schilOfCard } from './lines.ts'
import type { PartB, Waardenkompas } from './programmaVanWaardenSchema.ts'

/**
 * The waardenkompas: per value the current situation against the potential (the spider diagram) and how many
 * baathouders each schil brings for it. Stakeholders are left out: they are affected, not (yet) benefiting.
 */
export function buildWaardenkompas(board: BoardModel, b: PartB): Waardenkompas {
  const ordered = [...b.prioritair, ...b.secundair, ...b.vingerAanDePols, ...b.ongeplaatst]
  const cards = new Map(board.valueCards.map((c) => [c.id, c]))
  const byValue = baathoudersByValue(board)
  return {
    values: ordered.map((value) => {
      const linked = (byValue.get(value.valueId) ?? []).filter((x) => x.props.involvement !== 'stakeholder')
      const betrokkenheid: [number, number, number, number] = [0, 0, 0, 0]
      for (const card of linked) {
        const schil = schilOfCard(card)
        if (schil !== null) betrokkenheid[schil - 1]! += 1
      }
      const props = cards.get(value.valueId)!.props
      return {
        valueId: value.valueId,
        name: value.name,
        klasse: value.klasse,
        current: props.scoreCurrent,
        potential: props.scorePotential,
        betrokkenheid,
        shareholders: linked.filter((x) => x.props.involvement === 'shareholder').length,
        sources: [value.valueId, ...linked.map((x) => x.id)],
      }
    }),
  }
}
