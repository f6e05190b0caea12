import type { Editor, TLShape, TLShapeId } from 'tldraw'
import type { Rect } from '../layout/freeSlot.ts'
import type { PrioriteringShape, SchillenShape, SpanningenShape } from '../schema/shapeTypes.ts'

// Helpers shared by the insert and move commands: which template a command acts on, and which spots in it are
// already taken. Templates are never rotated by the app (their rotate handle is hidden), so page and local
// coordinates differ by a translation only.

type Kind = 'wt-prioritering' | 'wt-schillen' | 'wt-spanningen'
type ShapeOf<K extends Kind> = K extends 'wt-prioritering'
  ? PrioriteringShape
  : K extends 'wt-schillen'
    ? SchillenShape
    : SpanningenShape

/** The template of this kind that a card belongs to, else the one nearest the viewport centre on this page. */
export function targetTemplate<K extends Kind>(
  editor: Editor,
  kind: K,
  current: TLShapeId | null = null,
): ShapeOf<K> | null {
  if (current) {
    const shape = editor.getShape(current)
    if (shape?.type === kind) return shape as ShapeOf<K>
  }
  const centre = editor.getViewportPageBounds().center
  let best: { shape: ShapeOf<K>; distance: number } | null = null
  for (const shape of editor.getCurrentPageShapes()) {
    if (shape.type !== kind) continue
    const bounds = editor.getShapePageBounds(shape)
    if (!bounds) continue
    const distance = Math.hypot(bounds.center.x - centre.x, bounds.center.y - centre.y)
    if (!best || distance < best.distance) best = { shape: shape as ShapeOf<K>, distance }
  }
  return best?.shape ?? null
}

/** Page bounds of the cards of `type` on this page, as rectangles in `template`'s local space. */
export function takenRects(
  editor: Editor,
  template: TLShape,
  type: TLShape['type'],
  except: TLShapeId | null,
): Rect[] {
  const origin = editor.getShapePageTransform(template).applyToPoint({ x: 0, y: 0 })
  const rects: Rect[] = []
  for (const shape of editor.getCurrentPageShapes()) {
    if (shape.type !== type || shape.id === except) continue
    const b = editor.getShapePageBounds(shape)
    if (b) rects.push({ x: b.x - origin.x, y: b.y - origin.y, w: b.w, h: b.h })
  }
  return rects
}

/** Puts a card at local (x, y) of a template, as its child, in one step. */
export function placeInTemplate(
  editor: Editor,
  card: TLShape,
  template: TLShape,
  x: number,
  y: number,
): void {
  editor.run(() => {
    if (card.parentId !== template.id) editor.reparentShapes([card.id], template.id)
    editor.updateShape({ id: card.id, type: card.type, x, y })
  })
}
