import { z } from 'zod'
import { initialMigration, shapeMigrationId } from './migrations.ts'
import type { ShapeDefinition } from './ShapeDefinition.ts'
import { EVIDENCE_CARD_TYPE } from './shapeTypes.ts'
import {
  EVIDENCE_SOURCES,
  figureSchema,
  partialDateSchema,
  sizeProps,
  valueIdsSchema,
} from './spineFields.ts'

// The Kansenanalyse's "polaroid" (stap 1): per value the figures that describe the area as it is now, each with its
// source, date and unit, plus the risks and kansen the facts show. A card may speak for more than one value.

export const evidenceFigureSchema = z.object({
  /** What is measured ("Hittestress: gevoelstemperatuur", "Ervaren gezondheid goed"). */
  label: z.string().max(500),
  value: figureSchema.nullable(),
  unit: z.string().max(50),
  source: z.enum(EVIDENCE_SOURCES),
  /** Which table or layer of the source, or the name of the other source. */
  sourceNote: z.string().max(500),
  date: partialDateSchema,
})

export type EvidenceFigure = z.infer<typeof evidenceFigureSchema>

export const evidenceCardPropsSchema = z.object({
  valueIds: valueIdsSchema,
  title: z.string().max(500),
  figures: z.array(evidenceFigureSchema).max(500),
  risks: z.array(z.string().max(2000)).max(100),
  kansen: z.array(z.string().max(2000)).max(100),
  ...sizeProps,
})

export type EvidenceCardProps = z.infer<typeof evidenceCardPropsSchema>

export const evidenceCardDefaultProps = (): EvidenceCardProps => ({
  valueIds: [],
  title: '',
  figures: [],
  risks: [],
  kansen: [],
  w: 320,
  h: 240,
})

export const evidenceCardMigrations = {
  sequence: [initialMigration(shapeMigrationId(EVIDENCE_CARD_TYPE, 1), evidenceCardDefaultProps)],
}

export const evidenceCardShape: ShapeDefinition<EvidenceCardProps> = {
  type: EVIDENCE_CARD_TYPE,
  propsSchema: evidenceCardPropsSchema,
  defaultProps: evidenceCardDefaultProps,
  migrations: evidenceCardMigrations,
  version: evidenceCardMigrations.sequence.length,
}
