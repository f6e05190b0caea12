import type { CreateBoardResponse, Project, Workspace } from '@waardentafel/protocol'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { BoardLinks } from './BoardLinks.tsx'
import { BoardList } from './BoardList.tsx'
import { MembersPanel } from './MembersPanel.tsx'
import { useOrgError } from './OrgContext.ts'
import { listProjects, listWorkspaces } from './orgApi.ts'
import { ProjectList } from './ProjectList.tsx'
import { ProjectPanel } from './ProjectPanel.tsx'
import { WorkspacePicker } from './WorkspacePicker.tsx'

const LAST_WORKSPACE = 'waardentafel.workspace'

function remembered(): string | null {
  try {
    return localStorage.getItem(LAST_WORKSPACE)
  } catch {
    return null
  }
}
function remember(id: string) {
  try {
    localStorage.setItem(LAST_WORKSPACE, id)
  } catch {
    // Private browsing: the choice lasts for this page.
  }
}

/** The signed-in organiser's home: workspaces → projects → boards, with a new board's links once made. */
export function OrgHome({ organiserId }: { organiserId: string }) {
  const { t } = useTranslation()
  const errorText = useOrgError()
  const [workspaces, setWorkspaces] = useState<readonly Workspace[] | null>(null)
  const [workspaceId, setWorkspaceId] = useState<string | null>(null)
  const [projects, setProjects] = useState<readonly Project[]>([])
  const [projectId, setProjectId] = useState<string | null>(null)
  const [created, setCreated] = useState<CreateBoardResponse | null>(null)
  const [version, setVersion] = useState(0)
  const [error, setError] = useState<string | null>(null)
  const changed = () => setVersion((v) => v + 1)

  useEffect(() => {
    listWorkspaces()
      .then((list) => {
        setWorkspaces(list)
        const last = remembered()
        setWorkspaceId(list.find((w) => w.id === last)?.id ?? list[0]?.id ?? null)
      })
      .catch((e) => setError(errorText(e)))
  }, [errorText])

  // biome-ignore lint/correctness/useExhaustiveDependencies: `version` counts the boards a project holds again
  useEffect(() => {
    if (!workspaceId) return setProjects([])
    let live = true
    listProjects(workspaceId)
      .then((list) => live && setProjects(list))
      .catch((e) => live && setError(errorText(e)))
    return () => {
      live = false
    }
  }, [workspaceId, version])

  const selectWorkspace = (id: string) => {
    remember(id)
    setWorkspaceId(id)
    setProjectId(null)
    setCreated(null)
  }
  const project = projects.find((p) => p.id === projectId) ?? null
  const selectedWorkspace = workspaces?.find((w) => w.id === workspaceId) ?? null

  if (error) {
    return (
      <p role="alert" className="wt-error">
        {error}
      </p>
    )
  }
  if (!workspaces) return <p>{t('org.loading')}</p>
  return (
    <div className="wt-org">
      <nav className="wt-org-nav" aria-label={t('org.projects.title')}>
        <WorkspacePicker
          workspaces={workspaces}
          selected={workspaceId}
          onSelect={selectWorkspace}
          onCreated={(workspace) => {
            setWorkspaces([...workspaces, workspace])
            selectWorkspace(workspace.id)
          }}
        >
          {selectedWorkspace && (
            <MembersPanel
              key={selectedWorkspace.id}
              workspace={selectedWorkspace}
              organiserId={organiserId}
            />
          )}
        </WorkspacePicker>
        {workspaceId && (
          <ProjectList
            workspaceId={workspaceId}
            projects={projects}
            selected={projectId}
            onSelect={(id) => {
              setProjectId(id)
              setCreated(null)
            }}
            onCreated={(p) => {
              setProjects([...projects, p])
              setProjectId(p.id)
            }}
          />
        )}
      </nav>
      <div className="wt-org-main">
        {project && (
          <ProjectPanel
            project={project}
            version={version}
            onBoardCreated={(board) => {
              setCreated(board)
              changed()
            }}
            onProjectSaved={(saved) => {
              setProjects(projects.map((p) => (p.id === saved.id ? saved : p)))
              changed()
            }}
          />
        )}
        {created && <BoardLinks board={created} />}
        <BoardList projectId={projectId} workspaces={workspaces} version={version} onChanged={changed} />
      </div>
    </div>
  )
}
