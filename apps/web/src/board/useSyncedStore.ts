import type { Role } from '@waardentafel/protocol'
import {
  bindTldrawStoreToYDoc,
  ensureBoardInitialised,
  type TldrawYjsBinding,
} from '@waardentafel/tldraw-yjs'
import i18next from 'i18next'
import { useEffect, useState } from 'react'
import { createTLStore, defaultBindingUtils, defaultShapeUtils, type TLStore } from 'tldraw'
import { isPrivateRecord } from '../private/isPrivateRecord.ts'
import { templateBindingUtils, templateShapeUtils } from '../templates/index.ts'
import { BoardConnection } from './BoardConnection.ts'

export type SyncedStore = {
  connection: BoardConnection
  store: TLStore
  binding: TldrawYjsBinding
}

export const shapeUtils = [...defaultShapeUtils, ...templateShapeUtils]
export const bindingUtils = [...defaultBindingUtils, ...templateBindingUtils]

/**
 * Opens a board: local copy and server first, then a tldraw store bound to the doc. A brand-new board
 * gets its first page only once the server's state is known (deterministic ids, so two people opening
 * it at once still get one page).
 */
export function useSyncedStore(boardId: string, token: string, role: Role): SyncedStore | null {
  const [synced, setSynced] = useState<SyncedStore | null>(null)

  useEffect(() => {
    const connection = new BoardConnection(boardId, token, role)
    let binding: TldrawYjsBinding | null = null
    let cancelled = false
    void connection.ready().then(({ remote }) => {
      if (cancelled) return
      const store = createTLStore({ shapeUtils, bindingUtils })
      binding = bindTldrawStoreToYDoc({
        store,
        doc: connection.doc,
        // Private notes (private mode) never go into the shared doc; usePrivateNotes keeps them on this device.
        includes: (record) => !isPrivateRecord(record),
        onInvalidRecord: (report) =>
          console.warn('board record set aside', report.id, report.reason, report.error),
      })
      const initialise = () => {
        if (!cancelled && role !== 'observer')
          ensureBoardInitialised(connection.doc, store, { pageName: i18next.t('board.defaultPageName') })
      }
      // Offline on a first visit, tldraw's own integrity check makes the same deterministic page.
      if (remote) initialise()
      else void connection.whenRemoteSynced().then(initialise)
      setSynced({ connection, store, binding })
    })
    return () => {
      cancelled = true
      binding?.dispose()
      connection.destroy()
      setSynced(null)
    }
  }, [boardId, token, role])

  return synced
}
