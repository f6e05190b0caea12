import type { BoardModel } from '../board/BoardModel.ts'
import { baathouderName, primaryFrame, schilOfCard, unlinkedBaathouders } from './lines.ts'
import type { PartB, Quickscan } from './programmaVanWaardenSchema.ts'

/**
 * The Quickscan one-pager (stap 4): first the baathouders, then their expected baten, for the sturende and
 * meekoppel values only: the values the Kansenanalyse starts from. Baathouders linked to no value yet are listed
 * too (with no waarden): they were put in a schil, so they are part of the first picture.
 */
export function buildQuickscan(board: BoardModel, b: PartB, gebied: string): Quickscan {
  const frame = primaryFrame(board, 'A')
  const names = new Map([...b.prioritair, ...b.secundair].map((v) => [v.valueId, v.name]))
  const unlinked = new Set(unlinkedBaathouders(board).map((card) => card.id))
  const baathouders = board.baathouders
    .filter((card) => unlinked.has(card.id) || card.props.valueIds.some((id) => names.has(id)))
    .map((card) => ({
      baathouderId: card.id,
      name: baathouderName(card),
      schil: schilOfCard(card),
      waarden: card.props.valueIds.flatMap((id) => names.get(id) ?? []),
      baten: card.props.baten.trim(),
      sources: [card.id, ...card.props.valueIds.filter((id) => names.has(id))],
    }))
    .sort((x, y) => (x.schil ?? 5) - (y.schil ?? 5))
  return {
    gebied: {
      naam: gebied,
      typeOpgave: frame?.props.typeOpgave ?? null,
      schaal: frame?.props.schaal ?? null,
      sources: frame ? [frame.id] : [],
    },
    sturend: b.prioritair.map((v) => v.name),
    meekoppelen: b.secundair.map((v) => v.name),
    baathouders,
  }
}
