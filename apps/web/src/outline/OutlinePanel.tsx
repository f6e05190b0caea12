import type { Role } from '@waardentafel/protocol'
import { useEffect, useMemo, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import type { Editor } from 'tldraw'
import type { LiveConnection } from '../shared/LiveConnection.ts'
import { InTopbar } from '../shared/Topbar.tsx'
import { useSheet } from '../shared/useSheet.ts'
import { useLiveRegion } from './LiveRegion.tsx'
import { OutlineContext, type OutlineContextValue } from './OutlineContext.ts'
import { OutlineView } from './OutlineView.tsx'
import { showOnCanvas } from './outlineActions.ts'
import { useBoardModel } from './useBoardModel.ts'
import { useLiveAnnouncements } from './useLiveAnnouncements.ts'
import './outline.css'

type Props = {
  editor: Editor | null
  board: { id: string; title: string }
  role: Role
  connection: LiveConnection
}

/** Below this width the outline replaces the canvas instead of sitting beside it (same as the CSS). */
const NARROW = '(max-width: 40rem)'

/**
 * The "Overzicht" toggle, the board outline, and the board's live region for changes made by others. The
 * live region is there whether the outline is open or not: canvas users hear the changes too.
 */
export function OutlinePanel({ editor, board, role, connection }: Props) {
  const { t } = useTranslation()
  const [open, setOpen] = useSheet('outline')
  const model = useBoardModel(editor, board, open)
  const { announce, region } = useLiveRegion()
  const focusAfterRender = useRef<string | null>(null)
  const toggle = useRef<HTMLButtonElement>(null)
  useLiveAnnouncements(editor, connection, announce)

  // On a phone the outline covers the canvas; the board marks that so the hidden canvas leaves the tab order.
  useEffect(() => {
    const root = toggle.current?.closest<HTMLElement>('.wt-board')
    if (!root) return
    if (open) root.dataset.outline = 'open'
    else delete root.dataset.outline
    return () => {
      delete root.dataset.outline
    }
  }, [open])

  const context = useMemo<OutlineContextValue | null>(
    () =>
      editor && {
        editor,
        readOnly: role === 'observer',
        announce,
        focusAfterRender,
        showCard: (id) => {
          showOnCanvas(editor, id)
          if (window.matchMedia(NARROW).matches) {
            setOpen(false)
            editor.getContainer().focus()
          }
        },
      },
    [editor, role, announce, setOpen],
  )

  return (
    <>
      <InTopbar>
        <button
          ref={toggle}
          type="button"
          className="wt-ui wt-outline-toggle"
          aria-expanded={open}
          aria-controls="wt-outline"
          data-testid="outline-toggle"
          onClick={() => setOpen(!open)}
        >
          {t('outline.toggle')}
        </button>
      </InTopbar>
      {open && (
        <section
          id="wt-outline"
          className="wt-ui wt-outline"
          aria-labelledby="wt-outline-title"
          data-testid="outline"
          onKeyDown={(e) => {
            if (e.key === 'Escape' && !(e.target instanceof HTMLSelectElement)) {
              setOpen(false)
              toggle.current?.focus()
            }
          }}
        >
          <div className="wt-row-between">
            <h2 id="wt-outline-title">{t('outline.title')}</h2>
            <button
              type="button"
              className="wt-link-button"
              onClick={() => {
                setOpen(false)
                toggle.current?.focus()
              }}
            >
              {t('outline.close')}
            </button>
          </div>
          <p className="wt-hint">{t('outline.intro')}</p>
          <details className="wt-outline-help">
            <summary>{t('outline.keyboardTitle')}</summary>
            <p>{t('outline.keyboardHint')}</p>
          </details>
          {context && model ? (
            <OutlineContext.Provider value={context}>
              <OutlineView model={model} />
            </OutlineContext.Provider>
          ) : (
            <p>{t('board.loading')}</p>
          )}
        </section>
      )}
      {region}
    </>
  )
}
