import type { IncomingMessage, ServerResponse } from 'node:http'
import { CSRF_HEADER } from '@waardentafel/protocol'
import { AppError } from '../../errors.ts'
import type { OrganiserAuth, SignedInOrganiser } from '../../http/organiserAuth.ts'
import { type OrganiserSessions, type ResolvedSession, sameSecret } from './OrganiserSessions.ts'

const SAFE_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * The organiser of a request's session cookie. A state-changing request (not GET/HEAD/OPTIONS) of a signed-in
 * organiser must carry the session's CSRF token in `X-CSRF-Token`, else 403 CSRF_FAILED: a page elsewhere can make
 * the browser send the cookie, but cannot read the token (it is only in `authMe`/`authLocal` answers, which no other
 * origin may read).
 */
export class CookieOrganiserAuth implements OrganiserAuth {
  readonly #sessions: OrganiserSessions

  constructor(sessions: OrganiserSessions) {
    this.#sessions = sessions
  }

  async fromRequest(req: IncomingMessage, _res: ServerResponse): Promise<SignedInOrganiser | null> {
    const resolved = await this.resolve(req)
    return resolved ? { id: resolved.organiser.id, name: resolved.organiser.name } : null
  }

  /** The session and organiser, with the CSRF check of `fromRequest`. */
  async resolve(req: IncomingMessage): Promise<ResolvedSession | null> {
    const resolved = await this.#sessions.current(req)
    if (!resolved) return null
    if (!SAFE_METHODS.has(req.method ?? 'GET')) {
      const given = req.headers[CSRF_HEADER]
      if (typeof given !== 'string' || !sameSecret(given, resolved.session.csrfToken)) {
        throw new AppError('CSRF_FAILED', 'this request needs the X-CSRF-Token of the session')
      }
    }
    return resolved
  }
}
