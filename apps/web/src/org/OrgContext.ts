import { createContext, useCallback, useContext } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../api/client.ts'
import { orgErrorText } from './orgErrors.ts'

/** What every part of the signed-in home shares: the way back to signing in when the session has gone. */
export const OrgContext = createContext<{ expired: () => void }>({ expired: () => undefined })

/** Turns a failed call into the text to show; a call refused for want of a session signs the page out. */
export function useOrgError(): (error: unknown) => string {
  const { t } = useTranslation()
  const { expired } = useContext(OrgContext)
  return useCallback(
    (error: unknown) => {
      if (error instanceof ApiError && error.code === 'SIGN_IN_REQUIRED') expired()
      return orgErrorText(t, error)
    },
    [t, expired],
  )
}
