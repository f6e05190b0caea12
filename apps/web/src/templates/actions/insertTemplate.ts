import {
  PRIORITERING_COLUMNS,
  PVW_FRAME_PARTS,
  prioriteringShape,
  pvwFrameDefaultProps,
  schillenShape,
  spanningenShape,
  VALUE_DEFINITIONS,
  valueCardShape,
} from '@waardentafel/domain'
import { type Box, createShapeId, type Editor, PageRecordType, type TLShapeId } from 'tldraw'
import { freeSlotInArea, type Rect } from '../layout/freeSlot.ts'
import {
  columnArea,
  PRIORITERING_SIZE,
  SCHILLEN_W,
  SPANNINGEN_SIZE,
  VALUE_CARD_SIZE,
} from '../layout/templateLayout.ts'

export const TEMPLATE_KINDS = ['prioritering', 'schillen', 'spanningen', 'pvw'] as const
export type TemplateKind = (typeof TEMPLATE_KINDS)[number]

/** Stored titles are Dutch: the board is shared, and Dutch is the working language of the method. */
const TITLES: Record<TemplateKind, string> = {
  prioritering: 'Waarden-prioritering',
  schillen: 'Schillendiagram',
  spanningen: 'Spanningenmuur',
  pvw: 'PvW-kaders (A, C, E, F)',
}

const GAP = 240
const PVW_GAP = 100

/** Top-left for new content: right of what is on the page already, so nothing gets covered. */
function freeOrigin(editor: Editor): { x: number; y: number } {
  const bounds = editor.getCurrentPageBounds()
  return bounds ? { x: Math.round(bounds.maxX + GAP), y: Math.round(bounds.minY) } : { x: 0, y: 0 }
}

function insertPrioritering(editor: Editor, at: { x: number; y: number }): TLShapeId[] {
  const id = createShapeId()
  const { w, h } = PRIORITERING_SIZE
  editor.createShape({
    id,
    type: 'wt-prioritering',
    ...at,
    props: { ...prioriteringShape.defaultProps(), w, h, title: TITLES.prioritering },
  })
  // The twelve values start in "Nog te plaatsen"; the group places them by moving them.
  const area = columnArea(w, h, PRIORITERING_COLUMNS.length, PRIORITERING_COLUMNS.indexOf('nog-te-plaatsen'))
  const taken: Rect[] = []
  editor.createShapes(
    VALUE_DEFINITIONS.map((value) => {
      const slot = freeSlotInArea(area, VALUE_CARD_SIZE, taken)
      taken.push(slot)
      return {
        id: createShapeId(),
        type: 'wt-value-card' as const,
        parentId: id,
        x: slot.x,
        y: slot.y,
        props: {
          ...valueCardShape.defaultProps(),
          ...VALUE_CARD_SIZE,
          valueKey: value.key,
          name: value.label,
        },
      }
    }),
  )
  return [id]
}

function insertSchillen(editor: Editor, at: { x: number; y: number }): TLShapeId[] {
  const id = createShapeId()
  editor.createShape({
    id,
    type: 'wt-schillen',
    ...at,
    props: { ...schillenShape.defaultProps(), w: SCHILLEN_W },
  })
  return [id]
}

function insertSpanningen(editor: Editor, at: { x: number; y: number }): TLShapeId[] {
  const id = createShapeId()
  editor.createShape({
    id,
    type: 'wt-spanningen',
    ...at,
    props: { ...spanningenShape.defaultProps(), ...SPANNINGEN_SIZE, title: TITLES.spanningen },
  })
  return [id]
}

function insertPvw(editor: Editor, at: { x: number; y: number }): TLShapeId[] {
  return PVW_FRAME_PARTS.map((part, i) => {
    const props = pvwFrameDefaultProps(part)
    const id = createShapeId()
    editor.createShape({
      id,
      type: 'wt-pvw-frame',
      x: at.x + (i % 2) * (props.w + PVW_GAP),
      y: at.y + Math.floor(i / 2) * (props.h + PVW_GAP),
      props,
    })
    return id
  })
}

const INSERTERS: Record<TemplateKind, (editor: Editor, at: { x: number; y: number }) => TLShapeId[]> = {
  prioritering: insertPrioritering,
  schillen: insertSchillen,
  spanningen: insertSpanningen,
  pvw: insertPvw,
}

/**
 * Inserts a template on the current page (beside what is there) or on a new page named after it, then shows
 * it, beside the side panel.
 */
export function insertTemplate(editor: Editor, kind: TemplateKind, onNewPage: boolean): TLShapeId[] {
  let ids: TLShapeId[] = []
  editor.run(() => {
    if (onNewPage) {
      const pageId = PageRecordType.createId()
      editor.createPage({ id: pageId, name: TITLES[kind] })
      editor.setCurrentPage(pageId)
    }
    ids = INSERTERS[kind](editor, freeOrigin(editor))
    // Templates go behind everything, except the spanningen-wall: its tension cards draw connectors to value
    // cards on the prioritering, and those must not disappear under the prioritering's columns.
    if (kind !== 'spanningen') editor.sendToBack(ids)
    editor.selectNone()
  })
  const bounds = editor.getShapesPageBounds(ids)
  if (bounds) showBeside(editor, bounds, PANEL_SPACE)
  return ids
}

/** Room the side panel takes on the left of the canvas, in screen pixels. */
const PANEL_SPACE = 340
const MARGIN = 24

/** Fits `bounds` into the part of the viewport that the side panel leaves free. */
export function showBeside(editor: Editor, bounds: Box, left: number): void {
  const screen = editor.getViewportScreenBounds()
  const freeW = Math.max(200, screen.w - left - 2 * MARGIN)
  const freeH = Math.max(200, screen.h - 2 * MARGIN)
  const z = Math.min(1, freeW / bounds.w, freeH / bounds.h)
  const x = left + MARGIN + (freeW - bounds.w * z) / 2
  editor.setCamera({ x: x / z - bounds.x, y: MARGIN / z - bounds.y, z })
}
