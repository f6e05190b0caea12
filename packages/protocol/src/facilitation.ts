import { z } from 'zod'
import { RoleSchema } from './roles.ts'
import { RoundActionSchema, RoundSchema } from './rounds.ts'

/**
 * The workshop state only the facilitator controls. It lives in the board's Y.Doc under the root map
 * `facilitation` (one key per field below) so every participant sees it live — but no client may write there:
 * the server writes it when the facilitator calls `POST /api/boards/:id/facilitation`, and refuses any client
 * update that touches it (close code 4409).
 */
export const FACILITATION_MAP = 'facilitation'

export const TimerSchema = z.object({
  status: z.enum(['idle', 'running', 'paused']),
  durationMs: z.number().int().nonnegative(),
  /** Epoch ms at which a running timer reaches zero. */
  endsAt: z.number().nullable(),
  /** What was left when paused. */
  remainingMs: z.number().int().nonnegative(),
})
export type Timer = z.infer<typeof TimerSchema>

export const SummonSchema = z.object({
  /** Raised on every summon, so the same viewport can be summoned twice. */
  seq: z.number().int().nonnegative(),
  pageId: z.string().max(100),
  x: z.number(),
  y: z.number(),
  z: z.number().positive(),
  by: z.string().max(100),
})
export type Summon = z.infer<typeof SummonSchema>

export const FollowMeSchema = z.object({ userId: z.string().max(100), name: z.string().max(200) }).nullable()
export type FollowMe = z.infer<typeof FollowMeSchema>

export const LockSchema = z.object({ structure: z.boolean(), valueCards: z.boolean() })
export type Lock = z.infer<typeof LockSchema>

/**
 * Private mode: while `on`, a participant's new notes stay in a local-only document on their own device (the
 * server never receives them). Raising `revealSeq` asks every device to move its private notes onto the board.
 */
export const PrivateModeSchema = z.object({ on: z.boolean(), revealSeq: z.number().int().nonnegative() })
export type PrivateMode = z.infer<typeof PrivateModeSchema>

export const FacilitationStateSchema = z.object({
  timer: TimerSchema.default({ status: 'idle', durationMs: 0, endsAt: null, remainingMs: 0 }),
  summon: SummonSchema.nullable().default(null),
  followMe: FollowMeSchema.default(null),
  lock: LockSchema.default({ structure: false, valueCards: false }),
  rounds: z.record(z.string(), RoundSchema).default({}),
  privateMode: PrivateModeSchema.default({ on: false, revealSeq: 0 }),
})
export type FacilitationState = z.infer<typeof FacilitationStateSchema>

const minutes = z
  .number()
  .int()
  .positive()
  .max(24 * 60 * 60 * 1000)

/** What the facilitator can do, as the body of `POST /api/boards/:id/facilitation`. */
export const FacilitationActionSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('timer.start'), durationMs: minutes }),
  z.object({ action: z.literal('timer.pause') }),
  z.object({ action: z.literal('timer.resume') }),
  z.object({ action: z.literal('timer.reset') }),
  z.object({
    action: z.literal('summon'),
    pageId: z.string().max(100),
    x: z.number().finite(),
    y: z.number().finite(),
    z: z.number().positive().finite(),
    by: z.string().max(100),
  }),
  z.object({ action: z.literal('followMe'), userId: z.string().max(100), name: z.string().max(200) }),
  z.object({ action: z.literal('followMe.stop') }),
  z.object({ action: z.literal('lock'), structure: z.boolean(), valueCards: z.boolean() }),
  z.object({ action: z.literal('privateMode'), on: z.boolean() }),
  z.object({ action: z.literal('privateMode.reveal') }),
  ...RoundActionSchema.options,
])
export type FacilitationAction = z.infer<typeof FacilitationActionSchema>

/** `POST /api/boards/:id/links`: a new link for a role, optionally with its own lifetime. */
export const IssueLinkRequestSchema = z.object({
  role: RoleSchema,
  /** Days, fractions allowed (0.5: twelve hours); the server rounds the expiry to whole seconds. */
  ttlDays: z.number().positive().max(365).optional(),
})
export const RevokeLinksRequestSchema = z.object({ role: RoleSchema })
export const LinkResponseSchema = z.object({
  role: RoleSchema,
  link: z.string().url(),
  expiresAt: z.number().int(),
})
export type LinkResponse = z.infer<typeof LinkResponseSchema>
