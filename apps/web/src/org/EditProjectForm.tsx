import type { Project } from '@waardentafel/protocol'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useOrgError } from './OrgContext.ts'
import { updateProject } from './orgApi.ts'

/** A project's name, place, kernteam and retention period (months after a board's last edit; AVG), changed. */
export function EditProjectForm({
  project,
  onSaved,
  onCancel,
}: {
  project: Project
  onSaved: (project: Project) => void
  onCancel: () => void
}) {
  const { t } = useTranslation()
  const errorText = useOrgError()
  const [name, setName] = useState(project.name)
  const [gebied, setGebied] = useState(project.gebied)
  const [gemeente, setGemeente] = useState(project.gemeente)
  const [kernteam, setKernteam] = useState(project.kernteam.join(', '))
  const [months, setMonths] = useState(String(project.retentionMonths))
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const retention = Number(months)
  const valid = name.trim() !== '' && Number.isInteger(retention) && retention >= 1 && retention <= 240

  async function submit(event: FormEvent) {
    event.preventDefault()
    setBusy(true)
    setError(null)
    try {
      onSaved(
        await updateProject(project.id, {
          name: name.trim(),
          gebied: gebied.trim(),
          gemeente: gemeente.trim(),
          kernteam: kernteam
            .split(',')
            .map((n) => n.trim())
            .filter((n) => n !== ''),
          retentionMonths: retention,
        }),
      )
    } catch (e) {
      setError(errorText(e))
      setBusy(false)
    }
  }

  return (
    <form onSubmit={submit} className="wt-org-form" aria-label={t('org.projects.edit')}>
      <label htmlFor="edit-project-name">{t('org.projects.name')}</label>
      <input
        id="edit-project-name"
        required
        maxLength={200}
        value={name}
        onChange={(e) => setName(e.target.value)}
      />
      <label htmlFor="edit-project-gebied">{t('org.projects.gebied')}</label>
      <input
        id="edit-project-gebied"
        maxLength={200}
        value={gebied}
        onChange={(e) => setGebied(e.target.value)}
      />
      <label htmlFor="edit-project-gemeente">{t('org.projects.gemeente')}</label>
      <input
        id="edit-project-gemeente"
        maxLength={200}
        value={gemeente}
        onChange={(e) => setGemeente(e.target.value)}
      />
      <label htmlFor="edit-project-kernteam">{t('org.projects.kernteam')}</label>
      <input id="edit-project-kernteam" value={kernteam} onChange={(e) => setKernteam(e.target.value)} />
      <label htmlFor="edit-project-retention">{t('org.projects.retentionLabel')}</label>
      <input
        id="edit-project-retention"
        type="number"
        inputMode="numeric"
        min={1}
        max={240}
        value={months}
        aria-describedby="edit-project-retention-hint"
        onChange={(e) => setMonths(e.target.value)}
      />
      <p id="edit-project-retention-hint" className="wt-org-muted">
        {t('org.projects.retentionHint')}
      </p>
      <div className="wt-org-buttons">
        <button type="submit" disabled={busy || !valid}>
          {t('org.projects.save')}
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
