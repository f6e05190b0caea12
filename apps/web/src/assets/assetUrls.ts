/**
 * The largest picture or map the board takes: the server's default `MAX_ASSET_BYTES` (25 MiB). Checked here first so a
 * person learns it before a byte is sent; the server checks again (413 ASSET_TOO_LARGE).
 */
export const MAX_ASSET_BYTES = 25 * 1024 * 1024

/** Longest side of the server's thumbnails (`ASSET_THUMB_PIXELS`): shown instead of the picture when it is this small. */
export const THUMB_PIXELS = 512

/**
 * An asset record's `src` while its file waits on this device for the server: `asset:wt-local/<key>` (IndexedDB).
 * tldraw's record validator takes only http(s), data and `asset:` sources.
 */
export const LOCAL_SRC_PREFIX = 'asset:wt-local/'

/** The types the server stores (by their bytes); anything else (videos) stays inline under the old limit. */
export const SERVER_TYPES: ReadonlySet<string> = new Set([
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/gif',
  'application/pdf',
])

const SERVER_SRC = /^\/api\/boards\/[^/?#]+\/assets\/([0-9a-f]{32})$/

export function isLocalSrc(src: string): boolean {
  return src.startsWith(LOCAL_SRC_PREFIX)
}

/** Whether a record's `src` is an asset our server stores (the path, no token: each viewer adds their own). */
export function isServerSrc(src: string): boolean {
  return SERVER_SRC.test(src)
}

/**
 * Where this board keeps a stored asset: the id from the record's `src`, on the board being shown. A record copied
 * from another board (a duplicate, a restored session) still names the board it came from; its assets are copied
 * with it (`copyBoardAssets` on the server), and this board's link only opens this board's assets.
 */
export function onThisBoard(src: string, boardId: string): string {
  const id = SERVER_SRC.exec(src)?.[1]
  return id ? `/api/boards/${encodeURIComponent(boardId)}/assets/${id}` : src
}

/**
 * The URL this viewer's browser loads for a stored asset: with their own link's token (an `<img>` sends no header),
 * and the thumbnail when the picture is shown at most `THUMB_PIXELS` device pixels wide and tall.
 */
export function viewerUrl(
  src: string,
  token: string,
  shown: { width: number; height: number; original: boolean },
): string {
  const small = !shown.original && Math.max(shown.width, shown.height) <= THUMB_PIXELS
  return `${src}?${small ? 'size=thumb&' : ''}token=${encodeURIComponent(token)}`
}
