import type {
  BaathouderCardProps,
  PrioriteringProps,
  PvwFrameProps,
  SchillenProps,
  SpanningenProps,
  TensionCardProps,
  TensionLinkProps,
  ValueCardProps,
} from '@waardentafel/domain'
import type { TLBinding, TLShape } from 'tldraw'

// tldraw learns our shape and binding types through module augmentation, so editor.createShape,
// editor.getShape and friends are typed for wt- shapes like for its own. The props types come from the
// domain's zod schemas: the domain is the single source of truth for the stored format.
declare module 'tldraw' {
  interface TLGlobalShapePropsMap {
    'wt-prioritering': PrioriteringProps
    'wt-value-card': ValueCardProps
    'wt-schillen': SchillenProps
    'wt-baathouder-card': BaathouderCardProps
    'wt-spanningen': SpanningenProps
    'wt-tension-card': TensionCardProps
    'wt-pvw-frame': PvwFrameProps
  }
  interface TLGlobalBindingPropsMap {
    'wt-tension-link': TensionLinkProps
  }
}

export type PrioriteringShape = TLShape<'wt-prioritering'>
export type ValueCardShape = TLShape<'wt-value-card'>
export type SchillenShape = TLShape<'wt-schillen'>
export type BaathouderCardShape = TLShape<'wt-baathouder-card'>
export type SpanningenShape = TLShape<'wt-spanningen'>
export type TensionCardShape = TLShape<'wt-tension-card'>
export type PvwFrameShape = TLShape<'wt-pvw-frame'>
export type TensionLinkBinding = TLBinding<'wt-tension-link'>

export type CardShape = ValueCardShape | BaathouderCardShape | TensionCardShape
export type StructureShape = PrioriteringShape | SchillenShape | SpanningenShape | PvwFrameShape
