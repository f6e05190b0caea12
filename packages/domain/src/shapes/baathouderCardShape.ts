import { z } from 'zod'
import { initialMigration, shapeMigrationId } from './migrations.ts'
import type { ShapeDefinition } from './ShapeDefinition.ts'
import { BAATHOUDER_CARD_TYPE } from './shapeTypes.ts'

// A party on the schillen diagram. The schil is NOT a prop: it follows from the card's distance to the diagram
// centre. The ladder stakeholder → baathouder → shareholder, the role at the table and the agreed level of
// involvement are explicit choices, so they are props.

export const INVOLVEMENTS = ['stakeholder', 'baathouder', 'shareholder'] as const
export const BAATHOUDER_ROLES = ['informant', 'mede-investeerder', 'mede-eigenaar', 'beheerder'] as const
export const INVOLVEMENT_LEVELS = ['raadplegen', 'adviseren', 'samen-verkennen', 'co-creeren'] as const
export const CONTRIBUTION_KINDS = ['geld', 'tijd', 'expertise', 'beheer'] as const

export type Involvement = (typeof INVOLVEMENTS)[number]
export type BaathouderRole = (typeof BAATHOUDER_ROLES)[number]
export type InvolvementLevel = (typeof INVOLVEMENT_LEVELS)[number]
export type ContributionKind = (typeof CONTRIBUTION_KINDS)[number]

export const INVOLVEMENT_LEVEL_LABELS: Readonly<Record<InvolvementLevel, string>> = {
  raadplegen: 'raadplegen',
  adviseren: 'adviseren',
  'samen-verkennen': 'samen verkennen',
  'co-creeren': 'co-creëren',
}

export const contributionSchema = z.object({
  kind: z.enum(CONTRIBUTION_KINDS),
  description: z.string(),
  conditions: z.string(),
})

export type Contribution = z.infer<typeof contributionSchema>

export const baathouderCardPropsSchema = z.object({
  name: z.string(),
  organisation: z.string(),
  /** A key of BAATHOUDER_LIBRARY, or 'custom'. Unknown keys are kept: the library grows over time. */
  category: z.string(),
  involvement: z.enum(INVOLVEMENTS),
  role: z.enum(BAATHOUDER_ROLES).nullable(),
  level: z.enum(INVOLVEMENT_LEVELS).nullable(),
  /** Shape ids of the value cards this party benefits from. */
  valueIds: z.array(z.string()),
  baten: z.string(),
  trigger: z.string(),
  contributions: z.array(contributionSchema),
  rentmeester: z.boolean(),
  signatory: z.boolean(),
  w: z.number().positive(),
  h: z.number().positive(),
})

export type BaathouderCardProps = z.infer<typeof baathouderCardPropsSchema>

export const baathouderCardDefaultProps = (): BaathouderCardProps => ({
  name: '',
  organisation: '',
  category: 'custom',
  involvement: 'baathouder',
  role: null,
  level: null,
  valueIds: [],
  baten: '',
  trigger: '',
  contributions: [],
  rentmeester: false,
  signatory: false,
  w: 240,
  h: 160,
})

export const baathouderCardMigrations = {
  sequence: [initialMigration(shapeMigrationId(BAATHOUDER_CARD_TYPE, 1), baathouderCardDefaultProps)],
}

export const baathouderCardShape: ShapeDefinition<BaathouderCardProps> = {
  type: BAATHOUDER_CARD_TYPE,
  propsSchema: baathouderCardPropsSchema,
  defaultProps: baathouderCardDefaultProps,
  migrations: baathouderCardMigrations,
  version: baathouderCardMigrations.sequence.length,
}
