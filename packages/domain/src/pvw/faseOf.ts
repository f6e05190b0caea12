import type { BoardModel } from '../board/BoardModel.ts'
import { type AreaPhase, isAreaPhase, isMethodPhase, type MethodPhase } from '../phases/phases.ts'
import { FASEN, type Fase, type PartB } from './programmaVanWaardenSchema.ts'

/**
 * The project's phase in the method when the board says so (`workshop.fase`, one of METHOD_PHASES), else null:
 * the phase is then not known, and the kwaliteitstoets runs as it did before the process spine (all checks but
 * those that need the phase). The server passes the phase it recorded instead (`buildProgrammaVanWaarden` options).
 */
export function procesfaseOf(board: BoardModel): MethodPhase | null {
  const said = board.workshop?.fase
  return isMethodPhase(said) ? said : null
}

/** The area development's phase when the board says so (`workshop.gebiedsfase`), else null. */
export function gebiedsfaseOf(board: BoardModel): AreaPhase | null {
  const said = board.workshop?.gebiedsfase
  return isAreaPhase(said) ? said : null
}

/**
 * The words the board is in. Quickscan words while the project is in the Quickscan; Kansenanalyse words (prioritair
 * / secundair) from the Kansenanalyse on, the waardenkompas being vastgesteld there. Without a known phase the
 * board is in the Kansenanalyse once the waardenkompas can be drawn from it: there are sturende values and every
 * sturende and meekoppel value has both its scores (current situation and potential). Before that it is the
 * Quickscan.
 */
export function faseOf(
  board: BoardModel,
  b: PartB,
  procesfase: MethodPhase | null = procesfaseOf(board),
): Fase {
  if (procesfase !== null) return procesfase === 'quickscan' ? 'quickscan' : 'kansenanalyse'
  const said = board.workshop?.fase
  if (typeof said === 'string' && (FASEN as readonly string[]).includes(said)) return said as Fase
  const cards = new Map(board.valueCards.map((c) => [c.id, c.props]))
  const scored = [...b.prioritair, ...b.secundair].every((v) => {
    const props = cards.get(v.valueId)
    return props?.scoreCurrent != null && props.scorePotential != null
  })
  return b.prioritair.length > 0 && scored ? 'kansenanalyse' : 'quickscan'
}
