import type { IncomingMessage, ServerResponse } from 'node:http'

/** The organiser's session cookie. */
export const SESSION_COOKIE = 'wt_session'
/** The browser's half of an OpenID Connect sign-in under way (the `state`), for the callback to match. */
export const FLOW_COOKIE = 'wt_oidc'

const VALUE = /^[A-Za-z0-9_-]{1,128}$/

/**
 * One cookie of the request's `Cookie` header, when it is there once and looks like one of ours (base64url);
 * anything else reads as absent. Cookies are untrusted input: no decoding, no exceptions.
 */
export function readCookie(req: IncomingMessage, name: string): string | null {
  const header = req.headers.cookie
  if (typeof header !== 'string' || header.length > 16 * 1024) return null
  let found: string | null = null
  for (const part of header.split(';')) {
    const eq = part.indexOf('=')
    if (eq < 0 || part.slice(0, eq).trim() !== name) continue
    if (found !== null) return null // the same name twice (a cookie tossed in by a sibling domain): trust neither
    found = part.slice(eq + 1).trim()
  }
  return found !== null && VALUE.test(found) ? found : null
}

export type CookieOptions = { secure: boolean; maxAgeSeconds: number; path?: string }

/** Adds a Set-Cookie: HttpOnly, SameSite=Lax, Secure behind https; a max age of 0 clears it. */
export function setCookie(res: ServerResponse, name: string, value: string, options: CookieOptions): void {
  const parts = [
    `${name}=${value}`,
    `Path=${options.path ?? '/'}`,
    'HttpOnly',
    'SameSite=Lax',
    `Max-Age=${Math.max(0, Math.floor(options.maxAgeSeconds))}`,
    ...(options.secure ? ['Secure'] : []),
  ]
  const existing = res.getHeader('set-cookie')
  const list = Array.isArray(existing) ? existing : typeof existing === 'string' ? [existing] : []
  res.setHeader('set-cookie', [...list, parts.join('; ')])
}

export function clearCookie(
  res: ServerResponse,
  name: string,
  options: { secure: boolean; path?: string },
): void {
  setCookie(res, name, '', { ...options, maxAgeSeconds: 0 })
}
