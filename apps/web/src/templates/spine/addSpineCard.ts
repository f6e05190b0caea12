import {
  evidenceCardShape,
  financieringCardShape,
  kernindicatorCardShape,
  kompasOnderbouwingShape,
  koppelkansCardShape,
  STURING_DEFAULT_PROPS,
  type SturingKind,
} from '@waardentafel/domain'
import { Box, createShapeId, type Editor, type TLShapeId } from 'tldraw'
import type { SpineCardType } from './spineShapeTypes.ts'

const DEFAULTS: { readonly [K in SpineCardType]: (sturing: SturingKind) => Record<string, unknown> } = {
  'wt-evidence-card': () => evidenceCardShape.defaultProps(),
  'wt-kompas-onderbouwing': () => kompasOnderbouwingShape.defaultProps(),
  'wt-koppelkans-card': () => koppelkansCardShape.defaultProps(),
  'wt-financiering-card': () => financieringCardShape.defaultProps(),
  'wt-sturing-card': (kind) => STURING_DEFAULT_PROPS[kind](),
  'wt-kernindicator-card': () => kernindicatorCardShape.defaultProps(),
}

/** The page position for a new card: the viewport centre, stepped aside while another shape's top-left is there. */
function freeSpot(editor: Editor, w: number, h: number) {
  const c = editor.getViewportPageBounds().center
  let box = new Box(c.x - w / 2, c.y - h / 2, w, h)
  const taken = editor
    .getCurrentPageShapes()
    .filter((s) => s.parentId === editor.getCurrentPageId())
    .map((s) => editor.getShapePageBounds(s))
  // Cards added one after another fan out diagonally instead of piling up exactly on top of each other.
  for (
    let i = 0;
    i < 40 && taken.some((b) => b && Math.abs(b.x - box.x) < 16 && Math.abs(b.y - box.y) < 16);
    i++
  )
    box = box.clone().translate({ x: 32, y: 32 })
  return { x: box.x, y: box.y }
}

/**
 * Adds a spine card near the viewport centre, linked to the value cards that are selected (as a new tension is),
 * and selects it so its inspector opens. Value links are props (`valueIds`); the sturing card has none.
 */
export function addSpineCard(
  editor: Editor,
  type: SpineCardType,
  selectedValueIds: readonly TLShapeId[],
  sturing: SturingKind = 'beleidstoets',
): TLShapeId {
  const id = createShapeId()
  const props = DEFAULTS[type](sturing)
  if ('valueIds' in props) props.valueIds = [...selectedValueIds]
  const { w, h } = props as { w: number; h: number }
  editor.run(() => {
    editor.createShape({ id, type, ...freeSpot(editor, w, h), props } as never)
    editor.select(id)
  })
  return id
}
