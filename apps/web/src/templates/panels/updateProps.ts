import type { Editor, TLShape, TLShapePartial } from 'tldraw'

/** Writes some props of a shape; tldraw validates the result, so a wrong value never reaches the board. */
export function updateProps<S extends TLShape>(editor: Editor, shape: S, props: Partial<S['props']>): void {
  editor.updateShape({ id: shape.id, type: shape.type, props } as TLShapePartial)
}
