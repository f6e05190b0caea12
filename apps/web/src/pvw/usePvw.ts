import { buildProgrammaVanWaarden } from '@waardentafel/domain'
import type { Editor } from 'tldraw'
import { useLiveBoard } from '../shared/useLiveBoard.ts'

/** The Programma van Waarden of the live board, rebuilt (throttled) whenever a document record changes. */
export function usePvw(editor: Editor | null, board: { id: string; title: string }, active: boolean) {
  return useLiveBoard(editor, board, active, buildProgrammaVanWaarden, 250)
}
