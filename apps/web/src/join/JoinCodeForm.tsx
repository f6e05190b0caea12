import { isJoinCode, normaliseJoinCode } from '@waardentafel/protocol'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../api/client.ts'
import { resolveJoinCode } from './joinApi.ts'

/** Opens the board of a typed short code: asks the server for its participant link, then follows it. */
export async function openByCode(code: string): Promise<void> {
  const { link } = await resolveJoinCode(code)
  window.location.replace(link)
}

export function joinErrorText(t: (key: string[]) => string, error: unknown): string {
  const code = error instanceof ApiError ? error.code : 'generic'
  if (code === 'HTTP_429') return t(['errors.RATE_LIMITED'])
  return t([`join.code.${code}`, `errors.${code}`, 'errors.generic'])
}

/** The home page's "Code invoeren". */
export function JoinCodeForm() {
  const { t } = useTranslation()
  const [code, setCode] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  async function submit(event: FormEvent) {
    event.preventDefault()
    const normal = normaliseJoinCode(code)
    if (!isJoinCode(normal)) return setError(t('join.code.invalid'))
    setBusy(true)
    setError(null)
    try {
      await openByCode(normal)
    } catch (e) {
      setError(joinErrorText(t, e))
      setBusy(false)
    }
  }

  return (
    <section className="wt-card" aria-labelledby="join-code-title">
      <h2 id="join-code-title">{t('join.code.title')}</h2>
      <form onSubmit={submit} noValidate>
        <label htmlFor="join-code">{t('join.code.label')}</label>
        <input
          id="join-code"
          className="wt-join-code-input"
          value={code}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={9}
          aria-describedby="join-code-hint"
          onChange={(e) => {
            setCode(e.target.value)
            setError(null)
          }}
        />
        <p id="join-code-hint" className="wt-muted">
          {t('join.code.hint')}
        </p>
        <button type="submit" disabled={busy}>
          {busy ? t('join.code.busy') : t('join.code.submit')}
        </button>
        {error && (
          <p role="alert" className="wt-error">
            {error}
          </p>
        )}
      </form>
    </section>
  )
}
