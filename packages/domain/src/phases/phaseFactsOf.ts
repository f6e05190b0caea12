import type { BoardModel } from '../board/BoardModel.ts'
import { emptyParts } from '../export/pvwToBlocks.ts'
import { buildProgrammaVanWaarden } from '../pvw/buildProgrammaVanWaarden.ts'
import type { PhaseFacts } from './phaseRequirements.ts'

/**
 * The facts the phase moves require, read from the board: its Programma van Waarden as the kwaliteitstoets judges
 * a programme (phase *programma*, so every check of the document counts), and the spine's cards.
 */
export function phaseFactsOf(board: BoardModel): PhaseFacts {
  const pvw = buildProgrammaVanWaarden(board, { procesfase: 'programma' })
  const scores = new Map(board.valueCards.map((v) => [v.id, v.props]))
  const withFigures = new Set(
    pvw.B.feiten.filter((f) => f.figures.length > 0).flatMap((f) => f.values.map((v) => v.valueId)),
  )
  return {
    sturendeWaarden: pvw.B.prioritair.length,
    kompasCompleet: [...pvw.B.prioritair, ...pvw.B.secundair].every((v) => {
      const p = scores.get(v.valueId)
      return p?.scoreCurrent != null && p.scorePotential != null
    }),
    spanningen: pvw.B.spanningen.length,
    ongewogenSpanningen: pvw.kwaliteitstoets.filter((f) => f.code === 'PVW-B-TENSION-NOT-WEIGHED').length,
    waardenMetFeiten: pvw.B.prioritair.filter((v) => withFigures.has(v.valueId)).length,
    fouten: pvw.kwaliteitstoets.filter((f) => f.severity === 'error').length,
    legeDelen: emptyParts(pvw),
    ondertekenaars: pvw.F.ondertekenaars.length,
    kernindicatoren: pvw.F.kernindicatoren.length,
    kernindicatorenMetNulmeting: board.kernindicatoren.filter(
      (k) => k.props.name.trim() && k.props.baseline !== null,
    ).length,
  }
}
