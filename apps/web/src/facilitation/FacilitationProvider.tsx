import type { SessionResponse } from '@waardentafel/protocol'
import { type ReactNode, useCallback, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { createUserId, type Editor } from 'tldraw'
import { ApiError } from '../api/client.ts'
import type { Identity } from '../identity.ts'
import type { LiveConnection } from '../shared/LiveConnection.ts'
import { type Facilitation, FacilitationContext } from './FacilitationContext.ts'
import { type FacilitationActionInput, sendAction } from './facilitationApi.ts'
import { useRoundReport } from './rounds/useRoundReport.ts'
import { currentRound, useFacilitationState } from './useFacilitationState.ts'
import { useServerClock } from './useServerClock.ts'

type Props = {
  session: SessionResponse
  token: string
  editor: Editor | null
  connection: LiveConnection
  identity: Identity
  presenter: boolean
  children: ReactNode
}

/** Provides the live facilitation state to the board (tldraw's own slots included) and reports failed actions. */
export function FacilitationProvider({
  session,
  token,
  editor,
  connection,
  identity,
  presenter,
  children,
}: Props) {
  const { t } = useTranslation()
  const boardId = session.board.id
  const auth = useMemo(() => ({ boardId, token }), [boardId, token])
  const state = useFacilitationState(connection.doc)
  const clockOffset = useServerClock(boardId, token, session.serverTime)
  const round = currentRound(state)
  const { report, refresh } = useRoundReport(auth, round)
  const self = useMemo(
    () => ({
      userId: createUserId(identity.userId),
      name: identity.name,
      organisation: identity.organisation,
    }),
    [identity.userId, identity.name, identity.organisation],
  )
  const [error, setError] = useState<string | null>(null)

  const act = useCallback(
    async (action: FacilitationActionInput) => {
      try {
        setError(null)
        return await sendAction(auth, action)
      } catch (e) {
        const code = e instanceof ApiError ? e.code : 'generic'
        setError(t([`facilitation.errors.${code}`, 'facilitation.errors.generic']))
        return null
      }
    },
    [auth, t],
  )

  const value = useMemo<Facilitation>(
    () => ({
      auth,
      boardTitle: session.board.title,
      role: session.role,
      presenter,
      editor,
      connection,
      awareness: connection.provider.awareness,
      state,
      clockOffset,
      self,
      round,
      report,
      refreshReport: refresh,
      act,
    }),
    [auth, session, presenter, editor, connection, state, clockOffset, self, round, report, refresh, act],
  )

  return (
    <FacilitationContext.Provider value={value}>
      {children}
      {error && (
        <div className="wt-ui wt-notice wt-fac-error" role="alert" data-testid="facilitation-error">
          {error}{' '}
          <button type="button" className="wt-link-button" onClick={() => setError(null)}>
            {t('facilitation.close')}
          </button>
        </div>
      )}
    </FacilitationContext.Provider>
  )
}
