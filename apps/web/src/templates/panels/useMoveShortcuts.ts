import { useEffect } from 'react'
import type { Editor } from 'tldraw'
import { moveSelectedByNumber } from '../actions/moveCard.ts'

function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))
  )
}

/**
 * Alt+1 … Alt+4 move the selected card to the n-th column, status or schil: the keyboard alternative to
 * dragging. Alt keeps tldraw's own single-key tool shortcuts free; event.code keeps it layout-independent.
 */
export function useMoveShortcuts(editor: Editor | null, enabled: boolean): void {
  useEffect(() => {
    if (!editor || !enabled) return
    const onKeyDown = (e: KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.metaKey || isTyping(e.target)) return
      const match = /^Digit([1-4])$/.exec(e.code)
      if (!match) return
      if (moveSelectedByNumber(editor, Number(match[1]))) {
        e.preventDefault()
        e.stopPropagation()
      }
    }
    window.addEventListener('keydown', onKeyDown, true)
    return () => window.removeEventListener('keydown', onKeyDown, true)
  }, [editor, enabled])
}
