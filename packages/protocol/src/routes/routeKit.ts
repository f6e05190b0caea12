import { z } from 'zod'
import type { Role } from '../roles.ts'

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

/**
 * Who may call a route. `organiser`: a signed-in organiser (session cookie), or the organiser key when the server has
 * one (`Authorization: Bearer <key>` or `X-Organiser-Key`), or anyone where the operator allows open creation on a
 * closed network; `signedIn`: a signed-in organiser only (the handler gets `ctx.organiser`); `token`: a role link's
 * token for the board in the path (`Authorization: Bearer <token>` or `?token=`), of one of `roles`.
 */
export type RouteAuth =
  | { readonly kind: 'none' }
  | { readonly kind: 'organiser' }
  | { readonly kind: 'signedIn' }
  | { readonly kind: 'token'; readonly roles: readonly Role[] }

/**
 * What a route reads from the request body. `json`: parsed with `schema` (the server refuses anything else with
 * 400 INVALID_BODY, and a body over `maxBytes` with 413 BODY_TOO_LARGE); `none`: the body is not read; `stream`:
 * the route reads its own bytes under its own limits (imports).
 */
export type RouteBody =
  | { readonly kind: 'json'; readonly schema: z.ZodType; readonly maxBytes: number }
  | { readonly kind: 'none' }
  | { readonly kind: 'stream' }

export type RouteDef = {
  readonly method: HttpMethod
  /** `/api/boards/:boardId/…`: each `:name` is one path segment, percent-encoded by the client. */
  readonly path: string
  readonly auth: RouteAuth
  readonly body: RouteBody
  /** Query parameters the route reads (all optional strings on the wire). */
  readonly query: z.ZodType
  /** The status of a successful answer. */
  readonly status: number
  /** `json`: the body is `response` as JSON; `file`: whatever the route produces (see its comment). */
  readonly produces: 'json' | 'file'
  readonly response: z.ZodType
}

export const none = { kind: 'none' } as const
export const anyRole = { kind: 'token', roles: ['facilitator', 'participant', 'observer'] } as const
export const workers = { kind: 'token', roles: ['facilitator', 'participant'] } as const
export const facilitator = { kind: 'token', roles: ['facilitator'] } as const
export const json = <S extends z.ZodType>(schema: S, maxBytes = 16 * 1024) =>
  ({ kind: 'json', schema, maxBytes }) as const
export const noQuery = z.object({})

export const signedIn = { kind: 'signedIn' } as const
