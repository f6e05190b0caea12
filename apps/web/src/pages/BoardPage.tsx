import type { ClientConfig, SessionResponse } from '@waardentafel/protocol'
import { type FormEvent, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../api/client.ts'
import { dropEarlyConnection, takeSession } from '../board/earlyBoard.ts'
import { anonymousIdentity, type Identity, loadIdentity, saveIdentity } from '../identity.ts'
import { LanguageSwitch } from '../ui/LanguageSwitch.tsx'
import { BoardView } from './board/BoardView.tsx'

type Props = { boardId: string; token: string | null }

type State =
  | { kind: 'loading' }
  | { kind: 'error'; code: string }
  | { kind: 'ready'; session: SessionResponse; config: ClientConfig }

/** Checks the link with the server, asks for a name once, then opens the board. */
export function BoardPage({ boardId, token }: Props) {
  const { t } = useTranslation()
  const [state, setState] = useState<State>({ kind: 'loading' })
  const [identity, setIdentity] = useState<Identity | null>(() => loadIdentity())
  // An observer may choose to watch without a name (the wethouder on the back row); asked again on the next visit.
  const [anonymous, setAnonymous] = useState(false)

  useEffect(() => {
    if (!token) return setState({ kind: 'error', code: 'TOKEN_MISSING' })
    let cancelled = false
    takeSession(boardId, token)
      .then(([session, config]) => {
        performance.mark('wt:session')
        if (!cancelled) setState({ kind: 'ready', session, config })
      })
      .catch((e) => {
        dropEarlyConnection()
        if (!cancelled) setState({ kind: 'error', code: errorCode(e) })
      })
    return () => {
      cancelled = true
    }
  }, [boardId, token])

  if (state.kind === 'loading') return <Centered>{t('board.loading')}</Centered>
  if (state.kind === 'error') {
    return (
      <Centered>
        <p role="alert" className="wt-error" data-testid="link-error" data-code={state.code}>
          {t([`errors.${state.code}`, 'errors.generic'])}
        </p>
        <a href="/">{t('board.home')}</a>
      </Centered>
    )
  }
  const { session, config } = state
  const observer = session.role === 'observer'
  const who = observer && anonymous && !identity ? anonymousIdentity(t('board.roleLabel.observer')) : identity
  if (!who) {
    return (
      <IdentityForm onDone={setIdentity} {...(observer ? { onAnonymous: () => setAnonymous(true) } : {})} />
    )
  }
  return (
    <BoardView session={session} token={token ?? ''} identity={who} licenseKey={config.tldrawLicenseKey} />
  )
}

/** The documented code of a refused session check; a bare 429 (a proxy's, say) reads as rate limiting. */
function errorCode(error: unknown): string {
  if (!(error instanceof ApiError)) return 'generic'
  return error.code === 'HTTP_429' ? 'RATE_LIMITED' : error.code
}

function Centered({ children }: { children: React.ReactNode }) {
  return (
    <main className="wt-ui wt-centered">
      <div className="wt-card">{children}</div>
    </main>
  )
}

/** Name and organisation, asked once per device; an observer may instead watch without a name. */
function IdentityForm({
  onDone,
  onAnonymous,
}: {
  onDone: (identity: Identity) => void
  onAnonymous?: () => void
}) {
  const { t } = useTranslation()
  const [name, setName] = useState('')
  const [organisation, setOrganisation] = useState('')
  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (name.trim()) onDone(saveIdentity(name, organisation))
  }
  return (
    <main className="wt-ui wt-centered">
      <form className="wt-card" onSubmit={submit} aria-labelledby="identity-title">
        <div className="wt-row-between">
          <h1 id="identity-title">{t('identity.title')}</h1>
          <LanguageSwitch />
        </div>
        <p>{onAnonymous ? t('join.observer.intro') : t('identity.intro')}</p>
        <label htmlFor="identity-name">{t('identity.name')}</label>
        <input
          id="identity-name"
          required
          maxLength={80}
          autoComplete="name"
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
        <label htmlFor="identity-org">{t('identity.organisation')}</label>
        <input
          id="identity-org"
          maxLength={80}
          autoComplete="organization"
          value={organisation}
          onChange={(e) => setOrganisation(e.target.value)}
        />
        <button type="submit" disabled={!name.trim()}>
          {t('identity.submit')}
        </button>
        {onAnonymous && (
          <button
            type="button"
            className="wt-secondary"
            data-testid="observe-anonymously"
            onClick={onAnonymous}
          >
            {t('join.observer.anonymous')}
          </button>
        )}
      </form>
    </main>
  )
}
