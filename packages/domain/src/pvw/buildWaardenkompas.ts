import type { BaathouderCard, BoardModel } from '../board/BoardModel.ts'
import { baathoudersByValue, schilOfCard, unlinkedBaathouders } from './lines.ts'
import type { PartB, Waardenkompas } from './programmaVanWaardenSchema.ts'

function perSchil(cards: readonly BaathouderCard[]): [number, number, number, number] {
  const counts: [number, number, number, number] = [0, 0, 0, 0]
  for (const card of cards) {
    const schil = schilOfCard(card)
    if (schil !== null) counts[schil - 1]! += 1
  }
  return counts
}

const notStakeholder = (card: BaathouderCard) => card.props.involvement !== 'stakeholder'

/**
 * The waardenkompas: per value the current situation against the potential (the spider diagram) and how many
 * baathouders each schil brings for it. Stakeholders are left out: they are affected, not (yet) benefiting.
 */
export function buildWaardenkompas(board: BoardModel, b: PartB): Waardenkompas {
  const ordered = [...b.prioritair, ...b.secundair, ...b.vingerAanDePols, ...b.ongeplaatst]
  const cards = new Map(board.valueCards.map((c) => [c.id, c]))
  const byValue = baathoudersByValue(board)
  const unlinked = unlinkedBaathouders(board).filter(notStakeholder)
  const all = board.baathouders.filter(notStakeholder)
  return {
    values: ordered.map((value) => {
      const linked = (byValue.get(value.valueId) ?? []).filter(notStakeholder)
      const betrokkenheid = perSchil(linked)
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
    // Per value a party counts under every value it is linked to; these two rows count each party once, so a
    // board whose baathouders are not linked yet still shows who is in which schil.
    nietGekoppeld: {
      betrokkenheid: perSchil(unlinked),
      sources: unlinked.map((x) => x.id),
    },
    totaal: {
      betrokkenheid: perSchil(all),
      shareholders: all.filter((x) => x.props.involvement === 'shareholder').length,
      sources: all.map((x) => x.id),
    },
  }
}
