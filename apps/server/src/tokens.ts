import { createHmac, createSecretKey, type KeyObject, timingSafeEqual } from 'node:crypto'
import type { Role, TokenPayload } from '@waardentafel/protocol'
import { TokenPayloadSchema, withWholeExpiry } from '@waardentafel/protocol'
import { AppError } from './errors.ts'

/** Signs and verifies role-link tokens: `base64url(JSON payload).base64url(HMAC-SHA256)`. */
export class TokenSigner {
  /** A key object made once: cheaper per token than handing the raw secret to every HMAC. */
  readonly #secret: KeyObject
  readonly #ttlSeconds: number
  readonly #now: () => number

  constructor(secret: string, ttlSeconds: number, now: () => number = Date.now) {
    this.#secret = createSecretKey(Buffer.from(secret, 'utf8'))
    this.#ttlSeconds = ttlSeconds
    this.#now = now
  }

  sign(boardId: string, role: Role, generation = 0, ttlSeconds = this.#ttlSeconds): string {
    const iat = Math.floor(this.#now() / 1000)
    // Whole seconds, at least one: a lifetime in fractional days (0.3 × 86,400 = 25,920.000000000004) once made a
    // non-integer `exp` that the payload schema then refused.
    const exp = iat + Math.max(1, Math.round(ttlSeconds))
    const payload: TokenPayload = { v: 1, b: boardId, r: role, iat, exp, g: generation }
    const body = Buffer.from(JSON.stringify(payload)).toString('base64url')
    return `${body}.${this.#mac(body)}`
  }

  /** Verifies signature, shape and expiry; the board check is the caller's (it knows the board asked for). */
  verify(token: string | null | undefined): TokenPayload {
    if (!token) throw new AppError('TOKEN_MISSING', 'no token')
    if (token.length > 2048) throw new AppError('TOKEN_INVALID', 'token too long')
    const [body, mac, extra] = token.split('.')
    if (!body || !mac || extra !== undefined) throw new AppError('TOKEN_INVALID', 'malformed token')
    const expected = Buffer.from(this.#mac(body))
    const given = Buffer.from(mac)
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
      throw new AppError('TOKEN_INVALID', 'bad signature')
    }
    let json: unknown
    try {
      json = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'))
    } catch {
      throw new AppError('TOKEN_INVALID', 'unreadable payload')
    }
    // Links signed before `exp` was rounded may carry a fractional expiry; ours (the signature checked out), they
    // keep working, rounded down — the same rule the web's `peekToken` applies.
    const parsed = TokenPayloadSchema.safeParse(withWholeExpiry(json))
    if (!parsed.success) throw new AppError('TOKEN_INVALID', 'invalid payload')
    if (parsed.data.exp * 1000 <= this.#now()) throw new AppError('TOKEN_EXPIRED', 'token expired')
    return parsed.data
  }

  #mac(body: string): string {
    return createHmac('sha256', this.#secret).update(body).digest('base64url')
  }
}
