import { z } from 'zod'
import { initialMigration, shapeMigrationId } from './migrations.ts'
import type { ShapeDefinition } from './ShapeDefinition.ts'
import { KOPPELKANS_CARD_TYPE } from './shapeTypes.ts'
import { sizeProps, valueIdsSchema } from './spineFields.ts'

// A koppelkans (Kansenanalyse stap 1, Financieringskaders stap 1): one intervention that serves two or more values
// at once ("een groenstructuur die een al gebruikte ontmoetingsplek versterkt"), the mirror of a tension. The
// values are `valueIds`, as on a baathouder card, and so are the parties that benefit (`baathouderIds`).

export const koppelkansCardPropsSchema = z.object({
  name: z.string().max(500),
  description: z.string().max(4000),
  valueIds: valueIdsSchema,
  baathouderIds: z.array(z.string()).max(100),
  /** A policy goal of the gemeente or provincie it couples to, if any. */
  beleidsdoel: z.string().max(1000),
  ...sizeProps,
})

export type KoppelkansCardProps = z.infer<typeof koppelkansCardPropsSchema>

export const koppelkansCardDefaultProps = (): KoppelkansCardProps => ({
  name: '',
  description: '',
  valueIds: [],
  baathouderIds: [],
  beleidsdoel: '',
  w: 300,
  h: 200,
})

export const koppelkansCardMigrations = {
  sequence: [initialMigration(shapeMigrationId(KOPPELKANS_CARD_TYPE, 1), koppelkansCardDefaultProps)],
}

export const koppelkansCardShape: ShapeDefinition<KoppelkansCardProps> = {
  type: KOPPELKANS_CARD_TYPE,
  propsSchema: koppelkansCardPropsSchema,
  defaultProps: koppelkansCardDefaultProps,
  migrations: koppelkansCardMigrations,
  version: koppelkansCardMigrations.sequence.length,
}
