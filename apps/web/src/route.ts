import { isJoinCode, normaliseJoinCode } from '@waardentafel/protocol'

/**
 * The app's places: home, a board opened from a role link (`/b/:boardId?token=…`), and a short join code typed
 * from the room's screen (`/<code>`).
 */
export type Route =
  | { page: 'home' }
  | { page: 'board'; boardId: string; token: string | null }
  | { page: 'join'; code: string }

export function parseRoute(location: { pathname: string; search: string }): Route {
  const code = /^\/([A-Za-z0-9]{6})\/?$/.exec(location.pathname)?.[1]
  if (code && isJoinCode(normaliseJoinCode(code))) return { page: 'join', code: normaliseJoinCode(code) }
  const match = /^\/b\/([A-Za-z0-9_-]{8,64})\/?$/.exec(location.pathname)
  if (!match?.[1]) return { page: 'home' }
  return { page: 'board', boardId: match[1], token: new URLSearchParams(location.search).get('token') }
}

/** Reads a pasted role link; null when it is not one of ours. */
export function parseBoardLink(text: string): string | null {
  try {
    const url = new URL(text.trim(), window.location.origin)
    const route = parseRoute(url)
    return route.page === 'board' && route.token ? `${url.pathname}${url.search}` : null
  } catch {
    return null
  }
}
