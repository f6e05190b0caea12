import { z } from 'zod'
import { initialMigration, shapeMigrationId } from './migrations.ts'
import type { ShapeDefinition } from './ShapeDefinition.ts'
import { SPANNINGEN_TYPE } from './shapeTypes.ts'

// The spanningen-wall: three equal status columns. A tension moves left to right as the group names it, weighs
// it and decides on it; the status is read from the column, like the value classes.

export const SPANNINGEN_COLUMNS = ['benoemd', 'gewogen', 'besloten'] as const
export type TensionStatus = (typeof SPANNINGEN_COLUMNS)[number]

export const SPANNINGEN_COLUMN_LABELS: Readonly<Record<TensionStatus, string>> = {
  benoemd: 'Benoemd',
  gewogen: 'Gewogen',
  besloten: 'Besloten',
}

export const spanningenPropsSchema = z.object({
  w: z.number().positive(),
  h: z.number().positive(),
  title: z.string(),
})

export type SpanningenProps = z.infer<typeof spanningenPropsSchema>

export const spanningenDefaultProps = (): SpanningenProps => ({ w: 1500, h: 800, title: 'Spanningen' })

export const spanningenMigrations = {
  sequence: [initialMigration(shapeMigrationId(SPANNINGEN_TYPE, 1), spanningenDefaultProps)],
}

export const spanningenShape: ShapeDefinition<SpanningenProps> = {
  type: SPANNINGEN_TYPE,
  propsSchema: spanningenPropsSchema,
  defaultProps: spanningenDefaultProps,
  migrations: spanningenMigrations,
  version: spanningenMigrations.sequence.length,
}
