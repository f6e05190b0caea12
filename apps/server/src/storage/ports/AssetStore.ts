import type { AssetContentType } from '@waardentafel/protocol'

/** What is stored about one asset of a board, beside its bytes. */
export type AssetMeta = {
  id: string
  boardId: string
  contentType: AssetContentType
  /** Size of the stored original (after re-encoding). */
  bytes: number
  /** Size of the thumbnail, 0 when there is none (PDFs). */
  thumbBytes: number
  /** Content type of the thumbnail (images only). */
  thumbType: AssetContentType | null
  w: number
  h: number
  createdAt: number
  /** Since when no asset record of the board's document names it (the orphan collector's mark); null: named. */
  unreferencedSince: number | null
}

export type AssetVariant = 'original' | 'thumb'

/** An asset's bytes as stored: the original and, for images, the thumbnail. */
export type AssetBytes = { original: Uint8Array; thumb: Uint8Array | null }

/**
 * The bytes of images and PDF maps, per board, outside the board document (issue #18). Ids are content hashes, so
 * putting the same asset twice keeps one. Contract: `test/contracts/assetStore.contract.ts`.
 */
export interface AssetStore {
  /** Stores an asset (its meta and bytes) durably; putting an id the board already has changes nothing. */
  put(meta: AssetMeta, bytes: AssetBytes): Promise<void>
  getMeta(boardId: string, assetId: string): Promise<AssetMeta | null>
  /** One variant's bytes; null when the asset (or that variant) is not there. */
  read(boardId: string, assetId: string, variant: AssetVariant): Promise<Uint8Array | null>
  /** The board's assets, oldest first. */
  list(boardId: string): Promise<AssetMeta[]>
  /** Bytes the board's assets take (originals and thumbnails). */
  boardBytes(boardId: string): Promise<number>
  /** Boards that have assets (for the orphan collector). */
  boardsWithAssets(): Promise<string[]>
  /** Sets (a time) or clears (null) the unreferenced mark of these assets. */
  markUnreferenced(boardId: string, assetIds: readonly string[], since: number | null): Promise<void>
  /** Deletes these assets of the board; returns how many there were. */
  delete(boardId: string, assetIds: readonly string[]): Promise<number>
  /** Deletes every asset of the board (the board was deleted); returns how many there were. */
  deleteBoardAssets(boardId: string): Promise<number>
  close(): Promise<void>
}
