import { z } from 'zod'
import { json, none, type RouteDef, signedIn } from './routeKit.ts'

/** A person's name as an organiser types it for inzage or erasure (the domain refuses 1 letter, or "deelnemer"). */
export const PersonNameSchema = z.string().trim().min(2).max(80)

export const PersonInzageQuerySchema = z.object({
  name: z.string(),
  /** `1`: answered as a file to save (`Content-Disposition: attachment`). */
  download: z.enum(['1']).optional(),
})

/** One place a board's document (or a saved session's snapshot) mentions the person. */
export const PersonMentionSchema = z.object({
  recordId: z.string().nullable(),
  typeName: z.string(),
  type: z.string().nullable(),
  path: z.string(),
  text: z.string(),
})
export type PersonMentionDto = z.infer<typeof PersonMentionSchema>

export const BoardInzageSchema = z.object({
  boardId: z.string(),
  title: z.string(),
  projectId: z.string().nullable(),
  /** Cards, notes, `user` records of the live document. */
  document: z.array(PersonMentionSchema),
  /** Facilitation state naming them (the facilitator followed by everyone). */
  facilitation: z.array(z.object({ path: z.string(), text: z.string() })),
  /** Their ballots in prioritising rounds. */
  ballots: z.array(
    z.object({
      roundId: z.string(),
      name: z.string(),
      organisation: z.string(),
      placements: z.array(
        z.object({ valueId: z.string(), klasse: z.string(), twijfel: z.boolean(), at: z.number() }),
      ),
    }),
  ),
  /** Saved sessions whose name or snapshot mentions them. */
  sessions: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      createdAt: z.number(),
      mentions: z.array(PersonMentionSchema),
    }),
  ),
})
export type BoardInzage = z.infer<typeof BoardInzageSchema>

/** Inzage (AVG art. 15): everything the workspace's boards store about a name, as JSON. */
export const PersonInzageSchema = z.object({
  format: z.literal('waardentafel.inzage'),
  version: z.literal(1),
  name: z.string(),
  workspaceId: z.string(),
  /** ISO 8601, the server's clock. */
  generatedAt: z.string(),
  boardsSearched: z.number().int().nonnegative(),
  /** Only boards that mention the person. */
  boards: z.array(BoardInzageSchema),
  /** The project's kernteam lists that name them. */
  projects: z.array(z.object({ projectId: z.string(), name: z.string(), kernteam: z.array(z.string()) })),
  /** What is not kept at all, said so the answer is complete (presence is never stored). */
  notStored: z.array(z.string()),
})
export type PersonInzage = z.infer<typeof PersonInzageSchema>

export const ErasePersonRequestSchema = z.object({ name: PersonNameSchema, confirm: z.literal(true) })
export type ErasePersonRequest = z.infer<typeof ErasePersonRequestSchema>

/** What one board's erasure changed. */
export const BoardErasureSchema = z.object({
  boardId: z.string(),
  /** Strings rewritten in the live document (cards, notes, user records, facilitation). */
  document: z.number().int().nonnegative(),
  /** Ballot rows renamed. */
  ballots: z.number().int().nonnegative(),
  /** Saved sessions rewritten. */
  sessions: z.number().int().nonnegative(),
})
export type BoardErasure = z.infer<typeof BoardErasureSchema>

export const ErasePersonResponseSchema = z.object({
  boardsSearched: z.number().int().nonnegative(),
  /** Only boards where something changed. */
  boards: z.array(BoardErasureSchema),
  /** Kernteam entries replaced in the workspace's projects. */
  projects: z.number().int().nonnegative(),
})
export type ErasePersonResponse = z.infer<typeof ErasePersonResponseSchema>

/** The people's data: inzage, export and erasure of a person, retention (AVG; issue #17). Workspace owners only. */
export const PrivacyRoutes = {
  personInzage: {
    method: 'GET',
    path: '/api/workspaces/:workspaceId/privacy/person',
    auth: signedIn,
    body: none,
    query: PersonInzageQuerySchema,
    status: 200,
    produces: 'json',
    response: PersonInzageSchema,
  },
  erasePerson: {
    method: 'POST',
    path: '/api/workspaces/:workspaceId/privacy/erase',
    auth: signedIn,
    body: json(ErasePersonRequestSchema),
    query: z.object({}),
    status: 200,
    produces: 'json',
    response: ErasePersonResponseSchema,
  },
} as const satisfies Record<string, RouteDef>
