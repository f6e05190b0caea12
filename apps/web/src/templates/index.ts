import type { TLAnyBindingUtilConstructor, TLAnyShapeUtilConstructor } from 'tldraw'
import { BaathouderCardShapeUtil } from './shapes/BaathouderCardShapeUtil.tsx'
import { PrioriteringShapeUtil } from './shapes/PrioriteringShapeUtil.tsx'
import { PvwFrameShapeUtil } from './shapes/PvwFrameShapeUtil.tsx'
import { SchillenShapeUtil } from './shapes/SchillenShapeUtil.tsx'
import { SpanningenShapeUtil } from './shapes/SpanningenShapeUtil.tsx'
import { TensionCardShapeUtil } from './shapes/TensionCardShapeUtil.tsx'
import { TensionLinkBindingUtil } from './shapes/TensionLinkBindingUtil.ts'
import { ValueCardShapeUtil } from './shapes/ValueCardShapeUtil.tsx'
import { spineShapeUtils } from './spine/SpineCardShapeUtils.tsx'

/** The Waardentafel template shapes (docs/board-schema.md) as tldraw shape and binding utils. */
export const templateShapeUtils: TLAnyShapeUtilConstructor[] = [
  PrioriteringShapeUtil,
  ValueCardShapeUtil,
  SchillenShapeUtil,
  BaathouderCardShapeUtil,
  SpanningenShapeUtil,
  TensionCardShapeUtil,
  PvwFrameShapeUtil,
  ...spineShapeUtils,
]
export const templateBindingUtils: TLAnyBindingUtilConstructor[] = [TensionLinkBindingUtil]
export { TemplatePanels } from './TemplatePanels.tsx'
