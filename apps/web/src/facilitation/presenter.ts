/** Presenter mode (`?presenter=1` on any board link): the room's big screen, read-only, following along. */
export function isPresenterMode(search: string = window.location.search): boolean {
  const value = new URLSearchParams(search).get('presenter')
  return value === '1' || value === 'true'
}

/**
 * This board's link with presenter mode switched on, for the facilitator's "open presenter screen" button. The
 * address bar no longer holds the token (see linkToken.ts), so it is put back for the new tab, which hides it again.
 */
export function presenterUrl(token: string, href: string = window.location.href): string {
  const url = new URL(href)
  url.searchParams.set('token', token)
  url.searchParams.set('presenter', '1')
  return url.toString()
}
