import { useCallback, useEffect, useState } from 'react'

/** The width below which the board is laid out for a phone (as in styles.css). */
export const NARROW_QUERY = '(max-width: 40rem)'
const OPENED = 'wt:sheet-opened'

/**
 * Open/closed state of one of the board's panels, shown one at a time: opening a panel closes the others, so a
 * panel never sits over another (the round panel over the Overzicht). Panels that sit beside the others on a wide
 * screen (the template panel on the left) pass `narrowOnly`: there they take part only on a phone.
 */
export function useSheet(
  id: string,
  initial = false,
  narrowOnly = false,
): [boolean, (open: boolean) => void] {
  const [open, setOpenState] = useState(initial)
  const applies = useCallback(() => !narrowOnly || window.matchMedia(NARROW_QUERY).matches, [narrowOnly])

  useEffect(() => {
    const onOpened = (event: Event) => {
      if ((event as CustomEvent<string>).detail !== id && applies()) setOpenState(false)
    }
    window.addEventListener(OPENED, onOpened)
    return () => window.removeEventListener(OPENED, onOpened)
  }, [id, applies])

  const setOpen = useCallback(
    (next: boolean) => {
      setOpenState(next)
      if (next && applies()) window.dispatchEvent(new CustomEvent(OPENED, { detail: id }))
    },
    [id, applies],
  )
  return [open, setOpen]
}
