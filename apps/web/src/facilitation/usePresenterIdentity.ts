import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Identity } from '../identity.ts'

/**
 * The presenter screen is a person of its own on the board: usually the facilitator's laptop opens it in a
 * second window, and with the same id tldraw could not follow the facilitator (it would follow itself).
 */
export function usePresenterIdentity(identity: Identity, presenter: boolean): Identity {
  const { t } = useTranslation()
  const [userId] = useState(() => crypto.randomUUID())
  const name = t('facilitation.presenter.name')
  // Stable across renders: the board republishes presence whenever the identity object changes.
  return useMemo(
    () => (presenter ? { name, organisation: '', color: '#4b4b4b', userId } : identity),
    [presenter, identity, name, userId],
  )
}
