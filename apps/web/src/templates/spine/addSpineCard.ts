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
  // Taller than the domain's default: the card shows its measurements as a small chart under the figures.
  'wt-kernindicator-card': () => ({ ...kernindicatorCardShape.defaultProps(), h: 300 }),
}

// Templates are large and lie behind the cards; a new card may lie on one, but not on another card.
const STRUCTURES = new Set(['wt-prioritering', 'wt-schillen', 'wt-spanningen', 'wt-pvw-frame', 'frame'])

/**
 * The page position for a new card: the viewport centre, or else the nearest free place in rings of card-sized
 * steps around it, so cards added one after another lie side by side instead of on top of each other.
 */
function freeSpot(editor: Editor, w: number, h: number) {
  const c = editor.getViewportPageBounds().center
  const taken = editor
    .getCurrentPageShapes()
    .filter((s) => !STRUCTURES.has(s.type))
    .flatMap((s) => editor.getShapePageBounds(s) ?? [])
  const gap = 24
  for (let ring = 0; ring <= 8; ring++) {
    for (let dy = -ring; dy <= ring; dy++) {
      for (let dx = -ring; dx <= ring; dx++) {
        if (Math.max(Math.abs(dx), Math.abs(dy)) !== ring) continue
        const box = new Box(c.x - w / 2 + dx * (w + gap), c.y - h / 2 + dy * (h + gap), w, h)
        if (!taken.some((b) => b.collides(box))) return { x: box.x, y: box.y }
      }
    }
  }
  return { x: c.x - w / 2, y: c.y - h / 2 }
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
