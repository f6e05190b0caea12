import { z } from 'zod'
import { initialMigration, shapeMigrationId } from './migrations.ts'
import type { ShapeDefinition } from './ShapeDefinition.ts'
import { TENSION_CARD_TYPE } from './shapeTypes.ts'

// A tension between values, structured as a polarity map (Barry Johnson): neutrally named poles, each with an
// upside and a downside, so the group weighs both sides instead of trading one value off implicitly. The values
// it sits between are wt-tension-link bindings, not props, so the UI can draw them as connectors.

export const tensionPoleSchema = z.object({
  label: z.string(),
  upside: z.string(),
  downside: z.string(),
})

export type TensionPole = z.infer<typeof tensionPoleSchema>

export const tensionCardPropsSchema = z.object({
  name: z.string(),
  gebiedsdeel: z.string(),
  poles: z.array(tensionPoleSchema).min(2),
  weighing: z.string(),
  decision: z.string(),
  w: z.number().positive(),
  h: z.number().positive(),
})

export type TensionCardProps = z.infer<typeof tensionCardPropsSchema>

export const tensionCardDefaultProps = (): TensionCardProps => ({
  name: '',
  gebiedsdeel: '',
  poles: [
    { label: '', upside: '', downside: '' },
    { label: '', upside: '', downside: '' },
  ],
  weighing: '',
  decision: '',
  w: 300,
  h: 200,
})

export const tensionCardMigrations = {
  sequence: [initialMigration(shapeMigrationId(TENSION_CARD_TYPE, 1), tensionCardDefaultProps)],
}

export const tensionCardShape: ShapeDefinition<TensionCardProps> = {
  type: TENSION_CARD_TYPE,
  propsSchema: tensionCardPropsSchema,
  defaultProps: tensionCardDefaultProps,
  migrations: tensionCardMigrations,
  version: tensionCardMigrations.sequence.length,
}
