import { SETUP_MAP, SETUP_TEMPLATE_KEY } from '@waardentafel/protocol'
import type { Editor } from 'tldraw'
import type * as Y from 'yjs'
import { insertTemplate, TEMPLATE_KINDS } from './insertTemplate.ts'

/**
 * A board made "from the Quickscan template" on the home page says so in its document (`SETUP_MAP`, written by the
 * server when it made the board). The first facilitator to open it while its page is still empty lays the
 * Quickscan out: the waarden-prioritering with the twelve values, the schillendiagram, the spanningenmuur and the
 * PvW frames. Returns whether it did.
 */
export function applyBoardSetup(editor: Editor, doc: Y.Doc): boolean {
  if (doc.getMap<unknown>(SETUP_MAP).get(SETUP_TEMPLATE_KEY) !== 'quickscan') return false
  if (editor.getCurrentPageShapeIds().size > 0) return false
  editor.run(() => {
    for (const kind of TEMPLATE_KINDS) insertTemplate(editor, kind, false)
  })
  return true
}
