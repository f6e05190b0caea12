import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { joinErrorText, openByCode } from './JoinCodeForm.tsx'

/** `/<code>`, typed from the room's screen: opens the board the code belongs to, or says why not. */
export function JoinByCodePage({ code }: { code: string }) {
  const { t } = useTranslation()
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    openByCode(code).catch((e) => setError(joinErrorText(t, e)))
  }, [code, t])
  return (
    <main className="wt-ui wt-centered">
      <div className="wt-card">
        {error ? (
          <>
            <p role="alert" className="wt-error" data-testid="join-code-error">
              {error}
            </p>
            <a href="/">{t('board.home')}</a>
          </>
        ) : (
          <p role="status">{t('join.code.opening')}</p>
        )}
      </div>
    </main>
  )
}
