import type { BoardModel } from '../board/BoardModel.ts'
import { FASEN, type Fase, type PartB } from './programmaVanWaardenSchema.ts'

/**
 * The phase the board is in. The workshop may say so (`workshop.fase`, docs/board-schema.md); otherwise the
 * board is in the Kansenanalyse once the waardenkompas can be drawn from it: there are sturende values and every
 * sturende and meekoppel value has both its scores (current situation and potential), which the handreiking
 * collects in the Kansenanalyse. Before that it is the Quickscan.
 */
export function faseOf(board: BoardModel, b: PartB): Fase {
  const said = board.workshop?.fase
  if (typeof said === 'string' && (FASEN as readonly string[]).includes(said)) return said as Fase
  const cards = new Map(board.valueCards.map((c) => [c.id, c.props]))
  const scored = [...b.prioritair, ...b.secundair].every((v) => {
    const props = cards.get(v.valueId)
    return props?.scoreCurrent != null && props.scorePotential != null
  })
  return b.prioritair.length > 0 && scored ? 'kansenanalyse' : 'quickscan'
}
