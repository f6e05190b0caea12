import { z } from 'zod'
import {
  ClientConfigSchema,
  CreateBoardRequestSchema,
  CreateBoardResponseSchema,
  SessionResponseSchema,
} from '../api.ts'
import {
  FacilitationActionSchema,
  IssueLinkRequestSchema,
  LinkResponseSchema,
  RevokeLinksRequestSchema,
} from '../facilitation.ts'
import { JoinCodeResponseSchema, JoinResolveResponseSchema } from '../joinCode.ts'
import {
  ParticipantKeyResponseSchema,
  PutPlacementsRequestSchema,
  RoundReportSchema,
  SaveSessionRequestSchema,
  SessionSummarySchema,
} from '../rounds.ts'
import { AssetRoutes } from './assetRoutes.ts'
import { AuthRoutes } from './authRoutes.ts'
import { OrgRoutes } from './orgRoutes.ts'
import { PrivacyRoutes } from './privacyRoutes.ts'
import { anyRole, facilitator, json, none, noQuery, type RouteDef, workers } from './routeKit.ts'
import { VersionRoutes } from './versionRoutes.ts'

export type { HttpMethod, RouteAuth, RouteBody, RouteDef } from './routeKit.ts'

/** A board snapshot in the format of docs/board-schema.md (validated by `packages/domain`, not here). */
export const BoardSnapshotJsonSchema = z.unknown()
/** What changed between two snapshots (`compareBoards` in `packages/domain`). */
export const BoardComparisonJsonSchema = z.unknown()

export const HealthResponseSchema = z.object({ ok: z.literal(true) })
export const FacilitationResponseSchema = z.object({
  ok: z.literal(true),
  /** The new round's id, after `round.open`. */
  roundId: z.string().optional(),
})
export const PutPlacementsResponseSchema = z.object({
  ok: z.literal(true),
  accepted: z.number().int().nonnegative(),
  /** Placements of values no longer in the round (deleted meanwhile): dropped, not refused. */
  ignored: z.number().int().nonnegative(),
})

/**
 * Every HTTP endpoint of the server, defined once: the server's router registers exactly these, the web client
 * calls exactly these, and docs/protocol.md lists them (a test checks it). Add routes; do not rename them.
 */
export const Routes = {
  health: {
    method: 'GET',
    path: '/healthz',
    auth: none,
    body: none,
    query: noQuery,
    status: 200,
    produces: 'json',
    response: HealthResponseSchema,
  },
  config: {
    method: 'GET',
    path: '/api/config',
    auth: none,
    body: none,
    query: noQuery,
    status: 200,
    produces: 'json',
    response: ClientConfigSchema,
  },
  createBoard: {
    method: 'POST',
    path: '/api/boards',
    auth: { kind: 'organiser' },
    body: json(CreateBoardRequestSchema, 64 * 1024),
    query: noQuery,
    status: 201,
    produces: 'json',
    response: CreateBoardResponseSchema,
  },
  /** The body is a board snapshot, read under MAX_IMPORT_BYTES / MAX_IMPORT_RECORDS off the event loop. */
  importBoard: {
    method: 'POST',
    path: '/api/boards/import',
    auth: { kind: 'organiser' },
    body: { kind: 'stream' },
    query: z.object({ title: z.string().optional() }),
    status: 201,
    produces: 'json',
    response: CreateBoardResponseSchema,
  },
  session: {
    method: 'GET',
    path: '/api/boards/:boardId/session',
    auth: anyRole,
    body: none,
    query: noQuery,
    status: 200,
    produces: 'json',
    response: SessionResponseSchema,
  },
  snapshot: {
    method: 'GET',
    path: '/api/boards/:boardId/snapshot',
    auth: workers,
    body: none,
    query: noQuery,
    status: 200,
    produces: 'json',
    response: BoardSnapshotJsonSchema,
  },
  /** The Programma van Waarden: JSON by default, `md`/`docx` as attachments, `html` inline unless `download`. */
  programma: {
    method: 'GET',
    path: '/api/boards/:boardId/programma',
    auth: workers,
    body: none,
    query: z.object({
      format: z.enum(['json', 'md', 'docx', 'html', 'pdf']).optional(),
      download: z.string().optional(),
      /** Adds the kernteam's kwaliteitstoets as an annex (`1`); the document for the college leaves it out. */
      kwaliteitstoets: z.enum(['0', '1']).optional(),
      /** The live board is always a concept; a frozen version's status is the version's (`versionRoutes.ts`). */
      status: z.enum(['concept']).optional(),
    }),
    status: 200,
    produces: 'file',
    response: z.unknown(),
  },
  facilitation: {
    method: 'POST',
    path: '/api/boards/:boardId/facilitation',
    auth: facilitator,
    body: json(FacilitationActionSchema),
    query: noQuery,
    status: 200,
    produces: 'json',
    response: FacilitationResponseSchema,
  },
  issueLink: {
    method: 'POST',
    path: '/api/boards/:boardId/links',
    auth: facilitator,
    body: json(IssueLinkRequestSchema),
    query: noQuery,
    status: 201,
    produces: 'json',
    response: LinkResponseSchema,
  },
  revokeLinks: {
    method: 'POST',
    path: '/api/boards/:boardId/links/revoke',
    auth: facilitator,
    body: json(RevokeLinksRequestSchema),
    query: noQuery,
    status: 200,
    produces: 'json',
    response: LinkResponseSchema,
  },
  issueJoinCode: {
    method: 'POST',
    path: '/api/boards/:boardId/join-code',
    auth: facilitator,
    body: none,
    query: noQuery,
    status: 200,
    produces: 'json',
    response: JoinCodeResponseSchema,
  },
  /** The code is its own authorisation; wrong codes are limited per address (429). */
  resolveJoinCode: {
    method: 'GET',
    path: '/api/join/:code',
    auth: none,
    body: none,
    query: noQuery,
    status: 200,
    produces: 'json',
    response: JoinResolveResponseSchema,
  },
  issueParticipantKey: {
    method: 'POST',
    path: '/api/boards/:boardId/rounds/participant',
    auth: workers,
    body: none,
    query: noQuery,
    status: 201,
    produces: 'json',
    response: ParticipantKeyResponseSchema,
  },
  putPlacements: {
    method: 'PUT',
    path: '/api/boards/:boardId/rounds/:roundId/placements',
    auth: workers,
    body: json(PutPlacementsRequestSchema, 256 * 1024),
    query: noQuery,
    status: 200,
    produces: 'json',
    response: PutPlacementsResponseSchema,
  },
  /** The author's ballot key, when asking for `mine`, goes in the `X-Participant-Key` header. */
  roundReport: {
    method: 'GET',
    path: '/api/boards/:boardId/rounds/:roundId',
    auth: anyRole,
    body: none,
    query: noQuery,
    status: 200,
    produces: 'json',
    response: RoundReportSchema,
  },
  saveSession: {
    method: 'POST',
    path: '/api/boards/:boardId/sessions',
    auth: facilitator,
    body: json(SaveSessionRequestSchema),
    query: noQuery,
    status: 201,
    produces: 'json',
    response: SessionSummarySchema,
  },
  listSessions: {
    method: 'GET',
    path: '/api/boards/:boardId/sessions',
    auth: workers,
    body: none,
    query: noQuery,
    status: 200,
    produces: 'json',
    response: z.array(SessionSummarySchema),
  },
  compareSessions: {
    method: 'GET',
    path: '/api/boards/:boardId/sessions/compare',
    auth: workers,
    body: none,
    query: z.object({ from: z.string(), to: z.string().optional() }),
    status: 200,
    produces: 'json',
    response: BoardComparisonJsonSchema,
  },
  restoreSession: {
    method: 'POST',
    path: '/api/boards/:boardId/sessions/:sessionId/restore',
    auth: facilitator,
    body: none,
    query: noQuery,
    status: 201,
    produces: 'json',
    response: CreateBoardResponseSchema,
  },
  /** Organiser sign-in (local account, OpenID Connect): `authRoutes.ts`. */
  ...AuthRoutes,
  /** Workspaces, projects, the organiser's boards and their lifecycle: `orgRoutes.ts`. */
  ...OrgRoutes,
  /** Inzage, export and erasure of a person's data, retention: `privacyRoutes.ts`. */
  ...PrivacyRoutes,
  /** Images and PDF maps stored by the server: `assetRoutes.ts`. */
  ...AssetRoutes,
  /** Versions of the Programma van Waarden, vaststelling and the intentieverklaring: `versionRoutes.ts`. */
  ...VersionRoutes,
} as const satisfies Record<string, RouteDef>

export type RouteName = keyof typeof Routes
export const ROUTE_NAMES = Object.keys(Routes) as RouteName[]

/** The `:name`s of a path pattern, as a union of string literals. */
export type PathParams<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? Name | PathParams<`/${Rest}`>
  : P extends `${string}:${infer Name}`
    ? Name
    : never

export type RouteParams<N extends RouteName> = {
  readonly [K in PathParams<(typeof Routes)[N]['path']>]: string
}

/** The parsed request body of a route (`undefined` for routes that read none or stream their own). */
export type RouteRequest<N extends RouteName> = (typeof Routes)[N]['body'] extends {
  kind: 'json'
  schema: infer S
}
  ? S extends z.ZodType
    ? z.input<S>
    : never
  : undefined

/** The query a route reads, as a client sends it. */
export type RouteQuery<N extends RouteName> = z.input<(typeof Routes)[N]['query']>

export type RouteResponse<N extends RouteName> = z.output<(typeof Routes)[N]['response']>

/** A route's path with its parameters filled in, each percent-encoded as one segment. */
export function routePath<N extends RouteName>(name: N, params: RouteParams<N>): string {
  const values = params as Readonly<Record<string, string>>
  return Routes[name].path.replace(/:([A-Za-z]+)/g, (_, key: string) => {
    const value = values[key]
    if (value === undefined || value === '') throw new Error(`route ${name}: missing :${key}`)
    return encodeURIComponent(value)
  })
}
