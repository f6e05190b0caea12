import type { OrgBoard, SearchBoardsQuery, Workspace } from '@waardentafel/protocol'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { BoardCard, type Notice } from './BoardCard.tsx'
import { useOrgError } from './OrgContext.ts'
import { searchBoards } from './orgApi.ts'
import { useDebounced } from './useDebounced.ts'

export type BoardView = 'active' | 'archived' | 'deleted'
const VIEWS: readonly BoardView[] = ['active', 'archived', 'deleted']
const PAGE = '50'

/**
 * The organiser's boards — of one project or all — searched on the server as one types (debounced), active,
 * archived or deleted-but-restorable; each with its actions. `version` changes when something elsewhere on the page
 * changed the boards.
 */
export function BoardList({
  projectId,
  workspaces,
  version,
  onChanged,
}: {
  projectId: string | null
  workspaces: readonly Workspace[]
  version: number
  onChanged: () => void
}) {
  const { t } = useTranslation()
  const errorText = useOrgError()
  const [text, setText] = useState('')
  const q = useDebounced(text.trim(), 250)
  const [view, setView] = useState<BoardView>('active')
  const [boards, setBoards] = useState<readonly OrgBoard[] | null>(null)
  const [nextCursor, setNextCursor] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [notice, setNotice] = useState<Notice | null>(null)
  // A finished action may take its board out of the list, and the focus with it: the notice takes the focus.
  const noticeRef = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (notice) noticeRef.current?.focus()
  }, [notice])

  const query = (cursor?: string): SearchBoardsQuery => ({
    ...(q ? { q } : {}),
    ...(projectId ? { projectId } : {}),
    ...(view === 'archived' ? { archived: '1' } : {}),
    ...(view === 'deleted' ? { deleted: '1' } : {}),
    limit: PAGE,
    ...(cursor ? { cursor } : {}),
  })

  // biome-ignore lint/correctness/useExhaustiveDependencies: `query` is built from exactly these; `version` asks again
  useEffect(() => {
    let live = true
    setError(null)
    searchBoards(query())
      .then((page) => {
        if (!live) return
        setBoards(page.boards)
        setNextCursor(page.nextCursor)
      })
      .catch((e) => live && setError(errorText(e)))
    return () => {
      live = false
    }
  }, [q, projectId, view, version])

  async function more() {
    if (!nextCursor) return
    try {
      const page = await searchBoards(query(nextCursor))
      setBoards([...(boards ?? []), ...page.boards])
      setNextCursor(page.nextCursor)
    } catch (e) {
      setError(errorText(e))
    }
  }

  const changed = (message: Notice) => {
    setNotice(message)
    onChanged()
  }

  const heading =
    view === 'archived'
      ? t('org.boards.titleArchived')
      : view === 'deleted'
        ? t('org.boards.titleDeleted')
        : t('org.boards.title')

  return (
    <section className="wt-card wt-org-boards" aria-labelledby="boards-title">
      <h2 id="boards-title">{heading}</h2>
      <div className="wt-org-filters">
        <div className="wt-org-search">
          <label htmlFor="board-search">{t('org.boards.search')}</label>
          <input
            id="board-search"
            type="search"
            value={text}
            placeholder={t('org.boards.searchPlaceholder')}
            onChange={(e) => setText(e.target.value)}
          />
        </div>
        <fieldset className="wt-org-views">
          <legend>{t('org.boards.show')}</legend>
          {VIEWS.map((v) => (
            <label key={v} className="wt-org-radio">
              <input type="radio" name="board-view" checked={view === v} onChange={() => setView(v)} />
              {t(`org.boards.${v}`)}
            </label>
          ))}
        </fieldset>
      </div>
      <div role="status" className="wt-org-notice" data-testid="board-notice" tabIndex={-1} ref={noticeRef}>
        {notice && (
          <>
            <span>{notice.text}</span>
            {notice.undo && (
              <button
                type="button"
                className="wt-secondary"
                onClick={() => {
                  const undo = notice.undo
                  setNotice(null)
                  void undo?.run().then(changed, (e: unknown) => setError(errorText(e)))
                }}
              >
                {notice.undo.label}
              </button>
            )}
          </>
        )}
      </div>
      {error && (
        <p role="alert" className="wt-error">
          {error}
        </p>
      )}
      {boards?.length === 0 && <p className="wt-org-muted">{t('org.boards.empty')}</p>}
      <ul className="wt-org-board-list" aria-labelledby="boards-title">
        {boards?.map((board) => (
          <li key={board.id}>
            <BoardCard board={board} workspaces={workspaces} onChanged={changed} />
          </li>
        ))}
      </ul>
      {nextCursor && (
        <button type="button" className="wt-secondary" onClick={() => void more()}>
          {t('org.boards.more')}
        </button>
      )}
    </section>
  )
}
