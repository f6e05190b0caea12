import { z } from 'zod'
import { INVOLVEMENTS } from '../shapes/baathouderCardShape.ts'
import { PRIORITERING_COLUMNS } from '../shapes/prioriteringShape.ts'
import { SPANNINGEN_COLUMNS } from '../shapes/spanningenShape.ts'

// What changed between two snapshots of one board ("sessie 1" versus "sessie 2"). Everything is derived the
// way the Programma van Waarden derives it (class from column, schil from ring, status from wall column), so a
// comparison never disagrees with the PvW of either snapshot.

/**
 * How a listed value card changed. `moved`: its class differs (twijfel may also have changed); `twijfel`: same
 * class, only the doubt mark flipped.
 */
export const VALUE_CHANGE_KINDS = ['added', 'removed', 'moved', 'twijfel'] as const
export type ValueChangeKind = (typeof VALUE_CHANGE_KINDS)[number]

/**
 * How a listed baathouder card changed. `moved`: its schil differs (involvement may also have changed);
 * `involvement`: same schil, another step on the ladder stakeholder → baathouder → shareholder.
 */
export const BAATHOUDER_CHANGE_KINDS = ['added', 'removed', 'moved', 'involvement'] as const
export type BaathouderChangeKind = (typeof BAATHOUDER_CHANGE_KINDS)[number]

/** A value card's class: its prioritering column, or null when it lies on no prioritering. */
const valueClass = z.enum(PRIORITERING_COLUMNS).nullable()
/** Schil 1–4; null for the centre circle, outside every diagram, or a card absent from that snapshot. */
const ring = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]).nullable()
const involvement = z.enum(INVOLVEMENTS).nullable()
const tensionStatus = z.enum(SPANNINGEN_COLUMNS).nullable()

export const valueChangeSchema = z.object({
  id: z.string(),
  name: z.string(),
  from: valueClass,
  to: valueClass,
  change: z.enum(VALUE_CHANGE_KINDS),
  /** Both present exactly when the card is in both snapshots and its twijfel mark changed. */
  twijfelFrom: z.boolean().optional(),
  twijfelTo: z.boolean().optional(),
})
export type ValueChange = z.infer<typeof valueChangeSchema>

export const baathouderChangeSchema = z.object({
  id: z.string(),
  name: z.string(),
  fromRing: ring,
  toRing: ring,
  /** Null on the side where the card does not exist (added: from, removed: to). */
  fromInvolvement: involvement,
  toInvolvement: involvement,
  change: z.enum(BAATHOUDER_CHANGE_KINDS),
})
export type BaathouderChange = z.infer<typeof baathouderChangeSchema>

export const tensionChangesSchema = z.object({
  /** New tension cards, with their status on the wall (null: not on a spanningen-wall). */
  added: z.array(z.object({ id: z.string(), name: z.string(), status: tensionStatus })),
  /** Tensions in both snapshots whose status became `besloten`, with the decision text (trimmed). */
  decided: z.array(z.object({ id: z.string(), name: z.string(), decision: z.string() })),
  removed: z.array(z.object({ id: z.string(), name: z.string() })),
  /** Every other status change of a tension in both snapshots (also leaving `besloten`, or leaving the wall). */
  statusChanged: z.array(
    z.object({ id: z.string(), name: z.string(), from: tensionStatus, to: tensionStatus }),
  ),
})
export type TensionChanges = z.infer<typeof tensionChangesSchema>

const count = z.number().int().nonnegative()

export const comparisonSummarySchema = z.object({
  valuesAdded: count,
  valuesRemoved: count,
  /** Value cards in both snapshots whose class changed. */
  valuesMoved: count,
  /** Value cards in both snapshots whose twijfel mark changed (whether or not they also moved). */
  twijfelChanged: count,
  baathoudersAdded: count,
  baathoudersRemoved: count,
  /** Baathouder cards in both snapshots whose schil changed. */
  baathoudersMoved: count,
  /** Baathouder cards in both snapshots whose involvement changed (whether or not they also moved). */
  involvementChanged: count,
  tensionsAdded: count,
  tensionsRemoved: count,
  tensionsDecided: count,
  tensionsStatusChanged: count,
  /** Number of entries in all lists together; 0 means nothing the PvW reads from position changed. */
  changes: count,
})
export type ComparisonSummary = z.infer<typeof comparisonSummarySchema>

export const boardComparisonSchema = z.object({
  values: z.array(valueChangeSchema),
  baathouders: z.array(baathouderChangeSchema),
  tensions: tensionChangesSchema,
  summary: comparisonSummarySchema,
})
export type BoardComparison = z.infer<typeof boardComparisonSchema>
