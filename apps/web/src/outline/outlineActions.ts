import {
  baathouderCardShape,
  type PrioriteringColumn,
  type Schil,
  type TensionStatus,
  tensionCardShape,
  valueCardShape,
} from '@waardentafel/domain'
import { createShapeId, type Editor, type TLShapeId, toRichText } from 'tldraw'
import { moveBaathouderTo, moveTensionTo, moveValueCardTo } from '../templates/actions/moveCard.ts'
import {
  BAATHOUDER_CARD_SIZE,
  TENSION_CARD_SIZE,
  TITLE_H,
  VALUE_CARD_SIZE,
} from '../templates/layout/templateLayout.ts'

// What the outline does to the board. Every change goes through the tldraw editor (and so through the
// shared Y.Doc), and every move through the canvas's own "Verplaats naar …" commands, so a card placed from
// the outline lands exactly where the keyboard or a drag would put it.

/** Acts on the page a shape is on: the move commands look for free spots on the current page. */
export function showPageOf(editor: Editor, id: string): boolean {
  const shape = editor.getShape(id as TLShapeId)
  if (!shape) return false
  const pageId = editor.getAncestorPageId(shape)
  if (pageId && pageId !== editor.getCurrentPageId()) editor.setCurrentPage(pageId)
  return true
}

/** Page coordinates of a template's centre, where a new card starts before it is moved to its spot. */
function centreOf(editor: Editor, templateId: string, size: { w: number; h: number }) {
  const bounds = editor.getShapePageBounds(templateId as TLShapeId)
  const c = bounds?.center ?? editor.getViewportPageBounds().center
  return { x: c.x - size.w / 2, y: c.y - size.h / 2 }
}

export function moveCard(editor: Editor, id: string, place: string): boolean {
  const shape = editor.getShape(id as TLShapeId)
  if (!shape || !showPageOf(editor, id)) return false
  if (shape.type === 'wt-value-card') return moveValueCardTo(editor, shape.id, place as PrioriteringColumn)
  if (shape.type === 'wt-tension-card') return moveTensionTo(editor, shape.id, place as TensionStatus)
  if (shape.type === 'wt-baathouder-card') return moveBaathouderTo(editor, shape.id, Number(place) as Schil)
  return false
}

export function addValue(editor: Editor, templateId: string, name: string): TLShapeId {
  showPageOf(editor, templateId)
  const id = createShapeId()
  editor.run(() => {
    editor.createShape({
      id,
      type: 'wt-value-card',
      ...centreOf(editor, templateId, VALUE_CARD_SIZE),
      props: { ...valueCardShape.defaultProps(), ...VALUE_CARD_SIZE, valueKey: 'custom', name },
    })
    moveValueCardTo(editor, id, 'nog-te-plaatsen')
  })
  return id
}

export function addBaathouder(editor: Editor, templateId: string, name: string, ring: Schil): TLShapeId {
  showPageOf(editor, templateId)
  const id = createShapeId()
  editor.run(() => {
    editor.createShape({
      id,
      type: 'wt-baathouder-card',
      ...centreOf(editor, templateId, BAATHOUDER_CARD_SIZE),
      props: { ...baathouderCardShape.defaultProps(), ...BAATHOUDER_CARD_SIZE, name },
    })
    moveBaathouderTo(editor, id, ring)
  })
  return id
}

export function addTension(editor: Editor, templateId: string, name: string): TLShapeId {
  showPageOf(editor, templateId)
  const id = createShapeId()
  editor.run(() => {
    editor.createShape({
      id,
      type: 'wt-tension-card',
      ...centreOf(editor, templateId, TENSION_CARD_SIZE),
      props: { ...tensionCardShape.defaultProps(), ...TENSION_CARD_SIZE, name },
    })
    moveTensionTo(editor, id, 'benoemd')
  })
  return id
}

const NOTE = 200
const NOTE_GAP = 24

/** A note inside a PvW frame (a free entry of that part), in the next spot of a simple grid. */
export function addNoteToFrame(editor: Editor, frameId: string, text: string): TLShapeId | null {
  const frame = editor.getShape(frameId as TLShapeId)
  if (frame?.type !== 'wt-pvw-frame') return null
  showPageOf(editor, frameId)
  const n = editor.getSortedChildIdsForParent(frame.id).length
  const perRow = Math.max(1, Math.floor((frame.props.w - NOTE_GAP) / (NOTE + NOTE_GAP)))
  const id = createShapeId()
  editor.createShape({
    id,
    type: 'note',
    parentId: frame.id,
    x: NOTE_GAP + (n % perRow) * (NOTE + NOTE_GAP),
    y: Math.min(
      TITLE_H + NOTE_GAP + Math.floor(n / perRow) * (NOTE + NOTE_GAP),
      frame.props.h - NOTE - NOTE_GAP,
    ),
    props: { richText: toRichText(text) },
  })
  return id
}

/** A free note in the middle of what the canvas shows now. */
export function addFreeNote(editor: Editor, text: string): TLShapeId {
  const id = createShapeId()
  const c = editor.getViewportPageBounds().center
  editor.createShape({
    id,
    type: 'note',
    x: c.x - NOTE / 2,
    y: c.y - NOTE / 2,
    props: { richText: toRichText(text) },
  })
  return id
}

export function removeCard(editor: Editor, id: string): void {
  editor.deleteShapes([id as TLShapeId])
}

/** Selects the card on the canvas and brings it into view. */
export function showOnCanvas(editor: Editor, id: string): void {
  if (!showPageOf(editor, id)) return
  editor.select(id as TLShapeId)
  editor.zoomToSelection({ animation: { duration: 300 } })
}
