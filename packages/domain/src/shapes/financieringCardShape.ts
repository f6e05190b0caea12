import { z } from 'zod'
import { AREA_PHASES } from '../phases/phases.ts'
import { initialMigration, shapeMigrationId } from './migrations.ts'
import type { ShapeDefinition } from './ShapeDefinition.ts'
import { FINANCIERING_CARD_TYPE } from './shapeTypes.ts'
import { figureSchema, sizeProps, valueIdsSchema } from './spineFields.ts'

// Financieringskaders as cards (handreiking H3, bouwsteen 4). A `bijdrage` is money or effort on one of the two
// routes (1: within the grondexploitatie; 2: co-financing by baathouders), at a point of the life cycle, in a
// phase of the area development, possibly into a gebiedsfonds. A `wringt` card names where the system chafes:
// a value that does not land in the grondexploitatie, or costs and benefits that fall to different parties.

export const FINANCIERING_KINDS = ['bijdrage', 'wringt'] as const
export const FINANCIERING_ROUTES = ['grex', 'cofinanciering'] as const
export const LEVENSCYCLUS = [
  'investering',
  'voorfinanciering',
  'beheerkosten',
  'toekomstige-opbrengsten',
  'verdeelsleutel',
] as const
export const BIJDRAGE_VORMEN = ['geld', 'tijd', 'expertise', 'beheer'] as const
export const BIJDRAGE_OMVANG = ['groot', 'klein'] as const

export type FinancieringRoute = (typeof FINANCIERING_ROUTES)[number]
export type Levenscyclus = (typeof LEVENSCYCLUS)[number]

export const financieringCardPropsSchema = z.object({
  kind: z.enum(FINANCIERING_KINDS),
  route: z.enum(FINANCIERING_ROUTES).nullable(),
  lifecycle: z.enum(LEVENSCYCLUS).nullable(),
  form: z.enum(BIJDRAGE_VORMEN).nullable(),
  /** Euros; null when not (yet) in money. Totals add only the known amounts. */
  amount: figureSchema.nonnegative().max(1e12).nullable(),
  /** The area development's phase the money falls in. */
  phase: z.enum(AREA_PHASES).nullable(),
  /** Shape id of the baathouder card that contributes, if any. */
  baathouderId: z.string().nullable(),
  valueIds: valueIdsSchema,
  /** Paid into the gebiedsfonds (the Suikerzijde case): large and small contributions together. */
  gebiedsfonds: z.boolean(),
  size: z.enum(BIJDRAGE_OMVANG).nullable(),
  description: z.string().max(4000),
  /** Period, mandate, guarantees, relevant law (Financieringskaders stap 3). */
  conditions: z.string().max(4000),
  ...sizeProps,
})

export type FinancieringCardProps = z.infer<typeof financieringCardPropsSchema>

export const financieringCardDefaultProps = (): FinancieringCardProps => ({
  kind: 'bijdrage',
  route: null,
  lifecycle: null,
  form: null,
  amount: null,
  phase: null,
  baathouderId: null,
  valueIds: [],
  gebiedsfonds: false,
  size: null,
  description: '',
  conditions: '',
  w: 280,
  h: 180,
})

export const financieringCardMigrations = {
  sequence: [initialMigration(shapeMigrationId(FINANCIERING_CARD_TYPE, 1), financieringCardDefaultProps)],
}

export const financieringCardShape: ShapeDefinition<FinancieringCardProps> = {
  type: FINANCIERING_CARD_TYPE,
  propsSchema: financieringCardPropsSchema,
  defaultProps: financieringCardDefaultProps,
  migrations: financieringCardMigrations,
  version: financieringCardMigrations.sequence.length,
}
