import { z } from 'zod'
import { VALUE_KEYS } from '../method/values.ts'
import { initialMigration, shapeMigrationId } from './migrations.ts'
import type { ShapeDefinition } from './ShapeDefinition.ts'
import { VALUE_CARD_TYPE } from './shapeTypes.ts'

// A maatschappelijke waarde on the board. Its class (sturend, meekoppelen, ...) is NOT a prop: it follows from
// where the card lies on a prioritering template. Scores feed the waardenkompas (current vs potential).

export const BELEID_STATUSES = ['verankerd', 'ontbreekt', 'vraagt-aanpassing', 'onbekend'] as const
export type BeleidStatus = (typeof BELEID_STATUSES)[number]

const score = z.number().min(0).max(5).nullable()

export const valueCardPropsSchema = z.object({
  valueKey: z.enum(VALUE_KEYS),
  name: z.string(),
  explanation: z.string(),
  fysiek: z.string(),
  sociaal: z.string(),
  twijfel: z.boolean(),
  scoreCurrent: score,
  scorePotential: score,
  // The method asks for one or two ambitions per priority value, but its own example gives three to one value;
  // the toets warns above two instead of rejecting the card.
  ambitions: z.array(z.string()),
  indicators: z.array(z.string()),
  beleid: z.enum(BELEID_STATUSES),
  w: z.number().positive(),
  h: z.number().positive(),
})

export type ValueCardProps = z.infer<typeof valueCardPropsSchema>

export const valueCardDefaultProps = (): ValueCardProps => ({
  valueKey: 'custom',
  name: '',
  explanation: '',
  fysiek: '',
  sociaal: '',
  twijfel: false,
  scoreCurrent: null,
  scorePotential: null,
  ambitions: [],
  indicators: [],
  beleid: 'onbekend',
  w: 260,
  h: 180,
})

export const valueCardMigrations = {
  sequence: [initialMigration(shapeMigrationId(VALUE_CARD_TYPE, 1), valueCardDefaultProps)],
}

export const valueCardShape: ShapeDefinition<ValueCardProps> = {
  type: VALUE_CARD_TYPE,
  propsSchema: valueCardPropsSchema,
  defaultProps: valueCardDefaultProps,
  migrations: valueCardMigrations,
  version: valueCardMigrations.sequence.length,
}
