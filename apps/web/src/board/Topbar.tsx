import { createContext, type ReactNode, useContext } from 'react'
import { createPortal } from 'react-dom'

/** The top bar's action area, for panels that put their toggle button there (PvW, Overzicht, …). */
export const TopbarContext = createContext<HTMLElement | null>(null)

/** Renders its children into the board's top bar, in document order after the title (so Tab reaches them first). */
export function InTopbar({ children }: { children: ReactNode }) {
  const target = useContext(TopbarContext)
  return target ? createPortal(children, target) : null
}
