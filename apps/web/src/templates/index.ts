import type { TLAnyBindingUtilConstructor, TLAnyShapeUtilConstructor } from 'tldraw'

/** The Waardentafel template shapes (docs/board-schema.md) as tldraw shape and binding utils. */
export const templateShapeUtils: TLAnyShapeUtilConstructor[] = []
export const templateBindingUtils: TLAnyBindingUtilConstructor[] = []
export { TemplatePanels } from './TemplatePanels.tsx'
