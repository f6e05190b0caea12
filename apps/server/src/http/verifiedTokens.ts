import type { TokenPayload } from '@waardentafel/protocol'
import { AppError } from '../errors.ts'
import { TokenSigner } from '../tokens.ts'

/**
 * A TokenSigner that remembers the tokens it verified: a participant link is presented again at every connect and
 * reconnect (and by everyone sharing it), and its HMAC is the largest part of checking a connection's token. Only
 * tokens whose signature and shape checked out are kept (so junk cannot fill the cache), the expiry is checked
 * at every use, and the least recently used are forgotten beyond `capacity`.
 */
export class CachingTokenSigner extends TokenSigner {
  readonly #verified = new Map<string, Readonly<TokenPayload>>()
  readonly #capacity: number
  readonly #clock: () => number

  constructor(secret: string, ttlSeconds: number, now: () => number = Date.now, capacity = 4096) {
    super(secret, ttlSeconds, now)
    this.#clock = now
    this.#capacity = capacity
  }

  override verify(token: string | null | undefined): TokenPayload {
    const known = token ? this.#verified.get(token) : undefined
    if (!known || !token) {
      const payload = Object.freeze(super.verify(token))
      if (this.#verified.size >= this.#capacity) this.#verified.delete(this.#verified.keys().next().value!)
      this.#verified.set(token!, payload)
      return { ...payload }
    }
    if (known.exp * 1000 <= this.#clock()) {
      this.#verified.delete(token)
      throw new AppError('TOKEN_EXPIRED', 'token expired')
    }
    // Most recently used last: the first key is the one to forget.
    this.#verified.delete(token)
    this.#verified.set(token, known)
    return { ...known }
  }
}
