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

/**
 * Who may create and import boards (`organiser` routes): a signed-in organiser (their CSRF token checked), whoever
 * sends the `ORGANISER_KEY` (scripts; a wrong key is refused with ORGANISER_KEY_REQUIRED), or anyone where the
 * operator set `OPEN_BOARD_CREATION` (closed networks; never with a key); otherwise 401 SIGN_IN_REQUIRED. Returns the
 * signed-in organiser, or null for the key or open creation.
 */
async function organiserOrKey(
  req: IncomingMessage,
  deps: {
    organiserKey: string | null
    openCreation: boolean
    organisers: OrganiserAuth
    res: ServerResponse
  },
): Promise<SignedInOrganiser | null> {
  const organiser = await deps.organisers.fromRequest(req, deps.res)
  if (organiser) return organiser
  const given = bearer(req) ?? (req.headers['x-organiser-key'] as string | undefined) ?? null
  if (deps.organiserKey && given !== null) {
    if (given !== deps.organiserKey) throw new AppError('ORGANISER_KEY_REQUIRED', 'organiser key required')
    return null
  }
  if (deps.openCreation) return null
  throw new AppError('SIGN_IN_REQUIRED', 'sign in as an organiser to create boards')
}

export type Authorisation =
  | { board: BoardRecord; payload: TokenPayload }
  | { organiser: SignedInOrganiser }
  | { organiser: SignedInOrganiser | null }
  | Record<string, never>

/**
 * Checks a route's `auth` from the table before anything else of the request is read: a signed-in organiser or the
 * organiser key, or a role token for the board in the path (`boardId`) whose role the route allows (403 FORBIDDEN otherwise).
 */
export async function authorise(
  auth: RouteAuth,
  req: IncomingMessage,
  boardId: string | undefined,
  token: string | null,
  deps: {
    boards: BoardService
    organiserKey: string | null
    openCreation: boolean
    organisers: OrganiserAuth
    res: ServerResponse
  },
): Promise<Authorisation> {
  switch (auth.kind) {
    case 'none':
      return {}
    case 'organiser':
      return { organiser: await organiserOrKey(req, deps) }
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
