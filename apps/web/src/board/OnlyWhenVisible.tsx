import type { ReactNode } from 'react'
import { type TLShapeId, useEditor, useSvgExportContext, useValue } from 'tldraw'

/**
 * A shape's content, drawn only while the shape is on screen. tldraw mounts every shape of the page and hides
 * the ones outside the viewport (culled); on a board with thousands of cards, drawing their content anyway was
 * most of opening it. The selected and the edited shape are never culled; exports (which render the component
 * for shapes without toSvg) always get the content.
 */
export function OnlyWhenVisible({ id, children }: { id: TLShapeId; children: ReactNode }) {
  const editor = useEditor()
  const exporting = useSvgExportContext() !== null
  const culled = useValue('wt culled', () => !exporting && editor.getCulledShapes().has(id), [
    editor,
    id,
    exporting,
  ])
  return culled ? null : children
}
