/** Where a sign-in returns to when no safe `returnTo` was given. */
export const HOME = '/'

/**
 * A `returnTo` that stays on this server: a path that starts with one `/` (not `//` or `/\`, which browsers read as
 * another host), without control characters or a scheme, at most 2,000 characters. Anything else is the home page,
 * so a sign-in link can never send an organiser on to another site (an open redirect).
 */
export function safeReturnTo(raw: string | null | undefined): string {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > 2000) return HOME
  if (!raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\')) return HOME
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
  if (/[\u0000-\u001f\u007f\\]/.test(raw)) return HOME
  // Resolved against a placeholder origin, the path must still be on it (catches anything the rules above missed).
  const base = 'http://same-origin.invalid'
  let url: URL
  try {
    url = new URL(raw, base)
  } catch {
    return HOME
  }
  if (url.origin !== base) return HOME
  return `${url.pathname}${url.search}${url.hash}`
}
