import type {
  EvidenceCardProps,
  FinancieringCardProps,
  KernindicatorCardProps,
  KompasOnderbouwingProps,
  KoppelkansCardProps,
  SturingCardProps,
} from '@waardentafel/domain'
import type { TLBaseShape } from 'tldraw'

// The spine's card types are deliberately NOT added to tldraw's TLGlobalShapePropsMap (as schema/shapeTypes.ts does
// for the other cards): with six more members TLShape grows past TypeScript's limit of 25 for checking an object
// literal against a discriminated union, and every `editor.updateShape({ id: s.id, type: s.type, ... })` elsewhere
// in the app stops compiling. tldraw does not need the map at run time; the ShapeUtils validate with the domain's
// rules all the same. Inside this folder shapes are typed with these aliases, and `spineCardOf` is the one place
// that turns an editor's TLShape into one.

export type EvidenceCardShape = TLBaseShape<'wt-evidence-card', EvidenceCardProps>
export type KompasOnderbouwingShape = TLBaseShape<'wt-kompas-onderbouwing', KompasOnderbouwingProps>
export type KoppelkansCardShape = TLBaseShape<'wt-koppelkans-card', KoppelkansCardProps>
export type FinancieringCardShape = TLBaseShape<'wt-financiering-card', FinancieringCardProps>
export type SturingCardShape = TLBaseShape<'wt-sturing-card', SturingCardProps>
export type KernindicatorCardShape = TLBaseShape<'wt-kernindicator-card', KernindicatorCardProps>

export type SpineCardShape =
  | EvidenceCardShape
  | KompasOnderbouwingShape
  | KoppelkansCardShape
  | FinancieringCardShape
  | SturingCardShape
  | KernindicatorCardShape

export const SPINE_CARD_TYPES = [
  'wt-evidence-card',
  'wt-kompas-onderbouwing',
  'wt-koppelkans-card',
  'wt-financiering-card',
  'wt-sturing-card',
  'wt-kernindicator-card',
] as const
export type SpineCardType = (typeof SPINE_CARD_TYPES)[number]

/** The shape as a spine card, or null when it is another kind of shape. */
export function spineCardOf(shape: { type: string } | null | undefined): SpineCardShape | null {
  return shape && (SPINE_CARD_TYPES as readonly string[]).includes(shape.type)
    ? (shape as unknown as SpineCardShape)
    : null
}

/** Writes some props of a spine card; tldraw validates the result, so a wrong value never reaches the board. */
export function setSpineProps<S extends SpineCardShape>(
  editor: { updateShape: (partial: never) => unknown },
  shape: S,
  props: Partial<S['props']>,
): void {
  editor.updateShape({ id: shape.id, type: shape.type, props } as never)
}
