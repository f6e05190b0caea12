import { buildProgrammaVanWaarden, type ProgrammaVanWaarden, readBoard } from '@waardentafel/domain'
import { useEffect, useState } from 'react'
import type { Editor } from 'tldraw'
import { boardSnapshot } from './boardSnapshot.ts'

/** Recomputing at most this often keeps a drag smooth while the panel still follows the board live. */
const RECOMPUTE_MS = 250

/** The Programma van Waarden of the live board, rebuilt (throttled) whenever a document record changes. */
export function usePvw(editor: Editor | null, board: { id: string; title: string }, active: boolean) {
  const [pvw, setPvw] = useState<ProgrammaVanWaarden | null>(null)
  useEffect(() => {
    if (!editor || !active) return
    let timer: ReturnType<typeof setTimeout> | null = null
    const compute = () => {
      timer = null
      const read = readBoard(boardSnapshot(editor, board))
      if (read.ok) setPvw(buildProgrammaVanWaarden(read.board))
    }
    compute()
    const stop = editor.store.listen(
      () => {
        timer ??= setTimeout(compute, RECOMPUTE_MS)
      },
      { scope: 'document' },
    )
    return () => {
      stop()
      if (timer) clearTimeout(timer)
    }
  }, [editor, board, active])
  return pvw
}
