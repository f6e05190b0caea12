import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../api/client.ts'
import { oidcStartUrl } from './orgApi.ts'
import { orgErrorText } from './orgErrors.ts'
import type { SignInMethods } from './useOrganiserSession.ts'

/** Signing in as an organiser: the organisation's own sign-in (OpenID Connect) and/or the local account. */
export function SignInPanel({
  methods,
  unreachable = false,
  onSignIn,
}: {
  methods: SignInMethods
  /** The server did not say who is signed in (not reachable, or without the sign-in layer). */
  unreachable?: boolean
  onSignIn: (email: string, password: string) => Promise<void>
}) {
  const { t } = useTranslation()
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  async function submit(event: FormEvent) {
    event.preventDefault()
    setBusy(true)
    setError(null)
    try {
      await onSignIn(email.trim(), password)
    } catch (e) {
      setError(
        e instanceof ApiError && (e.code === 'SIGN_IN_FAILED' || e.status === 401)
          ? t('org.signIn.failed')
          : orgErrorText(t, e),
      )
      setBusy(false)
    }
  }

  return (
    <section className="wt-card wt-signin" aria-labelledby="signin-title" data-testid="sign-in">
      <h2 id="signin-title">{t('org.signIn.title')}</h2>
      <p className="wt-org-muted">{t('org.signIn.intro')}</p>
      {methods.oidc && (
        <a className="wt-button wt-signin-oidc" href={oidcStartUrl('/')}>
          {t('org.signIn.oidc')}
        </a>
      )}
      {methods.oidc && methods.local && <p className="wt-signin-or">{t('org.signIn.or')}</p>}
      {methods.local && (
        <form onSubmit={submit}>
          <label htmlFor="signin-email">{t('org.signIn.email')}</label>
          <input
            id="signin-email"
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
          <label htmlFor="signin-password">{t('org.signIn.password')}</label>
          <input
            id="signin-password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
          <button type="submit" disabled={busy}>
            {busy ? t('org.signIn.busy') : t('org.signIn.submit')}
          </button>
          {error && (
            <p role="alert" className="wt-error">
              {error}
            </p>
          )}
        </form>
      )}
      {!methods.local && !methods.oidc && (
        <p role={unreachable ? 'alert' : undefined}>
          {unreachable ? t('org.errors.NETWORK') : t('org.signIn.none')}
        </p>
      )}
    </section>
  )
}
