import type { SessionResponse } from '@waardentafel/protocol'
import { useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import {
  DefaultStylePanel,
  type Editor,
  type TLComponents,
  type TLUiOverrides,
  Tldraw,
  type TldrawOptions,
  useEditor,
  useValue,
} from 'tldraw'
import 'tldraw/tldraw.css'
import { getAssetUrlsByImport } from '@tldraw/assets/imports.vite'
import { AssetUploads } from '../../assets/AssetUploads.tsx'
import { MAX_ASSET_BYTES } from '../../assets/assetUrls.ts'
import { BoardChrome } from '../../board/BoardChrome.tsx'
import { fitToContent } from '../../board/fitToContent.ts'
import { RefusedChangeNotice } from '../../board/RefusedChangeNotice.tsx'
import { bindingUtils, shapeUtils, useSyncedStore } from '../../board/useSyncedStore.ts'
import { BoardContextMenu, BoardMainMenu } from '../../export/BoardMenus.tsx'
import { withBoardExports } from '../../export/boardExports.ts'
import { exportTranslations } from '../../export/exportMessages.ts'
import { FacilitationOverlay } from '../../facilitation/FacilitationOverlay.tsx'
import { FacilitationProvider } from '../../facilitation/FacilitationProvider.tsx'
import { AwarenessContext, ParticipantsSharePanel } from '../../facilitation/ParticipantList.tsx'
import { isPresenterMode } from '../../facilitation/presenter.ts'
import { usePresenterIdentity } from '../../facilitation/usePresenterIdentity.ts'
import type { Identity } from '../../identity.ts'
import { OutlinePanel } from '../../outline/OutlinePanel.tsx'
import { ProgressiveCanvas } from '../../patches/ProgressiveCanvas.tsx'
import { WtSelectTool } from '../../patches/WtSelectTool.ts'
import { usePrivateMode, usePrivateNotes } from '../../private/usePrivateNotes.ts'
import { PvwPanel } from '../../pvw/PvwPanel.tsx'
import { ToolbarContext, TopbarContext } from '../../shared/Topbar.tsx'
import { applyBoardSetup } from '../../templates/actions/applyBoardSetup.ts'
import { TemplatePanels } from '../../templates/index.ts'
import { ValueCardLockGuard } from '../../templates/lock/ValueCardLockGuard.tsx'
import { BoardPrivateModeBar } from './BoardPrivateModeBar.tsx'
import { usePublishedPresence, useTldrawUser } from './presence.ts'

// Fonts, icons and translations are served by us, not by a CDN: the app works on closed networks.
const assetUrls = getAssetUrlsByImport()
/** tldraw's style panel only while there is something to style: otherwise it would cover the board's right side. */
function SelectionStylePanel() {
  const editor = useEditor()
  const styling = useValue(
    'wt styling',
    () => editor.getSelectedShapeIds().length > 0 || !editor.isIn('select'),
    [editor],
  )
  return styling ? <DefaultStylePanel /> : null
}

// The canvas mounts the shapes on screen first and the others after the first paint (see ProgressiveCanvas).
// The share-panel slot holds the participant list's button and sheet (both rendered outside the canvas).
const components: TLComponents = {
  SharePanel: ParticipantsSharePanel,
  Canvas: ProgressiveCanvas,
  StylePanel: SelectionStylePanel,
  MainMenu: BoardMainMenu,
  ContextMenu: BoardContextMenu,
}
// tldraw refuses new shapes beyond 4,000 on a page by default; a municipality's board is meant to hold 5,000 and
// more (apps/web/bench/coldOpen.bench.ts opens one). By default tldraw also holds the canvas back until every font
// any shape of the page uses has loaded: it asks all shapes for their fonts first (5,000 notes: ~60 ms) and then
// waits for the font files. With 0 the canvas renders at once, with the fonts loading alongside (text is swapped
// in when they arrive; shapes whose size depends on a font are measured again then, as tldraw does).
const options: Partial<TldrawOptions> = { maxShapesPerPage: 10_000, maxFontsToLoadBeforeRender: 0 }
// tldraw's select tool without the hover check as the editor starts (see WtSelectTool).
const tools = [WtSelectTool]

type Props = { session: SessionResponse; token: string; identity: Identity; licenseKey: string | null }

/**
 * The board page's composition: the synced store and tldraw (our undo/redo, presence and read-only rules), and
 * which providers, panels and overlays of the features a board has around it.
 */
export function BoardView({ session, token, identity: ownIdentity, licenseKey }: Props) {
  const { t } = useTranslation()
  // Presenter mode (?presenter=1): the room's big screen, read-only and following the facilitator.
  const [presenter] = useState(isPresenterMode)
  const identity = usePresenterIdentity(ownIdentity, presenter)
  const synced = useSyncedStore(session.board.id, token, session.role)
  const [editor, setEditor] = useState<Editor | null>(null)
  const [topbar, setTopbar] = useState<HTMLElement | null>(null)
  const [toolbar, setToolbar] = useState<HTMLElement | null>(null)
  const [chrome, setChrome] = useState<HTMLDivElement | null>(null)
  const label = identity.organisation ? `${identity.name} (${identity.organisation})` : identity.name
  const privateMode = usePrivateMode(synced?.connection.doc ?? null)
  const privateCount = usePrivateNotes(editor, session.board.id, session.role, privateMode)

  const user = useTldrawUser(identity, label)
  usePublishedPresence(synced, identity, label, session.role, presenter)

  // Undo/redo go through the Y.UndoManager: they revert only this person's edits.
  const overrides = useMemo<TLUiOverrides>(
    () => ({
      actions(_editor, actions, helpers) {
        if (!synced) return actions
        // Exports named after the board and the day, and the PDF exports (src/export).
        withBoardExports(_editor, actions, helpers, session.board.title)
        const { binding } = synced
        if (actions.undo) actions.undo = { ...actions.undo, onSelect: () => binding.undo() }
        if (actions.redo) actions.redo = { ...actions.redo, onSelect: () => binding.redo() }
        // Zoom to fit leaves out the parts of the canvas under the template panel and tldraw's toolbars.
        const fit = actions['zoom-to-fit']
        if (fit) actions['zoom-to-fit'] = { ...fit, onSelect: () => void fitToContent(_editor, true) }
        return actions
      },
      translations: exportTranslations,
    }),
    [synced, session.board.title],
  )

  useEffect(() => {
    if (!editor || !synced) return
    editor.updateInstanceState({ isReadonly: session.role === 'observer' || presenter })
    // Every new gesture starts a new undo step.
    const onEvent = (info: { type: string; name: string }) => {
      if (info.name === 'pointer_down' || info.name === 'key_down') synced.binding.stopCapturing()
    }
    editor.on('event', onEvent)
    return () => {
      editor.off('event', onEvent)
    }
  }, [editor, synced, session.role, presenter])

  // A board made from the Quickscan template is laid out by the first facilitator who opens it (before the fit below).
  useEffect(() => {
    if (!editor || !synced || presenter || session.role !== 'facilitator') return
    applyBoardSetup(editor, synced.connection.doc)
  }, [editor, synced, presenter, session.role])

  // The first view shows the whole board in the free part of the canvas, not 100% at the origin; the
  // presenter screen follows the facilitator instead.
  useEffect(() => {
    if (!editor || !synced || presenter) return
    let frame = requestAnimationFrame(() => {
      // After the frame in which the chrome took its size.
      frame = requestAnimationFrame(() => fitToContent(editor))
    })
    return () => cancelAnimationFrame(frame)
  }, [editor, synced, presenter])

  // Panels start below the top bar and the facilitation toolbar, whatever height those take (they wrap on a phone).
  useEffect(() => {
    const board = chrome?.parentElement
    if (!chrome || !board) return
    const observer = new ResizeObserver(() =>
      board.style.setProperty('--wt-chrome-h', `${chrome.getBoundingClientRect().height}px`),
    )
    observer.observe(chrome)
    return () => observer.disconnect()
  }, [chrome])

  if (!synced) {
    return (
      <main className="wt-ui wt-centered">
        <div className="wt-card">{t('board.loading')}</div>
      </main>
    )
  }
  return (
    <TopbarContext.Provider value={topbar}>
      <ToolbarContext.Provider value={toolbar}>
        <FacilitationProvider
          session={session}
          token={token}
          editor={editor}
          connection={synced.connection}
          identity={identity}
          presenter={presenter}
        >
          <ValueCardLockGuard />
          <div className="wt-board" data-testid="board" data-role={session.role} data-presenter={presenter}>
            <div className="wt-chrome" ref={setChrome}>
              <BoardChrome
                actionsRef={setTopbar}
                session={session}
                connection={synced.connection}
                binding={synced.binding}
              />
              <div className="wt-ui wt-toolbar" ref={setToolbar} data-testid="toolbar" />
            </div>
            <div className="wt-canvas">
              <AwarenessContext.Provider value={synced.connection.provider.awareness}>
                <Tldraw
                  store={synced.store}
                  shapeUtils={shapeUtils}
                  bindingUtils={bindingUtils}
                  user={user}
                  assetUrls={assetUrls}
                  overrides={overrides}
                  components={components}
                  options={options}
                  tools={tools}
                  hideUi={presenter}
                  onMount={(e) => {
                    performance.mark('wt:editor-mounted')
                    setEditor(e)
                    // Diagnostics: browser tests and operators (docs/operations.md, "Diagnostics in the browser") read the
                    // editor and the shared doc as this person's browser holds them. Keep both names.
                    Object.assign(window, { __wtEditor: e, __wtDoc: synced.connection.doc })
                  }}
                  maxAssetSize={MAX_ASSET_BYTES}
                  {...(licenseKey ? { licenseKey } : {})}
                >
                  <AssetUploads assets={synced.assets} />
                </Tldraw>
              </AwarenessContext.Provider>
            </div>
            {!presenter && <TemplatePanels editor={editor} role={session.role} />}
            {!presenter && (
              <BoardPrivateModeBar role={session.role} mode={privateMode} count={privateCount} />
            )}
            {!presenter && (
              <PvwPanel editor={editor} board={session.board} token={token} role={session.role} />
            )}
            <FacilitationOverlay notice={<RefusedChangeNotice refusal={synced.refusal} />} />
            <OutlinePanel
              editor={editor}
              board={session.board}
              role={session.role}
              connection={synced.connection}
            />
          </div>
        </FacilitationProvider>
      </ToolbarContext.Provider>
    </TopbarContext.Provider>
  )
}
