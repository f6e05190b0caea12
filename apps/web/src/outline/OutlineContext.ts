import { createContext, type RefObject, useContext } from 'react'
import type { Editor } from 'tldraw'

export type OutlineContextValue = {
  editor: Editor
  readOnly: boolean
  /** Speaks a confirmation of the user's own action in the board's live region. */
  announce: (text: string) => void
  /** The card whose move control gets the focus when it is rendered again (after moving to another group). */
  focusAfterRender: RefObject<string | null>
  /** Shows a card on the canvas; on a phone this also closes the outline, which covers the canvas there. */
  showCard: (id: string) => void
}

export const OutlineContext = createContext<OutlineContextValue | null>(null)

export function useOutline(): OutlineContextValue {
  const value = useContext(OutlineContext)
  if (!value) throw new Error('useOutline outside the board outline')
  return value
}
