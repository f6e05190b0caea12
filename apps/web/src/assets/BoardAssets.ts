import { routePath, UploadAssetResponseSchema } from '@waardentafel/protocol'
import type { JsonObject, TLAsset, TLAssetContext, TLAssetStore, TLRecord, TLStore } from 'tldraw'
import { boundedInlineAssetStore } from '../board/mediaLimits.ts'
import {
  isLocalSrc,
  isServerSrc,
  LOCAL_SRC_PREFIX,
  MAX_ASSET_BYTES,
  onThisBoard,
  SERVER_TYPES,
  viewerUrl,
} from './assetUrls.ts'
import { pendingUploads } from './pendingUploads.ts'

/** Why the server (or this device, first) refused a file: shown to the person in Dutch (`assets.refused.*`). */
export type RefusalCode = 'TOO_LARGE' | 'TYPE_UNSUPPORTED' | 'BOARD_FULL' | 'FAILED'
export type Refusal = { code: RefusalCode; name: string; size: number }

/** A file the server will not take; not retried. */
export class UploadRefused extends Error {
  readonly code: RefusalCode
  constructor(code: RefusalCode, message: string) {
    super(message)
    this.name = 'UploadRefused'
    this.code = code
  }
}

/** How often files kept on this device are offered to the server again (besides on coming back online). */
const RETRY_MS = 30_000

const REFUSALS: Record<string, RefusalCode> = {
  ASSET_TOO_LARGE: 'TOO_LARGE',
  BODY_TOO_LARGE: 'TOO_LARGE',
  ASSET_TYPE_UNSUPPORTED: 'TYPE_UNSUPPORTED',
  QUOTA_STORAGE: 'BOARD_FULL',
}

/**
 * The board's asset store for tldraw (`TLAssetStore`): pictures and PDF maps go to the server, and the board
 * document holds only the asset record with the asset's path (`/api/boards/:id/assets/:assetId`, no token).
 * `resolve` gives each viewer that path with their own token, the thumbnail when the picture is shown small.
 *
 * Offline (or while the server cannot be reached) a file is kept in IndexedDB and the record points to it
 * (`asset:wt-local/<key>`, shown from the local copy on this device, nothing on others); `flush` — on attaching, whenever the
 * browser comes back online and when the connection is back — uploads it and rewrites the record to the server's path,
 * as this person's edit, so everyone gets it. Videos are not stored by the server and stay inline under the old limit.
 */
export class BoardAssets implements TLAssetStore {
  readonly #boardId: string
  readonly #token: string
  readonly #localUrls = new Map<string, Promise<string | null>>()
  /** Extra meta for an asset made from this file (the page image of a PDF names its PDF). */
  readonly #metaOf = new WeakMap<Blob, JsonObject>()
  readonly #listeners = new Set<(refusal: Refusal) => void>()
  #store: TLStore | null = null
  #flushing: Promise<void> | null = null
  #again = false

  constructor(boardId: string, token: string) {
    this.#boardId = boardId
    this.#token = token
    // tldraw keeps the store's methods apart from the object (createTLStore copies them): bound, they keep `this`.
    this.upload = this.upload.bind(this)
    this.resolve = this.resolve.bind(this)
  }

  /** Hears every refused file (shown as a toast by `AssetUploads`); returns the unsubscribe. */
  onRefused(listener: (refusal: Refusal) => void): () => void {
    this.#listeners.add(listener)
    return () => {
      this.#listeners.delete(listener)
    }
  }

  /** The asset made from `file` gets this meta too. */
  setMeta(file: Blob, meta: JsonObject): void {
    this.#metaOf.set(file, meta)
  }

  async upload(_asset: TLAsset, file: File): Promise<{ src: string; meta?: JsonObject }> {
    if (!SERVER_TYPES.has(file.type)) return boundedInlineAssetStore.upload(_asset, file)
    const src = await this.store(file)
    const meta = this.#metaOf.get(file)
    return meta ? { src, meta } : { src }
  }

  /** Stores a file: on the server when it can be reached, else on this device until it can. Returns its `src`. */
  async store(file: File): Promise<string> {
    if (file.size > MAX_ASSET_BYTES) this.#refuse(new UploadRefused('TOO_LARGE', 'over the limit'), file)
    try {
      return await this.#send(file)
    } catch (error) {
      if (error instanceof UploadRefused) this.#refuse(error, file)
      const key = `${this.#boardId}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`
      await pendingUploads.put({
        key,
        boardId: this.#boardId,
        blob: file,
        name: file.name,
        createdAt: Date.now(),
      })
      return `${LOCAL_SRC_PREFIX}${key}`
    }
  }

  resolve(asset: TLAsset, ctx: TLAssetContext): string | null | Promise<string | null> {
    const src = asset.props.src
    if (!src) return null
    if (isLocalSrc(src)) return this.#localUrl(src.slice(LOCAL_SRC_PREFIX.length))
    if (!isServerSrc(src)) return src
    const w = 'w' in asset.props ? asset.props.w : 0
    const h = 'h' in asset.props ? asset.props.h : 0
    const scale = ctx.screenScale * ctx.dpr
    return viewerUrl(onThisBoard(src, this.#boardId), this.#token, {
      width: w * scale,
      height: h * scale,
      original: ctx.shouldResolveToOriginal,
    })
  }

  /** Starts uploading what waits on this device, now and whenever the browser is back online. */
  attach(store: TLStore): () => void {
    this.#store = store
    const flush = () => void this.flush()
    window.addEventListener('online', flush)
    // The server itself may have been away while the browser was online: try again now and then.
    const retry = setInterval(flush, RETRY_MS)
    flush()
    return () => {
      window.removeEventListener('online', flush)
      clearInterval(retry)
      this.#store = null
      for (const url of this.#localUrls.values()) void url.then((u) => u && URL.revokeObjectURL(u))
      this.#localUrls.clear()
    }
  }

  /** Uploads the files kept on this device and points their records to the server. One flush at a time. */
  flush(): Promise<void> {
    if (this.#flushing) {
      this.#again = true
      return this.#flushing
    }
    this.#flushing = this.#flushAll().finally(() => {
      this.#flushing = null
      if (this.#again) {
        this.#again = false
        void this.flush()
      }
    })
    return this.#flushing
  }

  async #flushAll(): Promise<void> {
    for (const entry of await pendingUploads.ofBoard(this.#boardId)) {
      const file = new File([entry.blob], entry.name, { type: entry.blob.type })
      let src: string
      try {
        src = await this.#send(file)
      } catch (error) {
        if (!(error instanceof UploadRefused)) return // still unreachable: the next flush tries again
        await pendingUploads.remove(entry.key)
        this.#emit(error.code, file)
        continue
      }
      this.#rewrite(`${LOCAL_SRC_PREFIX}${entry.key}`, src)
      await pendingUploads.remove(entry.key)
    }
  }

  /** Every asset record naming `from` (its `src`, or its meta's PDF) now names `to`, as this person's edit. */
  #rewrite(from: string, to: string): void {
    const store = this.#store
    if (!store) return
    const changed: TLRecord[] = []
    for (const record of store.allRecords()) {
      if (record.typeName !== 'asset') continue
      const text = JSON.stringify(record)
      if (!text.includes(from)) continue
      changed.push(JSON.parse(text.split(from).join(to)) as TLRecord)
    }
    if (changed.length > 0) store.put(changed)
  }

  async #send(file: File): Promise<string> {
    let res: Response
    try {
      res = await fetch(routePath('uploadAsset', { boardId: this.#boardId }), {
        method: 'POST',
        headers: { 'content-type': 'application/octet-stream', authorization: `Bearer ${this.#token}` },
        body: file,
      })
    } catch {
      throw new Error('the server could not be reached')
    }
    if (res.status >= 500 || res.status === 429 || res.status === 408)
      throw new Error(`server busy (${res.status})`)
    const body: unknown = await res.json().catch(() => null)
    if (!res.ok) {
      const code = (body as { error?: { code?: string } } | null)?.error?.code ?? ''
      throw new UploadRefused(REFUSALS[code] ?? 'FAILED', `refused: ${res.status} ${code}`)
    }
    const parsed = UploadAssetResponseSchema.safeParse(body)
    if (!parsed.success) throw new UploadRefused('FAILED', 'unexpected answer')
    return parsed.data.src
  }

  #localUrl(key: string): Promise<string | null> {
    let url = this.#localUrls.get(key)
    if (!url) {
      url = pendingUploads
        .get(key)
        .then((entry) => (entry ? URL.createObjectURL(entry.blob) : null))
        .catch(() => null)
      this.#localUrls.set(key, url)
    }
    return url
  }

  #refuse(error: UploadRefused, file: File): never {
    this.#emit(error.code, file)
    throw error
  }

  #emit(code: RefusalCode, file: File): void {
    for (const listener of this.#listeners) listener({ code, name: file.name, size: file.size })
  }
}
