import type { Project, Workspace } from '@waardentafel/protocol'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ActionForm, type ActionProps } from './ActionForm.tsx'
import { listProjects, updateBoard } from './orgApi.ts'

/** Every project of every workspace the organiser is in, grouped by workspace (a board may move between them). */
function useAllProjects(workspaces: readonly Workspace[]) {
  const [groups, setGroups] = useState<ReadonlyArray<{ workspace: Workspace; projects: Project[] }> | null>(
    null,
  )
  useEffect(() => {
    let live = true
    Promise.all(
      workspaces.map(async (workspace) => ({ workspace, projects: await listProjects(workspace.id) })),
    )
      .then((all) => live && setGroups(all))
      .catch(() => live && setGroups([]))
    return () => {
      live = false
    }
  }, [workspaces])
  return groups
}

export function MoveForm({
  board,
  workspaces,
  onDone,
  onCancel,
}: ActionProps & { workspaces: readonly Workspace[] }) {
  const { t } = useTranslation()
  const groups = useAllProjects(workspaces)
  const [projectId, setProjectId] = useState('')
  const id = `move-${board.id}`
  const name = groups?.flatMap((g) => g.projects).find((p) => p.id === projectId)?.name ?? ''
  return (
    <ActionForm
      label={t('org.lifecycle.move')}
      submit={t('org.lifecycle.moveSubmit')}
      disabled={projectId === '' || projectId === board.projectId}
      onCancel={onCancel}
      action={async () => {
        await updateBoard(board.id, { projectId })
        onDone({ text: t('org.lifecycle.moved', { project: name }) })
      }}
    >
      <label htmlFor={id}>{t('org.lifecycle.moveTo')}</label>
      <select id={id} value={projectId} onChange={(e) => setProjectId(e.target.value)}>
        <option value="" disabled>
          {groups === null ? t('org.loading') : '—'}
        </option>
        {groups?.map(({ workspace, projects }) => (
          <optgroup key={workspace.id} label={workspace.name}>
            {projects.map((p) => (
              <option key={p.id} value={p.id} disabled={p.id === board.projectId}>
                {p.name}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </ActionForm>
  )
}
