import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { formatDate } from '../facilitation/formatDate.ts'
import { ActionForm, type ActionProps } from './ActionForm.tsx'
import { archiveBoard, deleteBoard, duplicateBoard, restoreBoard, updateBoard } from './orgApi.ts'

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
