import { createContext, type ReactNode, useContext } from 'react'
import { createPortal } from 'react-dom'

/** The top bar's action area, for panels that put their toggle button there (PvW, Overzicht, …). */
export const TopbarContext = createContext<HTMLElement | null>(null)

/** Renders its children into the board's top bar, in document order after the title (so Tab reaches them first). */
export function InTopbar({ children }: { children: ReactNode }) {
  const target = useContext(TopbarContext)
  return target ? createPortal(children, target) : null
}

/** The facilitation toolbar below the top bar: timer, lock, private mode and the facilitator's buttons in one row. */
export const ToolbarContext = createContext<HTMLElement | null>(null)

/** Renders its children into the facilitation toolbar, which takes room above the canvas instead of covering it. */
export function InToolbar({ children }: { children: ReactNode }) {
  const target = useContext(ToolbarContext)
  return target ? createPortal(children, target) : null
}

/** Renders its children at the board's root, for sheets that lie over the canvas beside the others. */
export function AtBoardRoot({ children }: { children: ReactNode }) {
  const target = useContext(TopbarContext)?.closest<HTMLElement>('.wt-board')
  return target ? createPortal(children, target) : null
}
