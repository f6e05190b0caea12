import type { IncomingMessage, ServerResponse } from 'node:http'
import type { RouteName, RouteParams, Routes, TokenPayload } from '@waardentafel/protocol'
import type { z } from 'zod'
import type { BoardRecord } from '../storage/BoardStorage.ts'
import type { SignedInOrganiser } from './organiserAuth.ts'

type Def<N extends RouteName> = (typeof Routes)[N]

/** The request body as the route's schema parsed it; `undefined` for routes that read none or stream their own. */
export type ParsedBody<N extends RouteName> = Def<N>['body'] extends {
  kind: 'json'
  schema: infer S extends z.ZodType
}
  ? z.output<S>
  : undefined

/** On routes that need a role token: the board in the path and the token's payload, both verified. */
export type Authorised<N extends RouteName> = Def<N>['auth'] extends { kind: 'token' }
  ? { readonly board: BoardRecord; readonly payload: TokenPayload }
  : Def<N>['auth'] extends { kind: 'signedIn' }
    ? { readonly organiser: SignedInOrganiser }
    : Def<N>['auth'] extends { kind: 'organiser' }
      ? { readonly organiser: SignedInOrganiser | null }
      : unknown

/**
 * What every handler gets: the request as the router matched it, authorised and with its body parsed (all in
 * `handleRequest`, before the handler runs). One type for all routes, narrowed by the route's name.
 */
export type Context<N extends RouteName = RouteName> = {
  readonly route: N
  readonly req: IncomingMessage
  readonly res: ServerResponse
  readonly params: RouteParams<N>
  /** The query, each key at most once (requestTarget refuses repeats). */
  readonly query: URLSearchParams
  readonly body: ParsedBody<N>
  /** This server's origin as links should name it (`PUBLIC_URL`, else the request's well-formed Host). */
  readonly baseUrl: string
} & Authorised<N>

/** A handler answers with the route's response (sent as JSON with the route's status), or writes a file itself. */
export type Answer<N extends RouteName> = Def<N>['produces'] extends 'json'
  ? z.output<Def<N>['response']>
  : undefined

export type Handler<N extends RouteName> = (ctx: Context<N>) => Promise<Answer<N>>
export type Handlers = { readonly [N in RouteName]: Handler<N> }
