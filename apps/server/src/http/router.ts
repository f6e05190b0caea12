import { ROUTE_NAMES, type RouteName, type RouteParams, Routes } from '@waardentafel/protocol'
import FindMyWay from 'find-my-way'
import { AppError } from '../errors.ts'
import { MAX_TARGET_LENGTH, type RequestTarget } from './requestTarget.ts'

/** An endpoint of the route table, with its path parameters (each one decoded path segment, never empty). */
export type ApiRoute = {
  [N in RouteName]: { readonly kind: 'api'; readonly name: N; readonly params: RouteParams<N> }
}[RouteName]

/** What a request asks for, decided from its method and target alone (nothing is read or authorised yet). */
export type Route = ApiRoute | { readonly kind: 'static' }

export type Router = { match(method: string | undefined, target: RequestTarget): Route }

/** Where each `:name` of a route's pattern sits among the path's segments. */
type Stored = { readonly name: RouteName; readonly params: readonly (readonly [string, number])[] }

const STATIC: Route = { kind: 'static' }
const TABLE_METHODS = [...new Set(ROUTE_NAMES.map((name) => Routes[name].method))]

/**
 * The router: every route of `Routes` (packages/protocol), matched by find-my-way. Why find-my-way and not Fastify
 * or Hono: this server already owns its node:http server, the upgrade to WebSocket, the streaming body limits and
 * one error boundary; what it lacked was a well-tested path matcher, not a framework to hand those over to.
 *
 * `match` throws only AppErrors — NOT_FOUND, METHOD_NOT_ALLOWED (405 when the path exists with another method),
 * MALFORMED_REQUEST — whatever the method and target (`requestTarget.test.ts` [N2] checks that over generated
 * targets). Paths outside `/api` other than the health check are the web app's.
 */
export function createRouter(): Router {
  const matcher = FindMyWay({ maxParamLength: MAX_TARGET_LENGTH })
  const noop = () => {}
  for (const name of ROUTE_NAMES) {
    const { method, path } = Routes[name]
    const params = path
      .slice(1)
      .split('/')
      .flatMap((part, index) => (part.startsWith(':') ? [[part.slice(1), index] as const] : []))
    const stored: Stored = { name, params }
    // The health check answers whatever the method, as it always has: probes send GET or HEAD.
    if (name === 'health') matcher.all(path, noop, stored)
    else matcher.on(method, path, noop, stored)
  }
  // find-my-way keeps its trees in null-prototype objects: any method name, even `constructor`, just finds nothing.
  const find = (method: string, path: string): Stored | null =>
    (matcher.find(method as FindMyWay.HTTPMethod, path)?.store as Stored | undefined) ?? null

  return {
    match(method, target) {
      const segments = target.segments
      if (target.path !== '/healthz' && segments[0] !== 'api') return STATIC
      if (segments.some((segment) => segment.includes('/'))) {
        throw new AppError('MALFORMED_REQUEST', 'an encoded / inside a path segment')
      }
      // No route has an empty segment; an empty parameter (`/api/boards//session`) is no id either.
      if (segments.includes('')) throw new AppError('NOT_FOUND', 'no such endpoint')
      // find-my-way matches the path as sent; the parameters are taken from the segments requestTarget decoded,
      // so there is one percent-decoder, the strict one.
      const found = find(method ?? '', target.path)
      const others = TABLE_METHODS.flatMap((other) => {
        const stored = other === method ? null : find(other, target.path)
        return stored ? [{ method: other, params: stored.params.length }] : []
      })
      // A route of another method that names more of this path (`POST …/rounds/participant` against
      // `GET …/rounds/:roundId`) owns it: the request used the wrong method, it does not ask for a round "participant".
      const owners = found ? others.filter((other) => other.params < found.params.length) : others
      if (found && owners.length === 0) {
        const params = Object.fromEntries(found.params.map(([key, index]) => [key, segments[index] ?? '']))
        return { kind: 'api', name: found.name, params } as ApiRoute
      }
      if (owners.length > 0) {
        throw new AppError('METHOD_NOT_ALLOWED', `use ${owners.map((owner) => owner.method).join(' or ')}`)
      }
      throw new AppError('NOT_FOUND', 'no such endpoint')
    },
  }
}
