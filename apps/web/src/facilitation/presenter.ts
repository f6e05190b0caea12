/** Presenter mode (`?presenter=1` on any board link): the room's big screen, read-only, following along. */
export function isPresenterMode(search: string = window.location.search): boolean {
  const value = new URLSearchParams(search).get('presenter')
  return value === '1' || value === 'true'
}

/** This page's link with presenter mode switched on, for the facilitator's "open presenter screen" button. */
export function presenterUrl(href: string = window.location.href): string {
  const url = new URL(href)
  url.searchParams.set('presenter', '1')
  return url.toString()
}
