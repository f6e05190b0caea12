import type { IncomingMessage, ServerResponse } from 'node:http'
import { AppError } from '../errors.ts'

/** A host name or IPv4 address, or a bracketed IPv6 address, with an optional port — nothing else. */
const HOST =
  /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.?|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/

/**
 * The `Host` header when it is well-formed, null when absent. It ends up in links and in the CSP, so anything
 * that is not a host name (or address) and port is refused with MALFORMED_REQUEST.
 */
export function checkedHost(req: IncomingMessage): string | null {
  const host = req.headers.host
  if (host === undefined || host === '') return null
  if (host.length > 261 || !HOST.test(host)) throw new AppError('MALFORMED_REQUEST', 'malformed Host header')
  return host.toLowerCase()
}

/** The app's policy: scripts only from this origin (the built app has no inline script), tldraw's inline styles. */
export function appContentSecurityPolicy(host: string | null): string {
  const sockets = host ? ` ws://${host} wss://${host}` : ''
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "media-src 'self' data: blob:",
    "font-src 'self' data:",
    // data:/blob: never leave the page: tldraw fetches its inlined assets (icons, translations) and images that way.
    `connect-src 'self' data: blob:${sockets}`,
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ')
}

/** The exported Programma van Waarden (HTML): a document with its own inline styles and nothing else. */
export const EXPORT_CONTENT_SECURITY_POLICY =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

/** Set on every HTTP response before anything else is written; a response may narrow the CSP (the export does). */
export function setSecurityHeaders(res: ServerResponse, host: string | null): void {
  res.setHeader('content-security-policy', appContentSecurityPolicy(host))
  res.setHeader('x-frame-options', 'DENY')
  res.setHeader('x-content-type-options', 'nosniff')
  res.setHeader('referrer-policy', 'no-referrer')
  res.setHeader('cross-origin-opener-policy', 'same-origin')
  res.setHeader('cross-origin-resource-policy', 'same-origin')
}

const SAFE_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS'])
// The file uploads of pictures and maps (`POST …/assets`) send `application/octet-stream`: no more a simple type than JSON.
const JSON_TYPE = /^application\/(?:json|octet-stream)[ \t]*(?:;|$)/i

/**
 * A state-changing request must say it sends JSON (a type a cross-origin page cannot send without a CORS
 * preflight, which this server never grants) and, when the browser names its origin, come from this server's own
 * origin or one in `allowedOrigins`. So a page elsewhere cannot create boards or act with a link through a
 * visitor's browser (`text/plain` form posts, `no-cors` fetches). Clients that send no `Origin` (curl, scripts)
 * only need the content type.
 */
export function checkStateChanging(
  req: IncomingMessage,
  host: string | null,
  allowedOrigins: ReadonlySet<string>,
): void {
  if (SAFE_METHODS.has(req.method ?? 'GET')) return
  const origin = req.headers.origin
  if (origin !== undefined && !allowedOrigins.has(origin) && !sameOrigin(origin, host)) {
    throw new AppError('ORIGIN_FORBIDDEN', 'requests from another origin are refused')
  }
  if (!JSON_TYPE.test(req.headers['content-type'] ?? '')) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'send the body as Content-Type: application/json')
  }
}

function sameOrigin(origin: string, host: string | null): boolean {
  if (!host || !URL.canParse(origin)) return false
  const url = new URL(origin)
  return url.origin === origin.toLowerCase() && url.host === host
}

/** An origin list as configured (`https://a.example, https://b.example`), each normalised to its serialised form. */
export function originSet(origins: readonly string[]): ReadonlySet<string> {
  return new Set(origins.filter((o) => URL.canParse(o)).map((o) => new URL(o).origin))
}
