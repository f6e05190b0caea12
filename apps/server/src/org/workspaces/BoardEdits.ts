import type { WorkspaceStore } from '../../storage/ports/WorkspaceStore.ts'

export type BoardEditsOptions = {
  /** At most one write per board per interval (default a minute): edits come many a second while a workshop runs. */
  intervalMs?: number
  now?: () => number
  onError?: (boardId: string, error: unknown) => void
}

/**
 * Keeps a board's `updatedAt` (the home page's order, the retention period's start) at its last document edit, told
 * by the room manager each time updates were stored; written at most once per board per interval, so the time is at
 * most that much behind.
 */
export class BoardEdits {
  readonly #store: WorkspaceStore
  readonly #intervalMs: number
  readonly #now: () => number
  readonly #onError: (boardId: string, error: unknown) => void
  readonly #written = new Map<string, number>()

  constructor(store: WorkspaceStore, options: BoardEditsOptions = {}) {
    this.#store = store
    this.#intervalMs = options.intervalMs ?? 60_000
    this.#now = options.now ?? Date.now
    this.#onError = options.onError ?? (() => {})
  }

  note(boardId: string): void {
    const now = this.#now()
    const last = this.#written.get(boardId)
    if (last !== undefined && now - last < this.#intervalMs) return
    // Bounded: forgetting only costs an early write.
    if (this.#written.size >= 10_000) this.#written.clear()
    this.#written.set(boardId, now)
    this.#store.updatePlacement(boardId, { updatedAt: now }).catch((error) => this.#onError(boardId, error))
  }
}
