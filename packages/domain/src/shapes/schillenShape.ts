import { z } from 'zod'
import type { Schil } from '../method/baathouderLibrary.ts'
import { initialMigration, shapeMigrationId } from './migrations.ts'
import type { ShapeDefinition } from './ShapeDefinition.ts'
import { SCHILLEN_TYPE } from './shapeTypes.ts'

// The schillen diagram: a w×w square holding a centre circle (the area) and four concentric rings of equal width.
// With R = w/2 the centre circle has radius R/5 and ring k (1…4) spans [k·R/5, (k+1)·R/5). A baathouder's schil
// is read from the distance of its card centre to the diagram centre; outside the outer circle (the square's
// corners included) or inside the centre circle there is no schil.

/** Radius of the centre circle and width of each ring, as a fraction of the outer radius w/2. */
export const SCHILLEN_BAND_FRACTION = 0.2

export const schillenPropsSchema = z.object({
  w: z.number().positive(),
  areaName: z.string(),
})

export type SchillenProps = z.infer<typeof schillenPropsSchema>

export const schillenDefaultProps = (): SchillenProps => ({ w: 1400, areaName: '' })

export const schillenMigrations = {
  sequence: [initialMigration(shapeMigrationId(SCHILLEN_TYPE, 1), schillenDefaultProps)],
}

export const schillenShape: ShapeDefinition<SchillenProps> = {
  type: SCHILLEN_TYPE,
  propsSchema: schillenPropsSchema,
  defaultProps: schillenDefaultProps,
  migrations: schillenMigrations,
  version: schillenMigrations.sequence.length,
}

export type RingPosition = Schil | 'centrum' | null

/** Ring for a distance from the diagram centre, in a diagram of width w. */
export function ringAtDistance(distance: number, w: number): RingPosition {
  const band = (w / 2) * SCHILLEN_BAND_FRACTION
  if (!(band > 0) || !(distance >= 0)) return null
  // Same edge rule as the columns: a centre exactly on a circle belongs to the outer band.
  const k = Math.floor(distance / band + 1e-9)
  if (k === 0) return 'centrum'
  if (k >= 1 && k <= 4) return k as Schil
  // The outer circle is the edge of schil 4, not of the world outside: a centre exactly on it (or a float's
  // noise beyond it) is still in the diagram, as an edge counts as inside for every template (G2).
  if (distance / band <= 5 + 1e-9) return 4
  return null
}
