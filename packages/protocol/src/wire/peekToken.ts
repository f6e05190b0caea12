import { fromBase64UrlEncoded } from 'lib0/buffer'
import { decodeUtf8 } from 'lib0/string'
import { TOKEN_MAX_LENGTH, type TokenPayload, TokenPayloadSchema } from '../token.ts'

/**
 * What a link's token claims — board, role, generation, expiry — read WITHOUT checking its signature: only for
 * guessing early (the web app opening the board's connection while the server checks the link), never to grant
 * anything; the server verifies every token itself. Null when the token is not `base64url(JSON).signature` with a
 * valid payload.
 */
export function peekToken(token: string): TokenPayload | null {
  if (token.length > TOKEN_MAX_LENGTH) return null
  const [body, signature, extra] = token.split('.')
  if (!body || !signature || extra !== undefined) return null
  let json: unknown
  try {
    json = JSON.parse(decodeUtf8(fromBase64UrlEncoded(body)))
  } catch {
    return null
  }
  const parsed = TokenPayloadSchema.safeParse(withWholeExpiry(json))
  return parsed.success ? parsed.data : null
}

/**
 * Links signed before `exp` was rounded may carry a fractional expiry; they stay valid, rounded down (such a link
 * ends up to a second early). The server's verifier applies the same rule after checking the signature.
 */
export function withWholeExpiry(json: unknown): unknown {
  if (typeof json !== 'object' || json === null || !('exp' in json)) return json
  const { exp } = json
  return typeof exp === 'number' && Number.isFinite(exp) && !Number.isInteger(exp)
    ? { ...json, exp: Math.floor(exp) }
    : json
}
