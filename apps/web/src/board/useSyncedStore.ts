import type { Role } from '@waardentafel/protocol'
import {
  bindTldrawStoreToYDoc,
  ensureBoardInitialised,
  type TldrawYjsBinding,
} from '@waardentafel/tldraw-yjs'
import i18next from 'i18next'
import { useEffect, useRef, useState } from 'react'
import { createTLStore, defaultBindingUtils, defaultShapeUtils, type TLRecord, type TLStore } from 'tldraw'
import * as Y from 'yjs'
import { BoardAssets } from '../assets/BoardAssets.ts'
import { isPrivateRecord } from '../private/isPrivateRecord.ts'
import { templateBindingUtils, templateShapeUtils } from '../templates/index.ts'
import { BoardConnection } from './BoardConnection.ts'
import { takeConnection } from './earlyBoard.ts'
import { type Recovery, recoverLocalChanges } from './recoverLocalChanges.ts'
import { isRefusedChange, type RefusalReport } from './refusedChange.ts'
import { WtNoteShapeUtil } from './WtNoteShapeUtil.tsx'

export type SyncedStore = {
  connection: BoardConnection
  store: TLStore
  binding: TldrawYjsBinding
  /** The board's pictures and maps (its tldraw asset store, its uploads waiting on this device). */
  assets: BoardAssets
  /** The last refused change (4409, 4413) that made the board restart from the server's copy, for the notice. */
  refusal: RefusalReport | null
}

/** What a refused change carries into the next generation: why, and the old local copy (null: not recovered). */
type Carried = { code: number; reason: string; local: Uint8Array | null }

/**
 * More refused changes than this within RESET_WINDOW_MS stop the resets: the final message shows instead (with a
 * reload button; the local copy is cleared all the same, so the reload opens the board). Only the first refusal in
 * the window carries the device's other unsynced changes over: if they are refused again, they are dropped.
 */
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
  const carried = useRef<Carried | null>(null)
  const lastRefusal = useRef<RefusalReport | null>(null)

  useEffect(() => {
    // The first generation takes the connection opened as the page started (earlyBoard.ts), if there is one.
    const connection =
      (generation === 0 ? takeConnection(boardId, token, role) : null) ??
      new BoardConnection(boardId, token, role)
    let binding: TldrawYjsBinding | null = null
    let detachAssets: (() => void) | null = null
    let cancelled = false
    const from = carried.current
    carried.current = null
    let refused = false
    const unsubscribe = connection.subscribe((status) => {
      if (status.kind !== 'closed' || !isRefusedChange(status.code, status.reason) || cancelled || refused)
        return
      refused = true
      const now = Date.now()
      resets.current = [...resets.current.filter((at) => now - at < RESET_WINDOW_MS), now]
      const restart = resets.current.length <= MAX_RESETS
      // The refused change is in this doc and in its local copy; the copy goes, and what else this device had not
      // synced is read from the doc first (only on the first refusal in the window).
      const local = resets.current.length === 1 ? Y.encodeStateAsUpdate(connection.doc) : null
      if (restart) carried.current = { code: status.code, reason: status.reason, local }
      void connection.discardLocalCopy().finally(() => {
        if (!cancelled && restart) setGeneration((g) => g + 1)
      })
    })
    void connection.ready().then(async ({ remote }) => {
      if (cancelled) return
      // After a refusal, the board restarts from the server's copy: wait for it before making local changes again.
      if (from && !remote) await connection.whenRemoteSynced()
      if (cancelled) return
      // Marks for the cold-open benchmark (apps/web/bench/coldOpen.bench.ts): where opening a board spends time.
      performance.mark('wt:doc-ready')
      // Pictures and maps go to the server; the document holds only their records (src/assets).
      const assets = new BoardAssets(boardId, token)
      const store = createTLStore({ shapeUtils, bindingUtils, assets })
      binding = bindTldrawStoreToYDoc({
        store,
        doc: connection.doc,
        // Private notes (private mode) never go into the shared doc; usePrivateNotes keeps them on this device.
        includes: (record) => !isPrivateRecord(record),
        onInvalidRecord: (report) =>
          console.warn('board record set aside', report.id, report.reason, report.error),
      })
      performance.mark('wt:store-bound')
      detachAssets = assets.attach(store)
      const initialise = () => {
        if (!cancelled && role !== 'observer')
          ensureBoardInitialised(connection.doc, store, { pageName: i18next.t('board.defaultPageName') })
      }
      // Offline on a first visit, tldraw's own integrity check makes the same deterministic page.
      if (remote || from) initialise()
      else void connection.whenRemoteSynced().then(initialise)
      if (from) {
        const recovery = from.local ? recoverLocalChanges(connection.doc, from.local, role) : null
        const kept = recovery ? applyRecovery(store, recovery) : 0
        resetCount.current++
        lastRefusal.current = {
          seq: resetCount.current,
          code: from.code,
          reason: from.reason,
          dropped: recovery?.dropped ?? [],
          kept,
          recovered: recovery !== null,
        }
      }
      setSynced({ connection, store, binding, assets, refusal: lastRefusal.current })
    })
    return () => {
      cancelled = true
      unsubscribe()
      binding?.dispose()
      detachAssets?.()
      connection.destroy()
      setSynced(null)
    }
  }, [boardId, token, role, generation])

  return synced
}

/** Makes the recovered changes on the fresh store as this person's edits (the binding sends them); returns how many. */
function applyRecovery(store: TLStore, recovery: Recovery): number {
  let kept = 0
  for (const record of recovery.put) {
    try {
      store.put([record as unknown as TLRecord])
      kept++
    } catch (error) {
      console.warn('local change not recovered', record.id, error)
    }
  }
  const present = recovery.remove.filter((id) => store.has(id as TLRecord['id']))
  store.remove(present as TLRecord['id'][])
  return kept + present.length
}
