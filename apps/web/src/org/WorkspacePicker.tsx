import type { Workspace } from '@waardentafel/protocol'
import { type FormEvent, type ReactNode, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useOrgError } from './OrgContext.ts'
import { createWorkspace } from './orgApi.ts'

/** The organiser's workspaces (a municipality, a bureau) to choose from, and a new one. */
export function WorkspacePicker({
  workspaces,
  selected,
  onSelect,
  onCreated,
  children,
}: {
  workspaces: readonly Workspace[]
  selected: string | null
  onSelect: (id: string) => void
  onCreated: (workspace: Workspace) => void
  /** What belongs to the chosen workspace (its members), under it. */
  children?: ReactNode
}) {
  const { t } = useTranslation()
  const errorText = useOrgError()
  const [name, setName] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  async function submit(event: FormEvent) {
    event.preventDefault()
    setBusy(true)
    setError(null)
    try {
      const workspace = await createWorkspace(name.trim())
      setName('')
      onCreated(workspace)
    } catch (e) {
      setError(errorText(e))
    } finally {
      setBusy(false)
    }
  }

  const form = (
    <form onSubmit={submit} className="wt-org-form">
      <label htmlFor="workspace-name">{t('org.workspaces.name')}</label>
      <input
        id="workspace-name"
        required
        maxLength={200}
        value={name}
        placeholder={t('org.workspaces.namePlaceholder')}
        onChange={(e) => setName(e.target.value)}
      />
      <button type="submit" disabled={busy || name.trim() === ''}>
        {t('org.workspaces.submit')}
      </button>
      {error && (
        <p role="alert" className="wt-error">
          {error}
        </p>
      )}
    </form>
  )

  return (
    <section className="wt-org-block" aria-labelledby="workspace-title">
      <h2 id="workspace-title">{t('org.workspaces.title')}</h2>
      {workspaces.length === 0 ? (
        <>
          <p className="wt-org-muted">{t('org.workspaces.none')}</p>
          {form}
        </>
      ) : (
        <>
          <label htmlFor="workspace-select" className="wt-visually-hidden">
            {t('org.workspaces.label')}
          </label>
          <select id="workspace-select" value={selected ?? ''} onChange={(e) => onSelect(e.target.value)}>
            {workspaces.map((w) => (
              <option key={w.id} value={w.id}>
                {w.name}
              </option>
            ))}
          </select>
          <p className="wt-org-muted wt-org-role-line">
            {t('org.workspaces.yourRole', {
              role: t(`org.workspaces.${workspaces.find((w) => w.id === selected)?.role ?? 'member'}`),
            })}
          </p>
          {children}
          <details className="wt-org-details">
            <summary>{t('org.workspaces.create')}</summary>
            {form}
          </details>
        </>
      )}
    </section>
  )
}
