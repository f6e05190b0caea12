import { type BoardModel, readBoard } from '@waardentafel/domain'
import { useEffect, useState } from 'react'
import type { Editor } from 'tldraw'
import { boardSnapshot } from './boardSnapshot.ts'

/**
 * Something derived from the live board as the domain reads it (`readBoard`), rebuilt at most every
 * `throttleMs` after a document record changes while `active` — often enough to follow the board, rarely enough
 * to keep a drag smooth.
 */
export function useLiveBoard<T>(
  editor: Editor | null,
  board: { id: string; title: string },
  active: boolean,
  derive: (model: BoardModel) => T,
  throttleMs: number,
): T | null {
  const [value, setValue] = useState<T | null>(null)
  useEffect(() => {
    if (!editor || !active) return
    let timer: ReturnType<typeof setTimeout> | null = null
    const compute = () => {
      timer = null
      const read = readBoard(boardSnapshot(editor, board))
      if (read.ok) setValue(derive(read.board))
    }
    compute()
    const stop = editor.store.listen(
      () => {
        timer ??= setTimeout(compute, throttleMs)
      },
      { scope: 'document' },
    )
    return () => {
      stop()
      if (timer) clearTimeout(timer)
    }
  }, [editor, board, active, derive, throttleMs])
  return value
}
