import type { z } from 'zod'
import type { Props, PropsMigrationSequence } from './migrations.ts'

/** Everything a tldraw ShapeUtil (or BindingUtil) needs to mirror one Waardentafel shape. */
export type ShapeDefinition<P> = {
  type: string
  propsSchema: z.ZodType<P>
  defaultProps: () => P
  migrations: PropsMigrationSequence
  /** Current props version (= number of migrations). */
  version: number
}

export function asProps(value: unknown): Props {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Props) : {}
}
