import type { Project } from '@waardentafel/protocol'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useOrgError } from './OrgContext.ts'
import { createProject } from './orgApi.ts'

/** The choice for the organiser's own boards that are in no project (made through the API or an import). */
export const NO_PROJECT = 'none'

/** The workspace's projects (an area development each), "Alle borden", and a new project. */
export function ProjectList({
  workspaceId,
  projects,
  selected,
  onSelect,
  onCreated,
}: {
  workspaceId: string
  projects: readonly Project[]
  selected: string | null
  onSelect: (id: string | null) => void
  onCreated: (project: Project) => void
}) {
  const { t } = useTranslation()
  return (
    <section className="wt-org-block" aria-labelledby="projects-title">
      <h2 id="projects-title">{t('org.projects.title')}</h2>
      <ul className="wt-org-projects">
        <li>
          <button
            type="button"
            className="wt-org-project"
            aria-current={selected === null ? 'true' : undefined}
            onClick={() => onSelect(null)}
          >
            {t('org.projects.all')}
          </button>
        </li>
        <li>
          <button
            type="button"
            className="wt-org-project"
            aria-current={selected === NO_PROJECT ? 'true' : undefined}
            onClick={() => onSelect(NO_PROJECT)}
          >
            {t('org.boards.noProject')}
          </button>
        </li>
        {projects.map((p) => (
          <li key={p.id}>
            <button
              type="button"
              className="wt-org-project"
              aria-current={selected === p.id ? 'true' : undefined}
              onClick={() => onSelect(p.id)}
            >
              <span>{p.name}</span>
              <span className="wt-org-count">{t('org.projects.boards', { count: p.boardCount })}</span>
            </button>
          </li>
        ))}
      </ul>
      {projects.length === 0 && <p className="wt-org-muted">{t('org.projects.none')}</p>}
      <details className="wt-org-details" open={projects.length === 0 ? true : undefined}>
        <summary>{t('org.projects.create')}</summary>
        <NewProjectForm workspaceId={workspaceId} onCreated={onCreated} />
      </details>
    </section>
  )
}

function NewProjectForm({
  workspaceId,
  onCreated,
}: {
  workspaceId: string
  onCreated: (project: Project) => void
}) {
  const { t } = useTranslation()
  const errorText = useOrgError()
  const [name, setName] = useState('')
  const [gebied, setGebied] = useState('')
  const [gemeente, setGemeente] = useState('')
  const [kernteam, setKernteam] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  async function submit(event: FormEvent) {
    event.preventDefault()
    setBusy(true)
    setError(null)
    try {
      const project = await createProject(workspaceId, {
        name: name.trim(),
        gebied: gebied.trim(),
        gemeente: gemeente.trim(),
        kernteam: kernteam
          .split(',')
          .map((n) => n.trim())
          .filter((n) => n !== ''),
      })
      setName('')
      setGebied('')
      setGemeente('')
      setKernteam('')
      onCreated(project)
    } catch (e) {
      setError(errorText(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <form onSubmit={submit} className="wt-org-form">
      <label htmlFor="project-name">{t('org.projects.name')}</label>
      <input
        id="project-name"
        required
        maxLength={200}
        value={name}
        placeholder={t('org.projects.namePlaceholder')}
        onChange={(e) => setName(e.target.value)}
      />
      <label htmlFor="project-gebied">{t('org.projects.gebied')}</label>
      <input id="project-gebied" maxLength={200} value={gebied} onChange={(e) => setGebied(e.target.value)} />
      <label htmlFor="project-gemeente">{t('org.projects.gemeente')}</label>
      <input
        id="project-gemeente"
        maxLength={200}
        value={gemeente}
        onChange={(e) => setGemeente(e.target.value)}
      />
      <label htmlFor="project-kernteam">{t('org.projects.kernteam')}</label>
      <input id="project-kernteam" value={kernteam} onChange={(e) => setKernteam(e.target.value)} />
      <button type="submit" disabled={busy || name.trim() === ''}>
        {t('org.projects.submit')}
      </button>
      {error && (
        <p role="alert" className="wt-error">
          {error}
        </p>
      )}
    </form>
  )
}
