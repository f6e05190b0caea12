import { RECORDS_MAP_NAME } from '@waardentafel/tldraw-yjs'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import type { Editor, TLRecord } from 'tldraw'
import type * as Y from 'yjs'
import { z } from 'zod'
import type { LiveConnection } from '../shared/LiveConnection.ts'
import { cardKind, cardName, cardPlace, placeLabel } from './cardPlace.ts'
import { type CardChange, createBatcher, formatChanges, type PlaceKey } from './liveChanges.ts'

/** Long enough to merge a drag or a burst of edits, short enough to still feel live. */
export const ANNOUNCE_WINDOW_MS = 1500

// Awareness states come from other browsers: parsed, never trusted.
const peerName = z.object({ user: z.object({ name: z.string().max(200) }) })

type Deadline = { timeRemaining(): number }

// requestIdleCallback where the browser has it (not Safari); elsewhere a short timer with an 8 ms slice.
function whenIdle(run: (deadline: Deadline) => void): number {
  if (typeof requestIdleCallback === 'function') return requestIdleCallback(run, { timeout: 500 })
  return window.setTimeout(() => {
    const end = performance.now() + 8
    run({ timeRemaining: () => end - performance.now() })
  }, 1)
}

function cancelIdle(handle: number): void {
  if (typeof cancelIdleCallback === 'function') cancelIdleCallback(handle)
  else clearTimeout(handle)
}

/** The id of the board record a changed Yjs type belongs to (records map → record map → nested field). */
// biome-ignore lint/suspicious/noExplicitAny: Yjs types its changed types as AbstractType<YEvent<any>>
type AnyType = Y.AbstractType<any>

function recordIdOf(type: AnyType, records: AnyType): string | null {
  let current: AnyType | null = type
  while (current?._item) {
    const parent = current._item.parent as AnyType | null
    if (parent === records) return current._item.parentSub
    current = parent
  }
  return null
}

/**
 * Announces other people's moves, additions and removals of cards through `announce`, batched. Authors are
 * read from the Yjs update (which clients' clocks advanced) and named from awareness; our own edits, undo
 * and the initial load from the server are never announced.
 */
export function useLiveAnnouncements(
  editor: Editor | null,
  connection: LiveConnection,
  announce: (text: string) => void,
): void {
  const { t } = useTranslation()
  useEffect(() => {
    if (!editor) return
    const { doc, provider } = connection
    const awareness = provider.awareness
    const records: AnyType = doc.getMap(RECORDS_MAP_NAME)
    const names = new Map<number, string>()
    const rememberNames = () => {
      for (const [client, state] of awareness.getStates()) {
        const parsed = peerName.safeParse(state)
        if (parsed.success) names.set(client, parsed.data.user.name)
      }
    }
    rememberNames()
    awareness.on('change', rememberNames)

    // Where each card stood at the last change we saw: a move is announced with where it came from.
    const known = new Map<string, PlaceKey>()
    const see = (record: TLRecord) => {
      if (record.typeName !== 'shape') return null
      const place = cardPlace(editor, record)
      if (place) known.set(record.id, place)
      return place
    }

    // Until the server's state is in and every card's place is known, everything arriving is the board loading,
    // not news. The places are read in idle time, a slice at a time, so a big board is drawn first.
    let live = false
    let disposed = false
    let idle: ReturnType<typeof whenIdle> | null = null
    void connection.whenRemoteSynced().then(() => {
      if (disposed) return
      const ids = [...editor.store.query.ids('shape').get()]
      let next = 0
      const scan = (deadline: Deadline) => {
        idle = null
        if (disposed) return
        // At least a few ms per call: a callback forced by its timeout has no idle time left, but must progress.
        const end = performance.now() + Math.max(deadline.timeRemaining() - 1, 4)
        while (next < ids.length && performance.now() < end) {
          const id = ids[next++] as string
          const record = editor.store.get(id as TLRecord['id'])
          if (record && !known.has(id)) see(record)
        }
        if (next < ids.length) idle = whenIdle(scan)
        else live = true
      }
      idle = whenIdle(scan)
    })

    const authors = new Map<string, string[]>()
    const onTransaction = (tr: Y.Transaction) => {
      if (tr.origin !== provider) return
      const who: string[] = []
      for (const [client, clock] of tr.afterState) {
        if ((tr.beforeState.get(client) ?? 0) < clock && client !== doc.clientID) {
          const name = names.get(client)
          if (name && !who.includes(name)) who.push(name)
        }
      }
      for (const type of tr.changed.keys()) {
        if (type === records) {
          for (const key of tr.changed.get(type) ?? []) if (key) authors.set(key, who)
        } else {
          const id = recordIdOf(type, records)
          if (id) authors.set(id, who)
        }
      }
    }
    doc.on('afterTransaction', onTransaction)

    const batcher = createBatcher(ANNOUNCE_WINDOW_MS, (changes) => {
      const say = (key: string, options?: Record<string, unknown>) => String(t(key, options as never))
      const text = formatChanges(changes, say, (place) => placeLabel(place, t))
      if (text) announce(text)
    })

    const stop = editor.store.listen(
      ({ changes, source }) => {
        const news = source === 'remote' && live
        const author = (id: string) => {
          const who = authors.get(id)
          authors.delete(id)
          return who
        }
        const push = (
          record: TLRecord,
          type: CardChange['type'],
          from: PlaceKey | null,
          to: PlaceKey | null,
        ) => {
          const who = author(record.id)
          if (!news || !who || record.typeName !== 'shape') return
          const kind = cardKind(record)
          if (kind) batcher.push({ id: record.id, kind, name: cardName(record, t), type, from, to, who })
        }
        for (const record of Object.values(changes.added)) {
          const place = see(record)
          if (place) push(record, 'added', null, place)
          else author(record.id)
        }
        for (const [, record] of Object.values(changes.updated)) {
          const before = known.get(record.id)
          const place = see(record)
          if (place && before && before !== place) push(record, 'moved', before, place)
          else author(record.id)
        }
        for (const record of Object.values(changes.removed)) {
          const before = known.get(record.id)
          known.delete(record.id)
          if (before) push(record, 'removed', before, null)
          else author(record.id)
        }
      },
      { scope: 'document' },
    )
    return () => {
      disposed = true
      if (idle) cancelIdle(idle)
      stop()
      batcher.dispose()
      doc.off('afterTransaction', onTransaction)
      awareness.off('change', rememberNames)
    }
  }, [editor, connection, announce, t])
}
