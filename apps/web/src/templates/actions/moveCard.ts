import {
  PRIORITERING_COLUMNS,
  type PrioriteringColumn,
  type Schil,
  SPANNINGEN_COLUMNS,
  type TensionStatus,
} from '@waardentafel/domain'
import type { Editor, TLShapeId } from 'tldraw'
import { columnOfCard, ringOfCard, statusOfCard } from '../derive/livePlacement.ts'
import { freeSlotInArea, freeSlotInRing } from '../layout/freeSlot.ts'
import { columnArea, ringBand } from '../layout/templateLayout.ts'
import { placeInTemplate, takenRects, targetTemplate } from './templateTargets.ts'

// The keyboard (and touch) alternative to dragging: "Verplaats naar …" puts the card in the chosen column or
// ring, in the first spot where it covers no other card. The class, status or schil then follows from the
// new position exactly as after a drag, so there is one rule for both.

export function moveValueCardTo(editor: Editor, cardId: TLShapeId, column: PrioriteringColumn): boolean {
  const card = editor.getShape(cardId)
  if (card?.type !== 'wt-value-card') return false
  const template = targetTemplate(
    editor,
    'wt-prioritering',
    (columnOfCard(editor, cardId)?.templateId ?? null) as TLShapeId | null,
  )
  if (!template) return false
  const area = columnArea(
    template.props.w,
    template.props.h,
    PRIORITERING_COLUMNS.length,
    PRIORITERING_COLUMNS.indexOf(column),
  )
  const slot = freeSlotInArea(area, card.props, takenRects(editor, template, 'wt-value-card', cardId))
  placeInTemplate(editor, card, template, slot.x, slot.y)
  return true
}

export function moveTensionTo(editor: Editor, cardId: TLShapeId, status: TensionStatus): boolean {
  const card = editor.getShape(cardId)
  if (card?.type !== 'wt-tension-card') return false
  const template = targetTemplate(
    editor,
    'wt-spanningen',
    (statusOfCard(editor, cardId)?.templateId ?? null) as TLShapeId | null,
  )
  if (!template) return false
  const area = columnArea(
    template.props.w,
    template.props.h,
    SPANNINGEN_COLUMNS.length,
    SPANNINGEN_COLUMNS.indexOf(status),
  )
  const slot = freeSlotInArea(area, card.props, takenRects(editor, template, 'wt-tension-card', cardId))
  placeInTemplate(editor, card, template, slot.x, slot.y)
  return true
}

export function moveBaathouderTo(editor: Editor, cardId: TLShapeId, ring: Schil): boolean {
  const card = editor.getShape(cardId)
  if (card?.type !== 'wt-baathouder-card') return false
  const template = targetTemplate(
    editor,
    'wt-schillen',
    (ringOfCard(editor, cardId)?.templateId ?? null) as TLShapeId | null,
  )
  if (!template) return false
  const half = template.props.w / 2
  const band = ringBand(template.props.w)
  const slot = freeSlotInRing(
    { centre: { x: half, y: half }, inner: ring * band, outer: (ring + 1) * band },
    card.props,
    takenRects(editor, template, 'wt-baathouder-card', cardId),
  )
  placeInTemplate(editor, card, template, slot.x, slot.y)
  return true
}

/** Alt+1…Alt+4 on the one selected card: the n-th column, status or schil. */
export function moveSelectedByNumber(editor: Editor, n: number): boolean {
  const card = editor.getOnlySelectedShape()
  if (!card) return false
  if (card.type === 'wt-value-card') {
    const column = PRIORITERING_COLUMNS[n - 1]
    return column ? moveValueCardTo(editor, card.id, column) : false
  }
  if (card.type === 'wt-tension-card') {
    const status = SPANNINGEN_COLUMNS[n - 1]
    return status ? moveTensionTo(editor, card.id, status) : false
  }
  if (card.type === 'wt-baathouder-card' && n >= 1 && n <= 4) {
    return moveBaathouderTo(editor, card.id, n as Schil)
  }
  return false
}
