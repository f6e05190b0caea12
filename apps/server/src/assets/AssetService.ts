import type { IncomingMessage, ServerResponse } from 'node:http'
import { AssetIdSchema, assetPath, type UploadAssetResponse } from '@waardentafel/protocol'
import { AppError } from '../errors.ts'
import { readBodyCapped } from '../limits/readBodyCapped.ts'
import type { AssetStore, AssetVariant } from '../storage/ports/AssetStore.ts'
import { type ImageLimits, processAsset } from './processAsset.ts'
import { UploadGate } from './UploadGate.ts'

/** Everything bounding uploads, from config (`ASSET_*`, `MAX_ASSET_BYTES`, `BOARD_MAX_ASSET_MB`). */
export type AssetLimits = ImageLimits & {
  /** Largest upload body. */
  maxBytes: number
  /** All of one board's stored assets (null: no bound). */
  maxBoardBytes: number | null
  /** The body must have arrived within this time. */
  bodyTimeoutMs: number
  /** Images decoded at once; the others wait their turn (decoding a large photo takes memory and a core). */
  concurrency: number
  /** Uploads in progress at once (reading, waiting or processing); more are refused with 429 `RATE_LIMITED`. */
  maxPending: number
}

const YEAR_SECONDS = 365 * 24 * 3600
/** `Retry-After` when too many uploads are in progress (the web app keeps the file and tries again). */
const BUSY_RETRY_SECONDS = 5
const EXTENSIONS = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp', 'application/pdf': 'pdf' }

/** Uploads (read, checked, re-encoded, stored) and downloads of a board's assets. */
export class AssetService {
  readonly #store: AssetStore
  readonly #limits: AssetLimits
  readonly #now: () => number
  readonly #gate: UploadGate

  constructor(store: AssetStore, limits: AssetLimits, now: () => number = Date.now) {
    this.#store = store
    this.#limits = limits
    this.#now = now
    this.#gate = new UploadGate(limits.maxPending, limits.concurrency)
  }

  /** Reads an upload's body under the size limit, stores what it becomes and says where it lives. */
  async upload(boardId: string, req: IncomingMessage, res: ServerResponse): Promise<UploadAssetResponse> {
    const leave = this.#gate.tryEnter()
    if (!leave) {
      res.setHeader('retry-after', String(BUSY_RETRY_SECONDS))
      res.setHeader('connection', 'close')
      throw new AppError('RATE_LIMITED', 'too many pictures are being uploaded right now; try again shortly')
    }
    try {
      return await this.#upload(boardId, req, res)
    } finally {
      leave()
    }
  }

  async #upload(boardId: string, req: IncomingMessage, res: ServerResponse): Promise<UploadAssetResponse> {
    const max = this.#limits.maxBytes
    const chunks = await readBodyCapped(req, res, max, this.#limits.bodyTimeoutMs).catch((error: unknown) => {
      if (error instanceof AppError && error.code === 'BODY_TOO_LARGE') {
        throw new AppError(
          'ASSET_TOO_LARGE',
          `files up to ${Math.floor(max / (1024 * 1024))} MB (${max} bytes)`,
        )
      }
      throw error
    })
    const body = Buffer.concat(chunks)
    const asset = await this.#gate.turn(() => processAsset(body, this.#limits))
    const stored = asset.original.byteLength + (asset.thumb?.byteLength ?? 0)
    const existing = await this.#store.getMeta(boardId, asset.id)
    if (!existing && this.#limits.maxBoardBytes !== null) {
      const used = await this.#store.boardBytes(boardId)
      if (used + stored > this.#limits.maxBoardBytes) {
        throw new AppError('QUOTA_STORAGE', "this board's pictures and maps take all the room it has")
      }
    }
    await this.#store.put(
      {
        id: asset.id,
        boardId,
        contentType: asset.contentType,
        bytes: asset.original.byteLength,
        thumbBytes: asset.thumb?.byteLength ?? 0,
        thumbType: asset.thumbType,
        w: asset.w,
        h: asset.h,
        createdAt: this.#now(),
        unreferencedSince: null,
      },
      { original: asset.original, thumb: asset.thumb },
    )
    return {
      id: asset.id,
      src: assetPath(boardId, asset.id),
      contentType: asset.contentType,
      bytes: asset.original.byteLength,
      w: asset.w,
      h: asset.h,
      thumb: asset.thumb !== null,
    }
  }

  /**
   * Sends an asset of this board (404 ASSET_NOT_FOUND for any other id, including another board's). The answer
   * may be cached for good (the id is the content's hash) but only by this browser (`private`: the URL carries a
   * link's token); it can never be taken for a page (strict type, `nosniff`, a sandboxing CSP, and a PDF is a
   * download).
   */
  async send(
    boardId: string,
    rawId: string,
    size: string | null,
    req: IncomingMessage,
    res: ServerResponse,
  ): Promise<void> {
    const id = AssetIdSchema.safeParse(rawId)
    const meta = id.success ? await this.#store.getMeta(boardId, id.data) : null
    if (!meta) throw new AppError('ASSET_NOT_FOUND', 'no such picture or map on this board')
    const variant: AssetVariant = size === 'thumb' && meta.thumbType ? 'thumb' : 'original'
    const type = variant === 'thumb' && meta.thumbType ? meta.thumbType : meta.contentType
    const etag = `"${meta.id}-${variant}"`
    res.setHeader('etag', etag)
    res.setHeader('cache-control', `private, max-age=${YEAR_SECONDS}, immutable`)
    res.setHeader('x-content-type-options', 'nosniff')
    res.setHeader('content-security-policy', "default-src 'none'; sandbox")
    const file = `${meta.id}${variant === 'thumb' ? '-thumb' : ''}.${EXTENSIONS[type]}`
    res.setHeader(
      'content-disposition',
      `${type === 'application/pdf' ? 'attachment' : 'inline'}; filename="${file}"`,
    )
    if (req.headers['if-none-match'] === etag) {
      res.statusCode = 304
      res.end()
      return
    }
    const bytes = await this.#store.read(boardId, meta.id, variant)
    if (!bytes) throw new AppError('ASSET_NOT_FOUND', 'no such picture or map on this board')
    res.statusCode = 200
    res.setHeader('content-type', type)
    res.setHeader('content-length', bytes.byteLength)
    res.end(bytes)
  }

  /**
   * Copies every asset of one board to another (a duplicate with content, a restored session, an import of an
   * exported board): the copy's records name the same ids, and the web app loads them from the board it is on.
   * Returns how many were copied; ids the target already has are left as they are.
   */
  async copyBoardAssets(fromBoardId: string, toBoardId: string): Promise<number> {
    let copied = 0
    for (const meta of await this.#store.list(fromBoardId)) {
      const original = await this.#store.read(fromBoardId, meta.id, 'original')
      if (!original) continue
      const thumb = meta.thumbType ? await this.#store.read(fromBoardId, meta.id, 'thumb') : null
      await this.#store.put(
        { ...meta, boardId: toBoardId, createdAt: this.#now(), unreferencedSince: null },
        { original, thumb },
      )
      copied++
    }
    return copied
  }

  /** Deletes every asset of a board (the board itself is being deleted); returns how many there were. */
  deleteBoardAssets(boardId: string): Promise<number> {
    return this.#store.deleteBoardAssets(boardId)
  }
}
