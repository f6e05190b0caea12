import { type BoardModel, readBoard } from '@waardentafel/domain'
import { useEffect, useState } from 'react'
import type { Editor } from 'tldraw'
import { boardSnapshot } from '../pvw/boardSnapshot.ts'

/** Rebuilding at most this often keeps a drag smooth; each card's own fields are read live on top. */
const RECOMPUTE_MS = 200

/**
 * The live board as the domain reads it (readBoard: classes, schillen, statuses, frames, reading order),
 * rebuilt whenever a document record changes while `active`.
 */
export function useBoardModel(
  editor: Editor | null,
  board: { id: string; title: string },
  active: boolean,
): BoardModel | null {
  const [model, setModel] = useState<BoardModel | null>(null)
  useEffect(() => {
    if (!editor || !active) return
    let timer: ReturnType<typeof setTimeout> | null = null
    const compute = () => {
      timer = null
      const read = readBoard(boardSnapshot(editor, board))
      if (read.ok) setModel(read.board)
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
  return model
}
