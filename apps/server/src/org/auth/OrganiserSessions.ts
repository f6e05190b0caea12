import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type {
  OrganiserRecord,
  OrganiserSessionRecord,
  OrganiserStore,
} from '../../storage/ports/OrganiserStore.ts'
import { clearCookie, readCookie, SESSION_COOKIE, setCookie } from './cookies.ts'

/** A session's expiry slides at most this often (a write per request would be a write per request). */
const TOUCH_EVERY_MS = 5 * 60_000

export type SessionOptions = {
  /** A session ends this long after it was last used… */
  idleMs: number
  /** …and at the latest this long after sign-in. */
  maxMs: number
  /** Secure cookies (PUBLIC_URL is https). */
  secure: boolean
  now?: () => number
}

export type ResolvedSession = { session: OrganiserSessionRecord; organiser: OrganiserRecord }

/** SHA-256, base64url: what is stored of a cookie value or a flow's state. */
export function digest(value: string): string {
  return createHash('sha256').update(value).digest('base64url')
}

/** Equal strings, compared in constant time (over their digests, so lengths leak nothing either). */
export function sameSecret(a: string, b: string): boolean {
  return timingSafeEqual(createHash('sha256').update(a).digest(), createHash('sha256').update(b).digest())
}

/**
 * Organiser sessions behind the `wt_session` cookie: a random 32-byte value in the cookie, its SHA-256 in the store,
 * a CSRF token per session, a sliding expiry with an absolute cap, and deletion on sign-out.
 */
export class OrganiserSessions {
  readonly #store: OrganiserStore
  readonly #options: SessionOptions
  readonly #now: () => number

  constructor(store: OrganiserStore, options: SessionOptions) {
    this.#store = store
    this.#options = options
    this.#now = options.now ?? Date.now
  }

  /**
   * Signs `organiser` in on this browser: a new session and its cookie (a session this browser had before is ended,
   * so no value from before the sign-in stays valid). Returns the session's CSRF token.
   */
  async start(req: IncomingMessage, res: ServerResponse, organiser: OrganiserRecord): Promise<string> {
    const previous = readCookie(req, SESSION_COOKIE)
    if (previous) await this.#store.deleteSession(digest(previous))
    const { value, csrfToken } = await this.create(organiser)
    setCookie(res, SESSION_COOKIE, value, {
      secure: this.#options.secure,
      maxAgeSeconds: this.#options.maxMs / 1000,
    })
    return csrfToken
  }

  /** A new session of `organiser`: the cookie value (only its hash is stored) and the CSRF token. */
  async create(organiser: Pick<OrganiserRecord, 'id'>): Promise<{ value: string; csrfToken: string }> {
    const now = this.#now()
    const value = randomBytes(32).toString('base64url')
    const csrfToken = randomBytes(32).toString('base64url')
    await this.#store.createSession({
      id: digest(value),
      organiserId: organiser.id,
      csrfToken,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: now + Math.min(this.#options.idleMs, this.#options.maxMs),
    })
    // Expired sessions are swept as new ones are made (no timer to own); failures only delay the sweep.
    void this.#store.deleteExpiredSessions(now).catch(() => {})
    return { value, csrfToken }
  }

  /** The live session of the request's cookie and its organiser; null for no cookie, an unknown or an expired one. */
  current(req: IncomingMessage): Promise<ResolvedSession | null> {
    return this.resolve(readCookie(req, SESSION_COOKIE))
  }

  /** The live session of a cookie value: its expiry slid forward (at most every few minutes), capped at `maxMs`. */
  async resolve(value: string | null): Promise<ResolvedSession | null> {
    if (!value) return null
    const id = digest(value)
    const session = await this.#store.getSession(id)
    if (!session) return null
    const now = this.#now()
    if (session.expiresAt <= now) {
      await this.#store.deleteSession(id)
      return null
    }
    const organiser = await this.#store.getOrganiser(session.organiserId)
    if (!organiser) return null
    if (now - session.lastSeenAt >= TOUCH_EVERY_MS) {
      const expiresAt = Math.min(now + this.#options.idleMs, session.createdAt + this.#options.maxMs)
      await this.#store.touchSession(id, now, expiresAt)
      return { session: { ...session, lastSeenAt: now, expiresAt }, organiser }
    }
    return { session, organiser }
  }

  /** Ends the request's session, if any: the row is deleted and the cookie cleared. */
  async end(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const value = readCookie(req, SESSION_COOKIE)
    if (value) await this.#store.deleteSession(digest(value))
    clearCookie(res, SESSION_COOKIE, { secure: this.#options.secure })
  }
}
