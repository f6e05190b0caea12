import { useEffect } from 'react'
import { useOptionalFacilitation } from '../../facilitation/FacilitationContext.ts'
import { guardLockedValueCards, setValueCardsLocked } from './valueCardLock.ts'

/**
 * Applies the facilitator's value-card lock to this person's editor: on for participants while
 * `facilitation.lock.valueCards` is set, never for the facilitator (the server lets them move locked cards).
 */
export function ValueCardLockGuard() {
  const facilitation = useOptionalFacilitation()
  const editor = facilitation?.editor ?? null
  const locked =
    facilitation !== null && facilitation.role !== 'facilitator' && facilitation.state.lock.valueCards
  useEffect(() => (editor ? guardLockedValueCards(editor) : undefined), [editor])
  useEffect(() => {
    if (editor) setValueCardsLocked(editor, locked)
  }, [editor, locked])
  return null
}
