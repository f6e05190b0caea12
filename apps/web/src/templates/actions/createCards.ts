import {
  type BaathouderType,
  baathouderCardShape,
  tensionCardShape,
  valueCardShape,
} from '@waardentafel/domain'
import { createShapeId, type Editor, type TLShapeId } from 'tldraw'
import { BAATHOUDER_CARD_SIZE, TENSION_CARD_SIZE, VALUE_CARD_SIZE } from '../layout/templateLayout.ts'
import { moveBaathouderTo, moveTensionTo, moveValueCardTo } from './moveCard.ts'

// Adding cards from the panels. A new card is created at the viewport centre and then moved into its place
// with the same command the keyboard uses, so it lands in a free spot of the right column or ring.

function atViewportCentre(editor: Editor, size: { w: number; h: number }) {
  const c = editor.getViewportPageBounds().center
  return { x: c.x - size.w / 2, y: c.y - size.h / 2 }
}

/** An extra value (cultuurhistorie, identiteit van de plek, ...), weighed like the twelve; starts unplaced. */
export function addCustomValue(editor: Editor, name: string): TLShapeId {
  const id = createShapeId()
  editor.run(() => {
    editor.createShape({
      id,
      type: 'wt-value-card',
      ...atViewportCentre(editor, VALUE_CARD_SIZE),
      props: { ...valueCardShape.defaultProps(), ...VALUE_CARD_SIZE, valueKey: 'custom', name },
    })
    moveValueCardTo(editor, id, 'nog-te-plaatsen')
    editor.select(id)
  })
  return id
}

/** A baathouder from the starter library, in its ring, linked to the board's values it is known to serve. */
export function addBaathouder(editor: Editor, type: BaathouderType): TLShapeId {
  const id = createShapeId()
  const valueIds = editor
    .getCurrentPageShapes()
    .filter(
      (s) =>
        s.type === 'wt-value-card' && (type.suggestedValues as readonly string[]).includes(s.props.valueKey),
    )
    .map((s) => s.id)
  editor.run(() => {
    editor.createShape({
      id,
      type: 'wt-baathouder-card',
      ...atViewportCentre(editor, BAATHOUDER_CARD_SIZE),
      props: {
        ...baathouderCardShape.defaultProps(),
        ...BAATHOUDER_CARD_SIZE,
        name: type.label,
        category: type.key,
        valueIds,
      },
    })
    moveBaathouderTo(editor, id, type.ring)
    editor.select(id)
  })
  return id
}

/** A new tension in "benoemd", linked to the given value cards. */
export function addTension(editor: Editor, valueIds: readonly TLShapeId[]): TLShapeId {
  const id = createShapeId()
  editor.run(() => {
    editor.createShape({
      id,
      type: 'wt-tension-card',
      ...atViewportCentre(editor, TENSION_CARD_SIZE),
      props: { ...tensionCardShape.defaultProps(), ...TENSION_CARD_SIZE },
    })
    moveTensionTo(editor, id, 'benoemd')
    editor.createBindings(
      valueIds.map((toId) => ({ type: 'wt-tension-link' as const, fromId: id, toId, props: {} })),
    )
    editor.select(id)
  })
  return id
}

/** Links or unlinks a value card from a tension card (one wt-tension-link binding per pair). */
export function setTensionLink(
  editor: Editor,
  tensionId: TLShapeId,
  valueId: TLShapeId,
  linked: boolean,
): void {
  const existing = editor.getBindingsFromShape(tensionId, 'wt-tension-link').filter((b) => b.toId === valueId)
  if (linked && existing.length === 0) {
    editor.createBinding({ type: 'wt-tension-link', fromId: tensionId, toId: valueId, props: {} })
  } else if (!linked && existing.length > 0) {
    editor.deleteBindings(existing)
  }
}
