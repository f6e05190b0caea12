import {
  frameOf,
  type Placed,
  type PrioriteringColumn,
  type PrioriteringProps,
  type PvwFrameProps,
  prioriteringColumnOf,
  type RingPosition,
  type SchillenProps,
  type SpanningenProps,
  schilOf,
  spanningenStatusOf,
  type Template,
  type TensionStatus,
} from '@waardentafel/domain'
import { type Computed, computed, type Editor, type TLShape, type TLShapeId } from 'tldraw'

// The domain derives a card's class, ring, status and PvW part from geometry (docs/board-schema.md). Here we
// feed it live positions from the editor, so a label is right the moment a card moves, for everyone, with no
// stored copy that could disagree. Template lists are reactive queries cached per editor: a card recomputes
// only when it or a template moves, not when any other shape changes.

/** The card as the domain sees it: page transform, ancestors, paint order and centre. */
export function placedOf(editor: Editor, shape: TLShape): Placed | null {
  const pageId = editor.getAncestorPageId(shape)
  if (!pageId) return null
  const matrix = editor.getShapePageTransform(shape)
  const { x, y, rotation } = matrix.decompose()
  const local = editor.getShapeGeometry(shape).bounds
  const ancestors = editor.getShapeAncestors(shape)
  return {
    id: shape.id,
    pageId,
    transform: { x, y, rotation },
    ancestors: ancestors.map((a) => a.id),
    zPath: [...ancestors.map((a) => a.index), shape.index],
    centre: matrix.applyToPoint(local.center),
  }
}

/** Reads the shape afresh, so a caller holding an older record (before a reparent) still gets today's answer. */
function placedOfId(editor: Editor, id: TLShapeId): Placed | null {
  const shape = editor.getShape(id)
  return shape ? placedOf(editor, shape) : null
}

type Templates = {
  prioritering: Computed<Template<PrioriteringProps>[]>
  schillen: Computed<Template<SchillenProps>[]>
  spanningen: Computed<Template<SpanningenProps>[]>
  frames: Computed<Template<PvwFrameProps>[]>
  notes: Computed<TLShape[]>
  valueCards: Computed<TLShape[]>
}

// Keyed by editor so that the queries live exactly as long as the editor does.
const cache = new WeakMap<Editor, Templates>()

function templatesOf<P>(editor: Editor, type: TLShape['type']): Computed<Template<P>[]> {
  const query = editor.store.query.records('shape', () => ({ type: { eq: type } }))
  return computed(`wt templates ${type}`, () =>
    query.get().flatMap((shape) => {
      const placed = placedOf(editor, shape)
      return placed ? [{ ...placed, props: shape.props as P }] : []
    }),
  )
}

export function liveTemplates(editor: Editor): Templates {
  let found = cache.get(editor)
  if (!found) {
    found = {
      prioritering: templatesOf<PrioriteringProps>(editor, 'wt-prioritering'),
      schillen: templatesOf<SchillenProps>(editor, 'wt-schillen'),
      spanningen: templatesOf<SpanningenProps>(editor, 'wt-spanningen'),
      frames: templatesOf<PvwFrameProps>(editor, 'wt-pvw-frame'),
      notes: editor.store.query.records('shape', () => ({ type: { eq: 'note' } })),
      valueCards: editor.store.query.records('shape', () => ({ type: { eq: 'wt-value-card' } })),
    }
    cache.set(editor, found)
  }
  return found
}

export function columnOfCard(
  editor: Editor,
  cardId: TLShapeId,
): { column: PrioriteringColumn; templateId: string } | null {
  const placed = placedOfId(editor, cardId)
  return placed && prioriteringColumnOf(placed, liveTemplates(editor).prioritering.get())
}

export function ringOfCard(
  editor: Editor,
  cardId: TLShapeId,
): { ring: Exclude<RingPosition, null>; templateId: string } | null {
  const placed = placedOfId(editor, cardId)
  return placed && schilOf(placed, liveTemplates(editor).schillen.get())
}

export function statusOfCard(
  editor: Editor,
  cardId: TLShapeId,
): { status: TensionStatus; templateId: string } | null {
  const placed = placedOfId(editor, cardId)
  return placed && spanningenStatusOf(placed, liveTemplates(editor).spanningen.get())
}

/** Notes whose centre lies in this frame (and in no frame nested deeper or painted above it). */
export function notesInFrame(editor: Editor, frameId: string): number {
  const frames = liveTemplates(editor).frames.get()
  let count = 0
  for (const note of liveTemplates(editor).notes.get()) {
    const placed = placedOf(editor, note)
    if (placed && frameOf(placed, frames)?.id === frameId) count++
  }
  return count
}
