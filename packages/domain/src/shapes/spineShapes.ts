import { evidenceCardShape } from './evidenceCardShape.ts'
import { financieringCardShape } from './financieringCardShape.ts'
import { kernindicatorCardShape } from './kernindicatorCardShape.ts'
import { kompasOnderbouwingShape } from './kompasOnderbouwingShape.ts'
import { koppelkansCardShape } from './koppelkansCardShape.ts'
import type { ShapeDefinition } from './ShapeDefinition.ts'
import { sturingCardShape } from './sturingCardShape.ts'

/** The process spine's shape definitions (issue #20), read like the other cards by `readBoard`. */
export const SPINE_SHAPES: readonly ShapeDefinition<unknown>[] = [
  evidenceCardShape,
  kompasOnderbouwingShape,
  koppelkansCardShape,
  financieringCardShape,
  sturingCardShape,
  kernindicatorCardShape,
] as ShapeDefinition<unknown>[]
