import { z } from 'zod'
import { SCENARIOS } from '../method/sturingsinstrumenten.ts'
import {
  GRONDBELEID_INSTRUMENT_KEYS,
  GRONDBELEID_REGIMES,
  JURIDISCHE_BODEM_KEYS,
  KERNVRAAG_KEYS,
  PARCOURS_MOMENT_KEYS,
  TENDER_KEUZE_KEYS,
} from '../method/sturingskaders.ts'
import type { Props } from './migrations.ts'
import { initialMigration, shapeMigrationId } from './migrations.ts'
import type { ShapeDefinition } from './ShapeDefinition.ts'
import { STURING_CARD_TYPE } from './shapeTypes.ts'
import { sizeProps } from './spineFields.ts'

// Sturingskaders as cards (handreiking H3 "Instrumenten" and Bijlage A), one shape type with a `kind` like the
// PvW frame's `part`: the beleidstoets, the grondbeleid, the sturingsparcours, the scenario, the tenderkeuzes and
// the juridische bodem. Part E reads the first four, part F the last two.

export const STURING_KINDS = [
  'beleidstoets',
  'grondbeleid',
  'parcours',
  'scenario',
  'tender',
  'juridisch',
] as const
export type SturingKind = (typeof STURING_KINDS)[number]

export const ANTWOORDEN = ['ja', 'deels', 'nee'] as const
export const BODEM_STATUSES = ['open', 'in-behandeling', 'geregeld', 'niet-van-toepassing'] as const

const note = z.string().max(4000)

export const beleidstoetsPropsSchema = z.object({
  kind: z.literal('beleidstoets'),
  ...sizeProps,
  answers: z
    .array(z.object({ vraag: z.enum(KERNVRAAG_KEYS), answer: z.enum(ANTWOORDEN).nullable(), note }))
    .max(KERNVRAAG_KEYS.length),
})

export const grondbeleidPropsSchema = z.object({
  kind: z.literal('grondbeleid'),
  ...sizeProps,
  regime: z.enum(GRONDBELEID_REGIMES).nullable(),
  /** Rows of Bijlage A.5 the project will use, in the chosen regime. */
  instruments: z.array(z.enum(GRONDBELEID_INSTRUMENT_KEYS)).max(GRONDBELEID_INSTRUMENT_KEYS.length),
  note,
})

export const parcoursPropsSchema = z.object({
  kind: z.literal('parcours'),
  ...sizeProps,
  moments: z
    .array(
      z.object({
        moment: z.enum(PARCOURS_MOMENT_KEYS),
        /** The instrument chosen at this moment (a key of STURINGSINSTRUMENTEN or free text). */
        instrument: z.string().max(200),
        /** The planregel or contract clause that anchors the values. */
        clause: z.string().max(4000),
        /** When it is planned or was done (partial date text, as entered). */
        when: z.string().max(50),
      }),
    )
    .max(50),
})

export const scenarioPropsSchema = z.object({
  kind: z.literal('scenario'),
  ...sizeProps,
  scenario: z.enum(SCENARIOS).nullable(),
  note,
})

export const tenderPropsSchema = z.object({
  kind: z.literal('tender'),
  ...sizeProps,
  choices: z.array(z.object({ keuze: z.enum(TENDER_KEUZE_KEYS), note })).max(TENDER_KEUZE_KEYS.length),
})

export const juridischPropsSchema = z.object({
  kind: z.literal('juridisch'),
  ...sizeProps,
  items: z
    .array(z.object({ item: z.enum(JURIDISCHE_BODEM_KEYS), status: z.enum(BODEM_STATUSES), note }))
    .max(JURIDISCHE_BODEM_KEYS.length),
})

export const sturingCardPropsSchema = z.discriminatedUnion('kind', [
  beleidstoetsPropsSchema,
  grondbeleidPropsSchema,
  parcoursPropsSchema,
  scenarioPropsSchema,
  tenderPropsSchema,
  juridischPropsSchema,
])

export type SturingCardProps = z.infer<typeof sturingCardPropsSchema>
export type SturingCardOf<K extends SturingKind> = Extract<SturingCardProps, { kind: K }>

const size = { w: 360, h: 260 }

export const STURING_DEFAULT_PROPS: { readonly [K in SturingKind]: () => SturingCardOf<K> } = {
  beleidstoets: () => ({
    kind: 'beleidstoets',
    ...size,
    answers: KERNVRAAG_KEYS.map((vraag) => ({ vraag, answer: null, note: '' })),
  }),
  grondbeleid: () => ({ kind: 'grondbeleid', ...size, regime: null, instruments: [], note: '' }),
  parcours: () => ({ kind: 'parcours', ...size, moments: [] }),
  scenario: () => ({ kind: 'scenario', ...size, scenario: null, note: '' }),
  tender: () => ({ kind: 'tender', ...size, choices: [] }),
  juridisch: () => ({
    kind: 'juridisch',
    ...size,
    items: JURIDISCHE_BODEM_KEYS.map((item) => ({ item, status: 'open' as const, note: '' })),
  }),
}

/** Defaults follow the record's own `kind`; a card without a valid kind gets the beleidstoets's. */
export function sturingCardDefaultProps(kind: unknown = 'beleidstoets'): SturingCardProps {
  const key = (STURING_KINDS as readonly unknown[]).includes(kind) ? (kind as SturingKind) : 'beleidstoets'
  return STURING_DEFAULT_PROPS[key]()
}

export const sturingCardMigrations = {
  sequence: [
    initialMigration(shapeMigrationId(STURING_CARD_TYPE, 1), (props: Props) =>
      sturingCardDefaultProps(props.kind),
    ),
  ],
}

export const sturingCardShape: ShapeDefinition<SturingCardProps> = {
  type: STURING_CARD_TYPE,
  propsSchema: sturingCardPropsSchema,
  defaultProps: () => sturingCardDefaultProps('beleidstoets'),
  migrations: sturingCardMigrations,
  version: sturingCardMigrations.sequence.length,
}
