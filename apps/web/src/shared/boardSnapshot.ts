import { BOARD_SNAPSHOT_FORMAT, BOARD_SNAPSHOT_VERSION, type BoardSnapshot } from '@waardentafel/domain'
import type { Editor } from 'tldraw'

/** The board as the domain reads it: the document-scoped records of the live store, nothing local. */
export function boardSnapshot(editor: Editor, board: { id: string; title: string }): BoardSnapshot {
  const documentTypes = editor.store.scopedTypes.document
  const records = editor.store.allRecords().filter((r) => documentTypes.has(r.typeName))
  return {
    format: BOARD_SNAPSHOT_FORMAT,
    version: BOARD_SNAPSHOT_VERSION,
    board: { id: board.id, title: board.title },
    schema: { sequences: editor.store.schema.serialize().sequences },
    records,
  }
}
