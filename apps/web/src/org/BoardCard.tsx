import type { OrgBoard, Workspace } from '@waardentafel/protocol'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { formatDate } from '../facilitation/formatDate.ts'
import { ArchiveForm, DeleteForm, DuplicateForm, RenameForm } from './BoardActions.tsx'
import { LinksPanel } from './LinksPanel.tsx'
import { MoveForm } from './MoveForm.tsx'
import { useOrgError } from './OrgContext.ts'
import { openBoard, restoreBoard } from './orgApi.ts'

/** What a lifecycle action says when done, with a way back where there is one (restore after delete). */
export type Notice = { text: string; undo?: { label: string; run: () => Promise<Notice> } }

type Panel = 'links' | 'rename' | 'move' | 'duplicate' | 'archive' | 'delete'
const ACTIONS: readonly Exclude<Panel, 'links'>[] = ['rename', 'move', 'duplicate', 'archive', 'delete']

/** One board in the list: where it is, when it was opened, who is on it now, and everything one can do with it. */
export function BoardCard({
  board,
  workspaces,
  onChanged,
}: {
  board: OrgBoard
  workspaces: readonly Workspace[]
  onChanged: (notice: Notice) => void
}) {
  const { t, i18n } = useTranslation()
  const errorText = useOrgError()
  const [panel, setPanel] = useState<Panel | null>(null)
  const [menu, setMenu] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const date = (at: number) => formatDate(at, i18n.language)
  const deleted = board.deleteAfter !== null
  const archived = board.archivedAt !== null && !deleted
  const headingId = `board-${board.id}-title`

  async function open() {
    setBusy(true)
    setError(null)
    try {
      const { links } = await openBoard(board.id)
      window.location.assign(links.facilitator)
    } catch (e) {
      setError(errorText(e))
      setBusy(false)
    }
  }

  async function restore() {
    setError(null)
    try {
      await restoreBoard(board.id)
      onChanged({ text: t('org.lifecycle.restored', { title: board.title }) })
    } catch (e) {
      setError(errorText(e))
    }
  }

  const done = (notice: Notice) => {
    setPanel(null)
    setMenu(false)
    onChanged(notice)
  }
  const where = board.projectName
    ? [board.workspaceName, board.projectName].filter(Boolean).join(' › ')
    : t('org.boards.noProject')

  return (
    <article
      className="wt-org-board"
      aria-labelledby={headingId}
      data-testid="org-board"
      data-board={board.id}
    >
      <div className="wt-org-board-head">
        <div>
          <h3 id={headingId}>{board.title}</h3>
          <p className="wt-org-muted wt-org-where">{where}</p>
        </div>
        {board.liveCount > 0 && (
          <span className="wt-org-live" data-testid="live-count">
            {t('org.boards.live', { count: board.liveCount })}
          </span>
        )}
      </div>
      <p className="wt-org-meta">
        {board.lastOpenedAt !== null
          ? t('org.boards.lastOpened', { date: date(board.lastOpenedAt) })
          : t('org.boards.neverOpened')}
        {' · '}
        {t('org.boards.updated', { date: date(board.updatedAt) })}
        {archived && <span className="wt-org-badge">{t('org.boards.archivedBadge')}</span>}
        {deleted && board.deleteAfter !== null && (
          <span className="wt-org-badge wt-org-badge-danger">
            {t('org.boards.deletedBadge', { date: date(board.deleteAfter) })}
          </span>
        )}
      </p>
      <div className="wt-org-buttons">
        {!archived && !deleted && (
          <>
            <button type="button" disabled={busy} onClick={() => void open()}>
              {busy ? t('org.boards.opening') : t('org.boards.open')}
            </button>
            <button
              type="button"
              className="wt-secondary"
              aria-expanded={panel === 'links'}
              onClick={() => setPanel(panel === 'links' ? null : 'links')}
            >
              {t('org.boards.links')}
            </button>
            <button
              type="button"
              className="wt-secondary"
              aria-expanded={menu}
              aria-label={t('org.boards.actionsFor', { title: board.title })}
              onClick={() => setMenu(!menu)}
            >
              {t('org.boards.actions')}
            </button>
          </>
        )}
        {(archived || deleted) && (
          <button type="button" onClick={() => void restore()}>
            {t('org.lifecycle.restore')}
          </button>
        )}
        {archived && (
          <button
            type="button"
            className="wt-secondary wt-danger"
            aria-expanded={panel === 'delete'}
            onClick={() => setPanel(panel === 'delete' ? null : 'delete')}
          >
            {t('org.lifecycle.delete')}
          </button>
        )}
      </div>
      {menu && !archived && !deleted && (
        <div className="wt-org-buttons wt-org-menu">
          {ACTIONS.map((action) => (
            <button
              key={action}
              type="button"
              className={action === 'delete' ? 'wt-secondary wt-danger' : 'wt-secondary'}
              aria-expanded={panel === action}
              onClick={() => setPanel(panel === action ? null : action)}
            >
              {t(`org.lifecycle.${action}`)}
            </button>
          ))}
        </div>
      )}
      {error && (
        <p role="alert" className="wt-error">
          {error}
        </p>
      )}
      {panel && (
        <div className="wt-org-panel">
          {panel === 'links' && <LinksPanel board={board} />}
          {panel === 'rename' && <RenameForm board={board} onDone={done} onCancel={() => setPanel(null)} />}
          {panel === 'move' && (
            <MoveForm board={board} workspaces={workspaces} onDone={done} onCancel={() => setPanel(null)} />
          )}
          {panel === 'duplicate' && (
            <DuplicateForm board={board} onDone={done} onCancel={() => setPanel(null)} />
          )}
          {panel === 'archive' && <ArchiveForm board={board} onDone={done} onCancel={() => setPanel(null)} />}
          {panel === 'delete' && <DeleteForm board={board} onDone={done} onCancel={() => setPanel(null)} />}
        </div>
      )}
    </article>
  )
}
