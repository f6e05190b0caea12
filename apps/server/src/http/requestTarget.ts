import { AppError } from '../errors.ts'

/** Longer request targets are refused: the longest legitimate one (a link with its token) is well under 3 KiB. */
export const MAX_TARGET_LENGTH = 8 * 1024

/** A request target (`req.url`) taken apart and checked; `path` stays percent-encoded, `segments` are decoded. */
export type RequestTarget = {
  /** The path as sent, still percent-encoded (routes match on it). */
  readonly path: string
  /** The path's segments after the leading `/`, each percent-decoded. */
  readonly segments: readonly string[]
  readonly query: URLSearchParams
}

const malformed = (message: string) => new AppError('MALFORMED_REQUEST', message)

/**
 * Percent-decodes one path segment or query component, strictly: broken or overlong %-sequences, invalid UTF-8
 * and NUL are refused with MALFORMED_REQUEST instead of the URIError `decodeURIComponent` throws.
 */
export function decodeComponent(raw: string): string {
  if (!raw.includes('%')) {
    if (raw.includes('\0')) throw malformed('NUL in the request target')
    return raw
  }
  let decoded: string
  try {
    decoded = decodeURIComponent(raw)
  } catch {
    throw malformed('bad percent-encoding in the request target')
  }
  if (decoded.includes('\0')) throw malformed('NUL in the request target')
  return decoded
}

/**
 * Parses `req.url` (origin-form: `/path?query`). Refuses with MALFORMED_REQUEST — never a URIError or TypeError —
 * a missing or absolute-form target, one over MAX_TARGET_LENGTH, unencoded characters outside printable ASCII,
 * any segment or query component that does not decode as UTF-8, NUL, and a query key given twice (`?token=a&token=b` would leave it to each reader which wins).
 */
export function parseRequestTarget(raw: string | undefined): RequestTarget {
  if (!raw?.startsWith('/')) throw malformed('the request target must start with /')
  if (raw.length > MAX_TARGET_LENGTH) throw malformed('request target too long')
  // Browsers percent-encode everything else; raw spaces, control characters and non-ASCII are never sent by them.
  if (!/^[\x21-\x7e]*$/.test(raw)) throw malformed('unencoded characters in the request target')
  const cut = raw.search(/[?#]/)
  const path = cut < 0 ? raw : raw.slice(0, cut)
  const rawQuery = cut < 0 || raw[cut] === '#' ? '' : raw.slice(cut + 1).split('#', 1)[0]!
  const segments = path.slice(1).split('/').map(decodeComponent)
  const query = new URLSearchParams()
  if (rawQuery !== '') {
    for (const pair of rawQuery.split('&')) {
      if (pair === '') continue
      const eq = pair.indexOf('=')
      const key = decodeComponent((eq < 0 ? pair : pair.slice(0, eq)).replaceAll('+', ' '))
      const value = eq < 0 ? '' : decodeComponent(pair.slice(eq + 1).replaceAll('+', ' '))
      if (query.has(key)) throw malformed(`query parameter "${key.slice(0, 40)}" given more than once`)
      query.append(key, value)
    }
  }
  return { path, segments, query }
}
