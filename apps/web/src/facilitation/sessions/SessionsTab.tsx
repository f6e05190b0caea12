import type { BoardComparison } from '@waardentafel/domain'
import type { CreateBoardResponse, SessionSummary } from '@waardentafel/protocol'
import { type FormEvent, useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../../api/client.ts'
import { useFacilitation } from '../FacilitationContext.ts'
import { compareSessions, listSessions, restoreSession, saveSession } from '../facilitationApi.ts'
import { formatDate } from '../formatDate.ts'
import { ComparisonView } from './ComparisonView.tsx'

const CURRENT = 'current'

/** Named snapshots of the board: save, list, compare two (or one with the board now), restore as a new board. */
export function SessionsTab() {
  const { t } = useTranslation()
  const { auth } = useFacilitation()
  const [sessions, setSessions] = useState<SessionSummary[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const fail = useCallback(
    (e: unknown) => {
      const code = e instanceof ApiError ? e.code : 'generic'
      setError(t([`facilitation.errors.${code}`, 'facilitation.errors.generic']))
    },
    [t],
  )
  const load = useCallback(() => {
    listSessions(auth)
      .then((list) => setSessions([...list].sort((a, b) => b.createdAt - a.createdAt)))
      .catch(fail)
  }, [auth, fail])
  useEffect(load, [load])

  return (
    <>
      <SaveForm count={sessions?.length ?? 0} onSaved={load} onError={fail} />
      {error && (
        <p className="wt-error" role="alert">
          {error}
        </p>
      )}
      <section className="wt-fac-section" aria-labelledby="wt-sessions-list">
        <h3 id="wt-sessions-list">{t('facilitation.sessions.list')}</h3>
        {!sessions ? (
          <p>{t('board.loading')}</p>
        ) : sessions.length === 0 ? (
          <p>{t('facilitation.sessions.none')}</p>
        ) : (
          <ul className="wt-session-list" data-testid="sessions">
            {sessions.map((s) => (
              <SessionRow key={s.id} session={s} onError={fail} />
            ))}
          </ul>
        )}
      </section>
      {sessions && sessions.length > 0 && <Compare sessions={sessions} onError={fail} />}
    </>
  )
}

function SaveForm({
  count,
  onSaved,
  onError,
}: {
  count: number
  onSaved: () => void
  onError: (e: unknown) => void
}) {
  const { t } = useTranslation()
  const { auth } = useFacilitation()
  const [name, setName] = useState('')
  const suggestion = t('facilitation.sessions.suggestion', { n: count + 1 })
  const submit = async (event: FormEvent) => {
    event.preventDefault()
    try {
      await saveSession(auth, name.trim() || suggestion)
      setName('')
      onSaved()
    } catch (e) {
      onError(e)
    }
  }
  return (
    <form className="wt-fac-section" onSubmit={(e) => void submit(e)} aria-labelledby="wt-session-save">
      <h3 id="wt-session-save">{t('facilitation.sessions.saveTitle')}</h3>
      <label htmlFor="wt-session-name">{t('facilitation.sessions.name')}</label>
      <input
        id="wt-session-name"
        maxLength={200}
        placeholder={suggestion}
        value={name}
        onChange={(e) => setName(e.target.value)}
      />
      <button type="submit">{t('facilitation.sessions.save')}</button>
    </form>
  )
}

function SessionRow({ session, onError }: { session: SessionSummary; onError: (e: unknown) => void }) {
  const { t, i18n } = useTranslation()
  const { auth } = useFacilitation()
  const [confirming, setConfirming] = useState(false)
  const [restored, setRestored] = useState<CreateBoardResponse | null>(null)
  const restore = async () => {
    setConfirming(false)
    try {
      setRestored(await restoreSession(auth, session.id))
    } catch (e) {
      onError(e)
    }
  }
  return (
    <li data-testid="session" data-session-id={session.id}>
      <strong>{session.name}</strong>{' '}
      <span className="wt-muted">· {formatDate(session.createdAt, i18n.language, true)}</span>
      <div className="wt-fac-row">
        {!confirming ? (
          <button type="button" className="wt-secondary" onClick={() => setConfirming(true)}>
            {t('facilitation.sessions.restore')}
          </button>
        ) : (
          <>
            <span>{t('facilitation.sessions.restoreConfirm')}</span>
            <button type="button" onClick={() => void restore()}>
              {t('facilitation.sessions.restoreYes')}
            </button>
            <button type="button" className="wt-secondary" onClick={() => setConfirming(false)}>
              {t('facilitation.cancel')}
            </button>
          </>
        )}
      </div>
      {restored && (
        <p role="status" data-testid="restored">
          {t('facilitation.sessions.restored', { title: restored.title })}{' '}
          <a href={restored.links.facilitator} target="_blank" rel="noopener">
            {t('facilitation.sessions.openRestored')}
          </a>
        </p>
      )}
    </li>
  )
}

function Compare({ sessions, onError }: { sessions: SessionSummary[]; onError: (e: unknown) => void }) {
  const { t } = useTranslation()
  const { auth } = useFacilitation()
  const [from, setFrom] = useState(sessions[sessions.length - 1]?.id ?? '')
  const [to, setTo] = useState(CURRENT)
  const [result, setResult] = useState<BoardComparison | null>(null)
  const names = new Map(sessions.map((s) => [s.id, s.name]))
  const compare = async (event: FormEvent) => {
    event.preventDefault()
    try {
      setResult(await compareSessions(auth, from, to))
    } catch (e) {
      onError(e)
    }
  }
  return (
    <section className="wt-fac-section" aria-labelledby="wt-compare">
      <h3 id="wt-compare">{t('facilitation.sessions.compareTitle')}</h3>
      <form onSubmit={(e) => void compare(e)}>
        <label htmlFor="wt-compare-from">{t('facilitation.sessions.from')}</label>
        <select id="wt-compare-from" value={from} onChange={(e) => setFrom(e.target.value)}>
          {sessions.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
        <label htmlFor="wt-compare-to">{t('facilitation.sessions.to')}</label>
        <select id="wt-compare-to" value={to} onChange={(e) => setTo(e.target.value)}>
          <option value={CURRENT}>{t('facilitation.sessions.current')}</option>
          {sessions.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
        <button type="submit" disabled={!from || from === to}>
          {t('facilitation.sessions.compare')}
        </button>
      </form>
      {result && (
        <ComparisonView
          comparison={result}
          fromName={names.get(from) ?? from}
          toName={to === CURRENT ? t('facilitation.sessions.current') : (names.get(to) ?? to)}
        />
      )}
    </section>
  )
}
