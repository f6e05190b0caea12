import { z } from 'zod'
import { initialMigration, shapeMigrationId } from './migrations.ts'
import type { ShapeDefinition } from './ShapeDefinition.ts'
import { KOMPAS_ONDERBOUWING_TYPE } from './shapeTypes.ts'
import { EVIDENCE_SOURCES, sizeProps, valueIdsSchema } from './spineFields.ts'

// Why a value scores what it scores in the waardenkompas (Kansenanalyse stap 4 combines data, leefwereld and the
// baathouders' view): a justification and a source for the current score and for the potential. The scores
// themselves stay on the value card, so there is one place to change them.

export const kompasOnderbouwingPropsSchema = z.object({
  /** The value card(s) this justifies; normally one. */
  valueIds: valueIdsSchema,
  currentJustification: z.string().max(4000),
  currentSource: z.enum(EVIDENCE_SOURCES).nullable(),
  potentialJustification: z.string().max(4000),
  potentialSource: z.enum(EVIDENCE_SOURCES).nullable(),
  /** Which table, layer, session or interview. */
  sourceNote: z.string().max(1000),
  ...sizeProps,
})

export type KompasOnderbouwingProps = z.infer<typeof kompasOnderbouwingPropsSchema>

export const kompasOnderbouwingDefaultProps = (): KompasOnderbouwingProps => ({
  valueIds: [],
  currentJustification: '',
  currentSource: null,
  potentialJustification: '',
  potentialSource: null,
  sourceNote: '',
  w: 300,
  h: 200,
})

export const kompasOnderbouwingMigrations = {
  sequence: [initialMigration(shapeMigrationId(KOMPAS_ONDERBOUWING_TYPE, 1), kompasOnderbouwingDefaultProps)],
}

export const kompasOnderbouwingShape: ShapeDefinition<KompasOnderbouwingProps> = {
  type: KOMPAS_ONDERBOUWING_TYPE,
  propsSchema: kompasOnderbouwingPropsSchema,
  defaultProps: kompasOnderbouwingDefaultProps,
  migrations: kompasOnderbouwingMigrations,
  version: kompasOnderbouwingMigrations.sequence.length,
}
