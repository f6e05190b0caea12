import { z } from 'zod'
import { initialMigration, shapeMigrationId } from './migrations.ts'
import type { ShapeDefinition } from './ShapeDefinition.ts'
import { PRIORITERING_TYPE } from './shapeTypes.ts'

// The waarden-prioritering template (Quickscan stap 2). Its four equal columns, left to right, are the classes a
// value card gets from where its centre lies; the template itself stores no classes, so moving a card is the
// only way to reclassify it and there is never a second source of truth.

export const PRIORITERING_COLUMNS = [
  'sturend',
  'meekoppelen',
  'vinger-aan-de-pols',
  'nog-te-plaatsen',
] as const
export type PrioriteringColumn = (typeof PRIORITERING_COLUMNS)[number]

export const PRIORITERING_COLUMN_LABELS: Readonly<Record<PrioriteringColumn, string>> = {
  sturend: 'Sturend',
  meekoppelen: 'Meekoppelen',
  'vinger-aan-de-pols': 'Vinger aan de pols',
  'nog-te-plaatsen': 'Nog te plaatsen',
}

export const prioriteringPropsSchema = z.object({
  w: z.number().positive(),
  h: z.number().positive(),
  title: z.string(),
})

export type PrioriteringProps = z.infer<typeof prioriteringPropsSchema>

export const prioriteringDefaultProps = (): PrioriteringProps => ({
  w: 1600,
  h: 900,
  title: 'Waarden prioriteren',
})

export const prioriteringMigrations = {
  sequence: [initialMigration(shapeMigrationId(PRIORITERING_TYPE, 1), prioriteringDefaultProps)],
}

export const prioriteringShape: ShapeDefinition<PrioriteringProps> = {
  type: PRIORITERING_TYPE,
  propsSchema: prioriteringPropsSchema,
  defaultProps: prioriteringDefaultProps,
  migrations: prioriteringMigrations,
  version: prioriteringMigrations.sequence.length,
}
