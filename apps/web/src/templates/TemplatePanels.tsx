import type { Role } from '@waardentafel/protocol'
import type { Editor } from 'tldraw'

/** Template menu and card panels shown around the canvas. */
export function TemplatePanels(_props: { editor: Editor | null; role: Role }) {
  return null
}
