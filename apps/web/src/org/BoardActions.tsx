import type { OrgBoard, Project, Workspace } from '@waardentafel/protocol'
import { type FormEvent, type ReactNode, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { formatDate } from '../facilitation/formatDate.ts'
import type { Notice } from './BoardCard.tsx'
import { useOrgError } from './OrgContext.ts'
import {
  archiveBoard,
  deleteBoard,
  duplicateBoard,
  listProjects,
  restoreBoard,
  updateBoard,
} from './orgApi.ts'

type ActionProps = { board: OrgBoard; onDone: (notice: Notice) => void; onCancel: () => void }

/** A lifecycle form: runs `action` on submit, shows a refusal in place, and has a way out. */
function ActionForm({
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

export function RenameForm({ board, onDone, onCancel }: ActionProps) {
  const { t } = useTranslation()
  const [title, setTitle] = useState(board.title)
  const id = `rename-${board.id}`
  return (
    <ActionForm
      label={t('org.lifecycle.rename')}
      submit={t('org.lifecycle.save')}
      disabled={title.trim() === '' || title.trim() === board.title}
      onCancel={onCancel}
      action={async () => {
        await updateBoard(board.id, { title: title.trim() })
        onDone({ text: t('org.lifecycle.renamed') })
      }}
    >
      <label htmlFor={id}>{t('org.lifecycle.newTitle')}</label>
      <input id={id} required maxLength={200} value={title} onChange={(e) => setTitle(e.target.value)} />
    </ActionForm>
  )
}

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

export function DuplicateForm({ board, onDone, onCancel }: ActionProps) {
  const { t } = useTranslation()
  const [title, setTitle] = useState(t('org.lifecycle.duplicateCopyOf', { title: board.title }).slice(0, 200))
  const [withContent, setWithContent] = useState(true)
  const id = `duplicate-${board.id}`
  return (
    <ActionForm
      label={t('org.lifecycle.duplicate')}
      submit={t('org.lifecycle.duplicateSubmit')}
      disabled={title.trim() === ''}
      onCancel={onCancel}
      action={async () => {
        const copy = await duplicateBoard(board.id, {
          withContent,
          title: title.trim(),
          ...(board.projectId ? { projectId: board.projectId } : {}),
        })
        onDone({ text: t('org.lifecycle.duplicated', { title: copy.title }) })
      }}
    >
      <label htmlFor={id}>{t('org.lifecycle.duplicateTitle')}</label>
      <input id={id} required maxLength={200} value={title} onChange={(e) => setTitle(e.target.value)} />
      <label className="wt-org-check">
        <input type="checkbox" checked={withContent} onChange={(e) => setWithContent(e.target.checked)} />
        {t('org.lifecycle.withContent')}
      </label>
    </ActionForm>
  )
}

export function ArchiveForm({ board, onDone, onCancel }: ActionProps) {
  const { t } = useTranslation()
  return (
    <ActionForm
      label={t('org.lifecycle.archive')}
      submit={t('org.lifecycle.archiveYes')}
      onCancel={onCancel}
      action={async () => {
        await archiveBoard(board.id)
        onDone({
          text: t('org.lifecycle.archived', { title: board.title }),
          undo: {
            label: t('org.lifecycle.restore'),
            run: async () => {
              await restoreBoard(board.id)
              return { text: t('org.lifecycle.restored', { title: board.title }) }
            },
          },
        })
      }}
    >
      <p>{t('org.lifecycle.archiveConfirm')}</p>
    </ActionForm>
  )
}

/** Deleting asks for the board's name, typed, and then says until when it can still be restored. */
export function DeleteForm({ board, onDone, onCancel }: ActionProps) {
  const { t, i18n } = useTranslation()
  const [typed, setTyped] = useState('')
  const id = `delete-${board.id}`
  return (
    <ActionForm
      label={t('org.lifecycle.delete')}
      submit={t('org.lifecycle.deleteYes')}
      danger
      disabled={typed.trim() !== board.title.trim()}
      onCancel={onCancel}
      action={async () => {
        const { deleteAfter } = await deleteBoard(board.id, typed)
        onDone({
          text: t('org.lifecycle.deleted', {
            title: board.title,
            date: formatDate(deleteAfter, i18n.language),
          }),
          undo: {
            label: t('org.lifecycle.restore'),
            run: async () => {
              await restoreBoard(board.id)
              return { text: t('org.lifecycle.restored', { title: board.title }) }
            },
          },
        })
      }}
    >
      <p>{t('org.lifecycle.deleteIntro')}</p>
      <label htmlFor={id}>{t('org.lifecycle.deleteConfirmLabel', { title: board.title })}</label>
      <input id={id} autoComplete="off" value={typed} onChange={(e) => setTyped(e.target.value)} />
    </ActionForm>
  )
}
