import { parseRoute, type Route } from './route.ts'

/** What reading the link's token needs from the page: its address, its history and this tab's storage. */
export type LinkPage = {
  location: { pathname: string; search: string; hash: string }
  history: Pick<History, 'replaceState'>
  storage: Pick<Storage, 'getItem' | 'setItem'> | null
}

const keyOf = (boardId: string) => `waardentafel.link:${boardId}`

/**
 * The route of this page, with the link's token moved out of the address bar: a token left there ends up in the
 * browser history, in screenshots and in links people copy from the address bar. It is kept in this tab's session
 * storage (per board) so that a reload of the tab opens the board again with the same role; a new tab needs the
 * link again. When the storage refuses (some private modes), the token stays in the address, or a reload would
 * lose the board.
 */
export function readBoardRoute(page: LinkPage): Route {
  const route = parseRoute(page.location)
  if (route.page !== 'board') return route
  const key = keyOf(route.boardId)
  if (route.token === null) return { ...route, token: read(page.storage, key) }
  if (!write(page.storage, key, route.token)) return route
  const params = new URLSearchParams(page.location.search)
  params.delete('token')
  const search = params.toString()
  page.history.replaceState(
    null,
    '',
    `${page.location.pathname}${search ? `?${search}` : ''}${page.location.hash}`,
  )
  return route
}

function read(storage: LinkPage['storage'], key: string): string | null {
  try {
    return storage?.getItem(key) ?? null
  } catch {
    return null
  }
}

function write(storage: LinkPage['storage'], key: string, token: string): boolean {
  try {
    if (!storage) return false
    storage.setItem(key, token)
    return storage.getItem(key) === token
  } catch {
    return false
  }
}

/** The page's own storage for links, or null where the browser refuses it. */
export function sessionStorageOrNull(): Storage | null {
  try {
    return window.sessionStorage
  } catch {
    return null
  }
}
