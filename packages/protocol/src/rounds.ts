import { z } from 'zod'
import { RoundClassSchema } from './valueClass.ts'

export { ROUND_CLASSES, type RoundClass, RoundClassSchema } from './valueClass.ts'

/** A prioritising round, as kept in the doc's facilitation map under `rounds.<id>` (written by the server). */
export const RoundSchema = z.object({
  id: z.string().max(40),
  title: z.string().max(200),
  /** ISO date (yyyy-mm-dd) the facilitator asks people to be done by; informative, not enforced. */
  deadline: z.string().max(40).nullable(),
  anonymous: z.boolean(),
  /** Whether participants may see the placements of others before the round closes. */
  visibleBeforeClose: z.boolean(),
  /** The waarden-prioritering template whose value cards are prioritised (null: all value cards on the board). */
  prioriteringId: z.string().max(100).nullable(),
  status: z.enum(['open', 'closed']),
  openedAt: z.number(),
  closedAt: z.number().nullable(),
  adoption: z.object({ by: z.string().max(200), at: z.number() }).nullable(),
})
export type Round = z.infer<typeof RoundSchema>

export const RoundActionSchema = z.discriminatedUnion('action', [
  z.object({
    action: z.literal('round.open'),
    title: z.string().trim().min(1).max(200),
    deadline: z.string().max(40).nullable().default(null),
    anonymous: z.boolean().default(false),
    visibleBeforeClose: z.boolean().default(false),
    prioriteringId: z.string().max(100).nullable().default(null),
  }),
  z.object({ action: z.literal('round.close'), roundId: z.string().max(40) }),
  /** Recorded after the facilitator's client moved the value cards into the round's result. */
  z.object({
    action: z.literal('round.adopt'),
    roundId: z.string().max(40),
    by: z.string().trim().min(1).max(200),
  }),
])
export type RoundAction = z.infer<typeof RoundActionSchema>

export const ParticipantSchema = z.object({
  /**
   * The ballot key the server issued (`POST …/rounds/participant`), kept on the device: one ballot. A key the
   * server did not issue for this board is refused (403 PARTICIPANT_KEY_UNKNOWN).
   */
  key: z.string().min(8).max(64),
  name: z.string().trim().min(1).max(80),
  organisation: z.string().trim().max(80).default(''),
})

export const PlacementSchema = z.object({
  valueId: z.string().min(1).max(100),
  klasse: RoundClassSchema,
  twijfel: z.boolean().default(false),
  /** When the person made this placement (epoch ms); the latest per value wins when devices merge. */
  at: z.number().int().nonnegative(),
})
export type Placement = z.infer<typeof PlacementSchema>

/** `PUT /api/boards/:id/rounds/:roundId/placements` */
export const PutPlacementsRequestSchema = z.object({
  participant: ParticipantSchema,
  placements: z.array(PlacementSchema).max(500),
})
export type PutPlacementsRequest = z.infer<typeof PutPlacementsRequestSchema>

/** `POST /api/boards/:id/rounds/participant`: a new ballot key for this device (only its hash is stored). */
export const ParticipantKeyResponseSchema = z.object({ key: z.string().min(8).max(64) })
export type ParticipantKeyResponse = z.infer<typeof ParticipantKeyResponseSchema>

/** The request header that proves a ballot's author: its key (never in the URL, which proxies log). */
export const PARTICIPANT_KEY_HEADER = 'x-participant-key'

/** Per value: how the placements fall, and how much people disagree (what to discuss first). */
export const RoundValueResultSchema = z.object({
  valueId: z.string(),
  counts: z.object({ sturend: z.number(), meekoppelen: z.number(), 'vinger-aan-de-pols': z.number() }),
  twijfel: z.number(),
  total: z.number(),
  majority: RoundClassSchema.nullable(),
  /** Share of placements in the majority class, 0–1. */
  consensus: z.number(),
  /** Normalised entropy of the distribution, 0 (all agree) – 1 (evenly split). */
  disagreement: z.number(),
})
export type RoundValueResult = z.infer<typeof RoundValueResultSchema>

/** `GET /api/boards/:id/rounds/:roundId` (the author's key, when asking for `mine`, in `X-Participant-Key`) */
export const RoundReportSchema = z.object({
  round: RoundSchema,
  /** Who has placed how many values; names are left out for anonymous rounds (except for the facilitator). */
  progress: z.array(
    z.object({
      name: z.string().nullable(),
      organisation: z.string().nullable(),
      placed: z.number(),
      done: z.boolean(),
    }),
  ),
  valueCount: z.number(),
  /** Null while results are hidden from this role (round open and not visible before close). */
  results: z.array(RoundValueResultSchema).nullable(),
  /** Value ids, strongest disagreement first. */
  toDiscuss: z.array(z.string()).nullable(),
  /** The asking participant's own placements (with their key in `X-Participant-Key`), to restore them on any device. */
  mine: z.array(PlacementSchema),
  /**
   * Each person's placements: only for the facilitator, only in a named round; null otherwise. In an anonymous
   * round nobody but the author (with the key) ever sees individual placements.
   */
  ballots: z
    .array(z.object({ name: z.string(), organisation: z.string(), placements: z.array(PlacementSchema) }))
    .nullable()
    .default(null),
})
export type RoundReport = z.infer<typeof RoundReportSchema>

/** Named snapshots of a board ("Sessie 1 — Quickscan"). */
export const SaveSessionRequestSchema = z.object({ name: z.string().trim().min(1).max(200) })
export const SessionSummarySchema = z.object({ id: z.string(), name: z.string(), createdAt: z.number() })
export type SessionSummary = z.infer<typeof SessionSummarySchema>
