import type { CreateBoardResponse, Project } from '@waardentafel/protocol'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { AuditLog } from './AuditLog.tsx'
import { EditProjectForm } from './EditProjectForm.tsx'
import { useOrgError } from './OrgContext.ts'
import { createProjectBoard } from './orgApi.ts'

/** The chosen project: what it is about (and changing that), a new board in it, and its logboek. */
export function ProjectPanel({
  project,
  version,
  onBoardCreated,
  onProjectSaved,
}: {
  project: Project
  version: number
  onBoardCreated: (board: CreateBoardResponse) => void
  onProjectSaved: (project: Project) => void
}) {
  const { t } = useTranslation()
  const [editing, setEditing] = useState(false)
  const place = [project.gebied, project.gemeente].filter((s) => s !== '').join(' · ')
  return (
    <section className="wt-card wt-org-project-panel" aria-labelledby="project-heading">
      <h2 id="project-heading">{project.name}</h2>
      {place && <p className="wt-org-muted">{place}</p>}
      {project.kernteam.length > 0 && (
        <p className="wt-org-muted">
          {t('org.projects.kernteamList', { names: project.kernteam.join(', ') })}
        </p>
      )}
      <p className="wt-org-muted">{t('org.projects.retention', { count: project.retentionMonths })}</p>
      <button
        type="button"
        className="wt-secondary"
        aria-expanded={editing}
        onClick={() => setEditing(!editing)}
      >
        {t('org.projects.edit')}
      </button>
      {editing && (
        <EditProjectForm
          key={project.id}
          project={project}
          onCancel={() => setEditing(false)}
          onSaved={(saved) => {
            setEditing(false)
            onProjectSaved(saved)
          }}
        />
      )}
      <NewBoardForm key={project.id} projectId={project.id} onCreated={onBoardCreated} />
      <AuditLog projectId={project.id} version={version} />
    </section>
  )
}

function NewBoardForm({
  projectId,
  onCreated,
}: {
  projectId: string
  onCreated: (board: CreateBoardResponse) => void
}) {
  const { t } = useTranslation()
  const errorText = useOrgError()
  const [title, setTitle] = useState('')
  const [quickscan, setQuickscan] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  async function submit(event: FormEvent) {
    event.preventDefault()
    setBusy(true)
    setError(null)
    try {
      const board = await createProjectBoard(projectId, title.trim(), quickscan)
      setTitle('')
      setQuickscan(false)
      onCreated(board)
    } catch (e) {
      setError(errorText(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <form onSubmit={submit} className="wt-org-form" aria-labelledby="new-board-title">
      <h3 id="new-board-title">{t('org.newBoard.title')}</h3>
      <label htmlFor="board-title">{t('org.newBoard.name')}</label>
      <input
        id="board-title"
        required
        maxLength={200}
        value={title}
        placeholder={t('org.newBoard.namePlaceholder')}
        onChange={(e) => setTitle(e.target.value)}
      />
      <label className="wt-org-check">
        <input type="checkbox" checked={quickscan} onChange={(e) => setQuickscan(e.target.checked)} />
        {t('org.newBoard.quickscan')}
      </label>
      <button type="submit" disabled={busy || title.trim() === ''}>
        {t('org.newBoard.submit')}
      </button>
      {error && (
        <p role="alert" className="wt-error">
          {error}
        </p>
      )}
    </form>
  )
}
