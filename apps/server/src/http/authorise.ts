import type { IncomingMessage, ServerResponse } from 'node:http'
import type { RouteAuth, TokenPayload } from '@waardentafel/protocol'
import type { BoardService } from '../BoardService.ts'
import { AppError } from '../errors.ts'
import type { BoardRecord } from '../storage/BoardStorage.ts'
import type { OrganiserAuth, SignedInOrganiser } from './organiserAuth.ts'

/** The token or key a request carries as `Authorization: Bearer …`. */
export function bearer(req: IncomingMessage): string | null {
  const header = req.headers.authorization
  return header?.startsWith('Bearer ') ? header.slice(7) : null
}

/** Without `ORGANISER_KEY` anyone may create and import boards; with it, only who sends it. */
export function checkOrganiserKey(req: IncomingMessage, organiserKey: string | null): void {
  if (!organiserKey) return
  const given = bearer(req) ?? (req.headers['x-organiser-key'] as string | undefined)
  if (given !== organiserKey) throw new AppError('ORGANISER_KEY_REQUIRED', 'organiser key required')
}

export type Authorisation =
  | { board: BoardRecord; payload: TokenPayload }
  | { organiser: SignedInOrganiser }
  | Record<string, never>

/**
 * Checks a route's `auth` from the table before anything else of the request is read: the organiser key, or a
 * role token for the board in the path (`boardId`) whose role the route allows (403 FORBIDDEN otherwise).
 */
export async function authorise(
  auth: RouteAuth,
  req: IncomingMessage,
  boardId: string | undefined,
  token: string | null,
  deps: { boards: BoardService; organiserKey: string | null; organisers: OrganiserAuth; res: ServerResponse },
): Promise<Authorisation> {
  switch (auth.kind) {
    case 'none':
      return {}
    case 'organiser':
      checkOrganiserKey(req, deps.organiserKey)
      return {}
    case 'signedIn': {
      const organiser = await deps.organisers.fromRequest(req, deps.res)
      if (!organiser) throw new AppError('SIGN_IN_REQUIRED', 'sign in as an organiser first')
      return { organiser }
    }
    case 'token': {
      const { board, payload } = await deps.boards.authorize(boardId ?? '', token)
      if (!auth.roles.includes(payload.r)) {
        const message =
          auth.roles.length === 1 ? `only the ${auth.roles[0]} can do this` : `${payload.r}s cannot do this`
        throw new AppError('FORBIDDEN', message)
      }
      return { board, payload }
    }
  }
}
