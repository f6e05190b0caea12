import { z } from 'zod'
import { initialMigration, shapeMigrationId } from './migrations.ts'
import type { ShapeDefinition } from './ShapeDefinition.ts'
import { KERNINDICATOR_CARD_TYPE } from './shapeTypes.ts'
import {
  EVIDENCE_SOURCES,
  figureSchema,
  partialDateSchema,
  sizeProps,
  valueIdsSchema,
} from './spineFields.ts'

// A kernindicator (PvW part F, "Monitoring"; Indicatorenraamwerk): what is measured for which values, the
// nulmeting, the streefwaarde, when it is measured and who owns it, and the measurements over the years. After
// adoption the values are an effectverplichting: the two-yearly report reads these cards (`indicatorReport`).

export const INDICATOR_DIRECTIONS = ['hoger-is-beter', 'lager-is-beter'] as const
export type IndicatorDirection = (typeof INDICATOR_DIRECTIONS)[number]

export const measurementSchema = z.object({
  date: partialDateSchema.refine((d) => d !== '', 'een meting heeft een datum'),
  value: figureSchema,
  note: z.string().max(1000),
})

export type Measurement = z.infer<typeof measurementSchema>

export const kernindicatorCardPropsSchema = z.object({
  name: z.string().max(500),
  valueIds: valueIdsSchema,
  unit: z.string().max(50),
  direction: z.enum(INDICATOR_DIRECTIONS),
  /** Nulmeting: the measurement the targets are set against. */
  baseline: measurementSchema.nullable(),
  /** Streefwaarde, and by when (partial date). */
  target: figureSchema.nullable(),
  targetDate: partialDateSchema,
  /** Meetmoment in words ("tweejaarlijks, in het voorjaar"). */
  frequency: z.string().max(200),
  /** Years between measurements, for the next expected one; null when not regular. */
  intervalYears: z.number().int().min(1).max(50).nullable(),
  owner: z.string().max(200),
  reportTo: z.string().max(500),
  source: z.enum(EVIDENCE_SOURCES).nullable(),
  measurements: z.array(measurementSchema).max(1000),
  ...sizeProps,
})

export type KernindicatorCardProps = z.infer<typeof kernindicatorCardPropsSchema>

export const kernindicatorCardDefaultProps = (): KernindicatorCardProps => ({
  name: '',
  valueIds: [],
  unit: '',
  direction: 'hoger-is-beter',
  baseline: null,
  target: null,
  targetDate: '',
  frequency: '',
  intervalYears: null,
  owner: '',
  reportTo: '',
  source: null,
  measurements: [],
  w: 320,
  h: 220,
})

export const kernindicatorCardMigrations = {
  sequence: [initialMigration(shapeMigrationId(KERNINDICATOR_CARD_TYPE, 1), kernindicatorCardDefaultProps)],
}

export const kernindicatorCardShape: ShapeDefinition<KernindicatorCardProps> = {
  type: KERNINDICATOR_CARD_TYPE,
  propsSchema: kernindicatorCardPropsSchema,
  defaultProps: kernindicatorCardDefaultProps,
  migrations: kernindicatorCardMigrations,
  version: kernindicatorCardMigrations.sequence.length,
}
