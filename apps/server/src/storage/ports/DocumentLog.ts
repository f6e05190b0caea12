/** One stored Yjs update with its position in the board's log. */
export type StoredUpdate = { seq: number; data: Uint8Array }

/**
 * A board's stored document after a given position: the snapshot only when it covers updates the reader has
 * not seen (it was compacted past them), then the updates after that point, in order.
 */
export type StoredDoc = {
  snapshot: Uint8Array | null
  updates: StoredUpdate[]
  /** Highest position covered by this answer (snapshot or update); the reader's next `after`. */
  lastSeq: number
}

/**
 * Merges a snapshot and updates into one update (done by the Yjs layer; storage stays format-agnostic). May run
 * elsewhere (a worker thread) and resolve later.
 */
export type MergeUpdates = (
  snapshot: Uint8Array | null,
  updates: Uint8Array[],
) => Uint8Array | Promise<Uint8Array>

/**
 * The durable log of each board's document: what a room loads, appends to and compacts. The size of tldraw's
 * `TLSyncStorage`, and all a sync path needs. An append is durable when its promise resolves; the room relays only
 * after that. Positions (`seq`) increase with commit order within a board (1, 2, 3, …, continuing after a
 * compaction), so a reader that tails a board with `loadDoc(id, lastSeq)` never skips an update.
 * Contract: `test/contracts/documentLog.contract.ts`.
 */
export interface DocumentLog {
  /** Everything stored after position `after` (0 = the whole document). */
  loadDoc(boardId: string, after?: number): Promise<StoredDoc>
  /** Appends one update; resolves with its position once it is durable. */
  appendUpdate(boardId: string, update: Uint8Array): Promise<number>
  /** Appends updates in order in one transaction (group commit); resolves with their positions. */
  appendUpdates(boardId: string, updates: Uint8Array[]): Promise<number[]>
  /** Number of updates appended since the last compaction. */
  countUpdates(boardId: string): Promise<number>
  /**
   * Replaces the snapshot and the updates it covers by one merged snapshot. The merged snapshot is
   * written before the covered rows are deleted, in one transaction; updates appended while the merge ran are
   * kept, and a compaction never replaces a snapshot that covers more than it does.
   */
  compact(boardId: string, merge: MergeUpdates): Promise<void>
}
