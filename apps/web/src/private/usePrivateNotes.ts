import { FACILITATION_MAP, type PrivateMode, PrivateModeSchema, type Role } from '@waardentafel/protocol'
import { bindTldrawStoreToYDoc } from '@waardentafel/tldraw-yjs'
import { useEffect, useState } from 'react'
import type { Editor, TLShape } from 'tldraw'
import { IndexeddbPersistence } from 'y-indexeddb'
import * as Y from 'yjs'
import { isPrivateRecord } from './isPrivateRecord.ts'

const OFF: PrivateMode = { on: false, revealSeq: 0 }

/** The facilitator's private-mode setting, live from the shared doc. */
export function usePrivateMode(shared: Y.Doc | null): PrivateMode {
  const [mode, setMode] = useState<PrivateMode>(OFF)
  useEffect(() => {
    if (!shared) return
    const map = shared.getMap(FACILITATION_MAP)
    const read = () => {
      const parsed = PrivateModeSchema.safeParse(map.get('privateMode'))
      setMode(parsed.success ? parsed.data : OFF)
    }
    read()
    map.observe(read)
    return () => map.unobserve(read)
  }, [shared])
  return mode
}

/**
 * Private notes: while private mode is on, a participant's new notes are marked private and live only in a
 * local-only Y.Doc on this device (kept in IndexedDB, never sent) — the shared binding leaves them out, so no
 * other browser, and not the server, receives them. When the facilitator reveals, this device moves its private
 * notes onto the shared board. Returns how many private notes this device holds.
 */
export function usePrivateNotes(
  editor: Editor | null,
  boardId: string,
  role: Role,
  mode: PrivateMode,
): number {
  const [count, setCount] = useState(0)

  // The local-only doc, bound to the same store for private records only.
  useEffect(() => {
    if (!editor || role === 'observer') return
    const doc = new Y.Doc()
    const local = new IndexeddbPersistence(`waardentafel:${boardId}:private`, doc)
    let binding: ReturnType<typeof bindTldrawStoreToYDoc> | null = null
    let disposed = false
    void local.whenSynced.then(() => {
      if (disposed) return
      binding = bindTldrawStoreToYDoc({
        store: editor.store,
        doc,
        includes: isPrivateRecord,
        waitForDocumentRecord: false,
      })
    })
    const recount = () => setCount(editor.getCurrentPageShapes().filter((s) => isPrivateRecord(s)).length)
    recount()
    const stop = editor.store.listen(recount, { scope: 'document' })
    return () => {
      disposed = true
      stop()
      binding?.dispose()
      void local.destroy()
      doc.destroy()
    }
  }, [editor, boardId, role])

  // New notes made here while private mode is on are private. Only this person's ('user'): a note arriving from the
  // shared doc ('remote' — another person's revealed note, the facilitator's note) stays as it came.
  useEffect(() => {
    if (!editor || role !== 'participant' || !mode.on) return
    return editor.sideEffects.registerBeforeCreateHandler('shape', (shape: TLShape, source) =>
      source === 'user' && shape.type === 'note'
        ? { ...shape, meta: { ...shape.meta, private: true } }
        : shape,
    )
  }, [editor, role, mode.on])

  // A reveal this device has not yet acted on: publish every private note.
  useEffect(() => {
    if (!editor || role === 'observer' || mode.revealSeq === 0) return
    const key = `waardentafel.revealed.${boardId}`
    if (Number(localStorage.getItem(key) ?? 0) >= mode.revealSeq) return
    const mine = editor.store
      .allRecords()
      .filter((r): r is TLShape => r.typeName === 'shape' && isPrivateRecord(r))
    if (mine.length > 0) {
      editor.run(() => {
        editor.updateShapes(
          mine.map((s) => ({ id: s.id, type: s.type, meta: { ...s.meta, private: false } })),
        )
      })
    }
    localStorage.setItem(key, String(mode.revealSeq))
  }, [editor, boardId, role, mode.revealSeq])

  return count
}
