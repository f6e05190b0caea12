import type { BoardModel } from '../board/BoardModel.ts'
import { baathouderName, compareText, line, lines, noteLines, primaryFrame } from './lines.ts'
import type { PartC } from './programmaVanWaardenSchema.ts'

/**
 * C. Leefwereld en echte betrokkenheid: the part-C frame, its notes, and the involvement level agreed on each
 * baathouder card (a level on a card is an agreement with that group, so it belongs here too).
 */
export function buildPartC(board: BoardModel): PartC {
  const frame = primaryFrame(board, 'C')
  const src = frame ? [frame.id] : []
  const fromFrame = (frame?.props.betrokkenheid ?? []).flatMap((b) =>
    b.group.trim()
      ? [{ group: b.group.trim(), level: b.level, context: b.context.trim(), sources: src }]
      : [],
  )
  const fromCards = board.baathouders
    .flatMap((card) =>
      card.props.level
        ? [{ group: baathouderName(card), level: card.props.level, context: '', sources: [card.id] }]
        : [],
    )
    .sort((a, b) => compareText(a.group, b.group) || compareText(a.sources[0]!, b.sources[0]!))
  return {
    opgehaald: lines(frame?.props.opgehaald ?? [], src),
    invloedOpB: line(frame?.props.invloedOpB ?? '', src),
    betrokkenheid: [...fromFrame, ...fromCards],
    terugkoppeling: line(frame?.props.terugkoppeling ?? '', src),
    toekomstigeGeneraties: line(frame?.props.toekomstigeGeneraties ?? '', src),
    aanvullingen: noteLines(board.notes, 'C'),
  }
}
