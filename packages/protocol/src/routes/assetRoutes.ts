import { z } from 'zod'
import { anyRole, type RouteDef, workers } from './routeKit.ts'

/** The content types the server stores: re-encoded images, PDFs as they are (issue #18, docs/board-schema.md). */
export const AssetContentTypes = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] as const
export type AssetContentType = (typeof AssetContentTypes)[number]

/**
 * An asset's id: the first 32 hex digits of the SHA-256 of its stored bytes, so the same bytes on one board are one
 * asset and an id never names two contents (its answers may be cached for good).
 */
export const AssetIdSchema = z.string().regex(/^[0-9a-f]{32}$/)

/** What an upload answers: where the asset lives (`src`, without any token) and what it is. */
export const UploadAssetResponseSchema = z.object({
  id: AssetIdSchema,
  /** `/api/boards/:boardId/assets/:id`: what the board document's asset record holds. */
  src: z.string(),
  contentType: z.enum(AssetContentTypes),
  /** Bytes stored (after re-encoding). */
  bytes: z.number().int().nonnegative(),
  /** Pixels of the stored image (0 for a PDF). */
  w: z.number().int().nonnegative(),
  h: z.number().int().nonnegative(),
  /** Whether a thumbnail (`?size=thumb`) exists: images only. */
  thumb: z.boolean(),
})
export type UploadAssetResponse = z.infer<typeof UploadAssetResponseSchema>

/** The path of an asset as the board document names it (no token: each viewer adds their own). */
export function assetPath(boardId: string, assetId: string): string {
  return `/api/boards/${encodeURIComponent(boardId)}/assets/${assetId}`
}

/** Images and PDF maps stored by the server, outside the board document (issue #18). */
export const AssetRoutes = {
  /**
   * The body is the file's bytes (`Content-Type: application/octet-stream`), read up to `MAX_ASSET_BYTES` (413
   * ASSET_TOO_LARGE); the type is read from the bytes (415 ASSET_TYPE_UNSUPPORTED), images are re-encoded.
   */
  uploadAsset: {
    method: 'POST',
    path: '/api/boards/:boardId/assets',
    auth: workers,
    body: { kind: 'stream' },
    query: z.object({}),
    status: 201,
    produces: 'json',
    response: UploadAssetResponseSchema,
  },
  /**
   * The stored bytes with their strict type; `size=thumb` the image's thumbnail. The token may come as `?token=`
   * (an `<img>` cannot send a header). Cached for good (`immutable`), with an ETag.
   */
  getAsset: {
    method: 'GET',
    path: '/api/boards/:boardId/assets/:assetId',
    auth: anyRole,
    body: { kind: 'none' },
    query: z.object({ size: z.enum(['thumb', 'original']).optional(), token: z.string().optional() }),
    status: 200,
    produces: 'file',
    response: z.unknown(),
  },
} as const satisfies Record<string, RouteDef>
