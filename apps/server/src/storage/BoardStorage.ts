/** Metadata of a board, stored beside its document. */
export type BoardRecord = {
  id: string
  title: string
  createdAt: number
}

/** What a board's document is made of on disk: a merged snapshot plus the updates appended after it. */
export type StoredDoc = {
  snapshot: Uint8Array | null
  updates: Uint8Array[]
}

/** Merges a snapshot and updates into one update (done by the Yjs layer; storage stays format-agnostic). */
export type MergeUpdates = (snapshot: Uint8Array | null, updates: Uint8Array[]) => Uint8Array

/**
 * Durable storage of boards: one adapter per backend (SQLite now), one contract suite for all
 * (`storageContract.ts`). Appends must be durable when the promise resolves: the room relays an
 * update only after that.
 */
export interface BoardStorage {
  createBoard(board: BoardRecord): Promise<void>
  getBoard(id: string): Promise<BoardRecord | null>
  loadDoc(boardId: string): Promise<StoredDoc>
  /** Appends updates in order, atomically (all or none). */
  appendUpdates(boardId: string, updates: Uint8Array[]): Promise<void>
  /** Number of updates appended since the last compaction. */
  countUpdates(boardId: string): Promise<number>
  /**
   * Replaces the snapshot and the updates it covers by one merged snapshot. The merged snapshot is
   * written before the covered rows are deleted; updates appended meanwhile are kept.
   */
  compact(boardId: string, merge: MergeUpdates): Promise<void>
  close(): Promise<void>
}
