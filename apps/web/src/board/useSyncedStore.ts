import { CloseCodes, type Role } from '@waardentafel/protocol'
import {
  bindTldrawStoreToYDoc,
  ensureBoardInitialised,
  type TldrawYjsBinding,
} from '@waardentafel/tldraw-yjs'
import i18next from 'i18next'
import { useEffect, useRef, useState } from 'react'
import { createTLStore, defaultBindingUtils, defaultShapeUtils, type TLStore } from 'tldraw'
import { isPrivateRecord } from '../private/isPrivateRecord.ts'
import { templateBindingUtils, templateShapeUtils } from '../templates/index.ts'
import { BoardConnection } from './BoardConnection.ts'
import { takeConnection } from './earlyBoard.ts'
import { WtNoteShapeUtil } from './WtNoteShapeUtil.tsx'

export type SyncedStore = {
  connection: BoardConnection
  store: TLStore
  binding: TldrawYjsBinding
  /** How often the board was reset to the shared version after a refused change (4409), for the notice. */
  resets: number
}

/** More refused changes than this within RESET_WINDOW_MS stop the resets: the final message shows instead. */
const MAX_RESETS = 3
const RESET_WINDOW_MS = 60_000

// tldraw's note is replaced by ours (same type and props; measures and renders lazily, see WtNoteShapeUtil).
export const shapeUtils = [
  ...defaultShapeUtils.filter((util) => util.type !== 'note'),
  WtNoteShapeUtil,
  ...templateShapeUtils,
]
export const bindingUtils = [...defaultBindingUtils, ...templateBindingUtils]

/**
 * Opens a board: local copy and server first, then a tldraw store bound to the doc. A brand-new board
 * gets its first page only once the server's state is known (deterministic ids, so two people opening
 * it at once still get one page).
 */
export function useSyncedStore(boardId: string, token: string, role: Role): SyncedStore | null {
  const [synced, setSynced] = useState<SyncedStore | null>(null)
  // A new generation is a fresh doc, store and connection: after a refused change (4409) the local copy
  // holds the refused edit, so it is thrown away and the board remounts from the server's state.
  const [generation, setGeneration] = useState(0)
  const resets = useRef<number[]>([])
  const resetCount = useRef(0)

  useEffect(() => {
    // The first generation takes the connection opened as the page started (earlyBoard.ts), if there is one.
    const connection =
      (generation === 0 ? takeConnection(boardId, token, role) : null) ??
      new BoardConnection(boardId, token, role)
    let binding: TldrawYjsBinding | null = null
    let cancelled = false
    const unsubscribe = connection.subscribe((status) => {
      if (status.kind !== 'closed' || status.code !== CloseCodes.REFUSED_CHANGE.code || cancelled) return
      const now = Date.now()
      resets.current = [...resets.current.filter((at) => now - at < RESET_WINDOW_MS), now]
      if (resets.current.length > MAX_RESETS) return
      resetCount.current++
      void connection.discardLocalCopy().finally(() => {
        if (!cancelled) setGeneration((g) => g + 1)
      })
    })
    void connection.ready().then(({ remote }) => {
      if (cancelled) return
      // Marks for the cold-open benchmark (apps/web/bench/coldOpen.bench.ts): where opening a board spends time.
      performance.mark('wt:doc-ready')
      const store = createTLStore({ shapeUtils, bindingUtils })
      binding = bindTldrawStoreToYDoc({
        store,
        doc: connection.doc,
        // Private notes (private mode) never go into the shared doc; usePrivateNotes keeps them on this device.
        includes: (record) => !isPrivateRecord(record),
        onInvalidRecord: (report) =>
          console.warn('board record set aside', report.id, report.reason, report.error),
      })
      performance.mark('wt:store-bound')
      const initialise = () => {
        if (!cancelled && role !== 'observer')
          ensureBoardInitialised(connection.doc, store, { pageName: i18next.t('board.defaultPageName') })
      }
      // Offline on a first visit, tldraw's own integrity check makes the same deterministic page.
      if (remote) initialise()
      else void connection.whenRemoteSynced().then(initialise)
      setSynced({ connection, store, binding, resets: resetCount.current })
    })
    return () => {
      cancelled = true
      unsubscribe()
      binding?.dispose()
      connection.destroy()
      setSynced(null)
    }
  }, [boardId, token, role, generation])

  return synced
}
