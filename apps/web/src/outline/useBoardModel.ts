import type { BoardModel } from '@waardentafel/domain'
import type { Editor } from 'tldraw'
import { useLiveBoard } from '../shared/useLiveBoard.ts'

const asIs = (model: BoardModel) => model

/**
 * The live board as the domain reads it (readBoard: classes, schillen, statuses, frames, reading order),
 * rebuilt whenever a document record changes while `active`; each card's own fields are read live on top.
 */
export function useBoardModel(
  editor: Editor | null,
  board: { id: string; title: string },
  active: boolean,
): BoardModel | null {
  return useLiveBoard(editor, board, active, asIs, 200)
}
