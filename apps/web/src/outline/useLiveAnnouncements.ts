import { RECORDS_MAP_NAME } from '@waardentafel/tldraw-yjs'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import type { Editor, TLRecord } from 'tldraw'
import type * as Y from 'yjs'
import { z } from 'zod'
import type { BoardConnection } from '../board/BoardConnection.ts'
import { type CardFacts, cardFacts, placeLabel } from './cardPlace.ts'
import { createBatcher, formatChanges } from './liveChanges.ts'

/** Long enough to merge a drag or a burst of edits, short enough to still feel live. */
export const ANNOUNCE_WINDOW_MS = 1500

// Awareness states come from other browsers: parsed, never trusted.
const peerName = z.object({ user: z.object({ name: z.string().max(200) }) })

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
  connection: BoardConnection,
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

    const known = new Map<string, CardFacts>()
    const see = (record: TLRecord) => {
      if (record.typeName !== 'shape') return null
      const facts = cardFacts(editor, record, t)
      if (facts) known.set(record.id, facts)
      return facts
    }
    for (const record of editor.store.allRecords()) see(record)

    // Until the server's state is in, everything arriving is the board loading, not news.
    let live = false
    let disposed = false
    void connection.whenRemoteSynced().then(() => {
      if (disposed) return
      for (const record of editor.store.allRecords()) see(record)
      live = true
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
        for (const record of Object.values(changes.added)) {
          const who = author(record.id)
          const facts = see(record)
          if (news && who && facts)
            batcher.push({ id: record.id, ...facts, type: 'added', from: null, to: facts.place, who })
        }
        for (const [, record] of Object.values(changes.updated)) {
          const who = author(record.id)
          const before = known.get(record.id)
          const facts = see(record)
          if (news && who && facts && before && before.place !== facts.place)
            batcher.push({ id: record.id, ...facts, type: 'moved', from: before.place, to: facts.place, who })
        }
        for (const record of Object.values(changes.removed)) {
          const who = author(record.id)
          const before = known.get(record.id)
          known.delete(record.id)
          if (news && who && before)
            batcher.push({ id: record.id, ...before, type: 'removed', from: before.place, to: null, who })
        }
      },
      { scope: 'document' },
    )
    return () => {
      disposed = true
      stop()
      batcher.dispose()
      doc.off('afterTransaction', onTransaction)
      awareness.off('change', rememberNames)
    }
  }, [editor, connection, announce, t])
}
