import type { IncomingMessage, ServerResponse } from 'node:http'
import { type RouteDef, Routes } from '@waardentafel/protocol'
import type { z } from 'zod'
import { clientAddress } from '../admission/clientAddress.ts'
import type { BoardService } from '../BoardService.ts'
import type { Config } from '../config.ts'
import { AppError } from '../errors.ts'
import type { Limits } from '../limits/Limits.ts'
import { authorise, bearer } from './authorise.ts'
import type { Context, Handlers } from './context.ts'
import { sendError } from './handleError.ts'
import type { OrganiserAuth } from './organiserAuth.ts'
import type { RefusalLog } from './RefusalLog.ts'
import { readJsonBody } from './readJsonBody.ts'
import { checkedHost, checkStateChanging, originSet, setSecurityHeaders } from './requestGuards.ts'
import { parseRequestTarget } from './requestTarget.ts'
import { type ApiRoute, createRouter } from './router.ts'
import { sendJson } from './sendJson.ts'
import type { StaticFiles } from './staticFiles.ts'

export type RequestDeps = {
  handlers: Handlers
  boards: BoardService
  limits: Limits
  refusals: RefusalLog
  staticFiles: StaticFiles
  /** Who signed in (issue #17): the session cookie's organiser (`org/auth`). */
  organisers: OrganiserAuth
}

/** The part of a handler's Context that is the same for every route. */
type Shared = Pick<Context, 'req' | 'res' | 'query' | 'baseUrl'>

type HttpConfig = Pick<Config, 'publicUrl' | 'allowedOrigins' | 'organiserKey' | 'trustProxy' | 'organisers'>

/**
 * The HTTP side of the server, in the order every request goes through it: security headers, the request target
 * and Host checked, the route matched, the origin and content type of state-changing requests checked, the rate
 * limits, then for API routes the route's auth, its body parsed with its schema, and its handler. It is also the
 * error boundary of every request: whatever the request and whatever a handler throws, the answer is the
 * documented code (`sendError`) and the process carries on.
 */
export function createRequestHandler(
  config: HttpConfig,
  deps: RequestDeps,
): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const router = createRouter()
  // Only the well-formed Host of the request (checkedHost) ever gets here.
  const baseUrl = (host: string | null) => config.publicUrl ?? `http://${host ?? 'localhost'}`
  const allowedOrigins = originSet([
    ...(config.publicUrl ? [config.publicUrl] : []),
    ...config.allowedOrigins,
  ])
  const address = (req: IncomingMessage) => clientAddress(req, config.trustProxy)

  /** An API route: its auth, its body parsed with its schema, its handler, its answer with its status. */
  async function answer(route: ApiRoute, request: Shared, token: string | null): Promise<void> {
    const { req, res } = request
    const def: RouteDef = Routes[route.name]
    const boardId = 'boardId' in route.params ? route.params.boardId : undefined
    const auth = await authorise(def.auth, req, boardId, token, {
      boards: deps.boards,
      organiserKey: config.organiserKey,
      openCreation: config.organisers.openBoardCreation,
      organisers: deps.organisers,
      res,
    })
    const body =
      def.body.kind === 'json'
        ? parsed(def.body.schema, await readJsonBody(req, def.body.maxBytes))
        : undefined
    const handler = deps.handlers[route.name] as (ctx: unknown) => Promise<unknown>
    const result = await handler({ ...request, ...auth, route: route.name, params: route.params, body })
    if (def.produces === 'json') sendJson(res, def.status, result)
  }

  return async function handleRequest(req, res) {
    try {
      // On every answer, refusals included; once the Host is known to be well-formed, its ws/wss join connect-src.
      setSecurityHeaders(res, null)
      const host = checkedHost(req)
      if (host) setSecurityHeaders(res, host)
      const target = parseRequestTarget(req.url)
      const route = router.match(req.method, target)
      checkStateChanging(req, host, allowedOrigins)
      const token = bearer(req) ?? target.query.get('token')
      // Per-request checks that need the route (rate limits, quotas) go here, before anything is read or loaded.
      await deps.limits.admit(req, res, route, token)
      if (route.kind === 'static') {
        return deps.staticFiles(req, res, (error) => deps.refusals.report(error, address(req), 'static file'))
      }
      await answer(route, { req, res, query: target.query, baseUrl: baseUrl(host) }, token)
    } catch (error) {
      deps.refusals.report(error, address(req), `${req.method} request`)
      sendError(res, error)
    }
  }
}

/** A body that does not fit the route's schema: 400 INVALID_BODY naming the first field at fault. */
function parsed(schema: z.ZodType, raw: unknown): unknown {
  const result = schema.safeParse(raw)
  if (!result.success) {
    const issue = result.error.issues[0]
    throw new AppError('INVALID_BODY', `${issue?.path.join('.') || 'body'}: ${issue?.message}`)
  }
  return result.data
}
