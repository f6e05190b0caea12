import type { OrgBoard } from '@waardentafel/protocol'
import { type FormEvent, type ReactNode, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Notice } from './BoardCard.tsx'
import { useOrgError } from './OrgContext.ts'

/** What every lifecycle form of a board gets: the board, and what to do when done or given up. */
export type ActionProps = { board: OrgBoard; onDone: (notice: Notice) => void; onCancel: () => void }

/** A lifecycle form: runs `action` on submit, shows a refusal in place, and has a way out. */
export function ActionForm({
  label,
  submit,
  danger = false,
  disabled = false,
  action,
  onCancel,
  children,
}: {
  label: string
  submit: string
  danger?: boolean
  disabled?: boolean
  action: () => Promise<void>
  onCancel: () => void
  children: ReactNode
}) {
  const { t } = useTranslation()
  const errorText = useOrgError()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  async function onSubmit(event: FormEvent) {
    event.preventDefault()
    setBusy(true)
    setError(null)
    try {
      await action()
    } catch (e) {
      setError(errorText(e))
      setBusy(false)
    }
  }
  return (
    <form onSubmit={onSubmit} className="wt-org-form" aria-label={label}>
      {children}
      <div className="wt-org-buttons">
        <button type="submit" className={danger ? 'wt-danger' : undefined} disabled={busy || disabled}>
          {submit}
        </button>
        <button type="button" className="wt-secondary" onClick={onCancel}>
          {t('org.lifecycle.cancel')}
        </button>
      </div>
      {error && (
        <p role="alert" className="wt-error">
          {error}
        </p>
      )}
    </form>
  )
}
