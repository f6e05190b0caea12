import type { BoardModel } from '../board/BoardModel.ts'
import { line, lines, noteLines, primaryFrame } from './lines.ts'
import type { PartA } from './programmaVanWaardenSchema.ts'

/** A. Gebiedsambitie, from the part-A frame (the Quickscan's area sketch and the ambition) and its notes. */
export function buildPartA(board: BoardModel): PartA {
  const frame = primaryFrame(board, 'A')
  const aanvullingen = noteLines(board.notes, 'A')
  if (!frame) {
    return {
      ambitie: null,
      horizonJaren: null,
      dominanteOpgaven: [],
      voorWie: null,
      nietDoen: null,
      schets: {
        typeOpgave: null,
        schaal: null,
        grondEigendom: null,
        wieWoontWerkt: null,
        beleid: null,
        sources: [],
      },
      aanvullingen,
    }
  }
  const p = frame.props
  const src = [frame.id]
  return {
    ambitie: line(p.ambitie, src),
    horizonJaren: p.horizonJaren,
    dominanteOpgaven: lines(p.dominanteOpgaven, src),
    voorWie: line(p.voorWie, src),
    nietDoen: line(p.nietDoen, src),
    schets: {
      typeOpgave: p.typeOpgave,
      schaal: p.schaal,
      grondEigendom: line(p.grondEigendom, src),
      wieWoontWerkt: line(p.wieWoontWerkt, src),
      beleid: line(p.beleid, src),
      sources: src,
    },
    aanvullingen,
  }
}
