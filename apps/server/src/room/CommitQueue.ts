import type { Clock, Scheduler } from '../time/Clock.ts'

/** A room whose last flush is longer ago than this stores a new update without waiting for others (see `schedule`). */
export const GROUP_COMMIT_QUIET_MS = 2

export type CommitQueueOptions<P extends { update: Uint8Array }> = {
  /** Durable append of a batch, in order; resolves with the position each update was stored at. */
  persist: (updates: Uint8Array[]) => Promise<number[]>
  /** The batch is durable at these positions: apply and relay it (called in the turn `persist` resolved in). */
  apply: (batch: P[], seqs: number[]) => void
  /** After `apply`, with the number of updates stored (drives compaction). */
  onPersisted?: ((count: number) => void) | undefined
  /** Storing failed: nothing more is stored; the owner closes the room. */
  onFailure: (error: unknown) => void
  clock: Clock
  scheduler: Scheduler
}

/**
 * The group-commit queue: accepted updates wait here, are stored as one batch (one row each, one transaction), and
 * only then handed to `apply` — so every byte a client can receive is durable. One batch is stored at a time; the
 * next one collects what arrives meanwhile. After a failed write nothing more is stored.
 */
export class CommitQueue<P extends { update: Uint8Array }> {
  readonly #options: CommitQueueOptions<P>
  #queue: P[] = []
  /** The batch being stored right now (not yet applied). */
  #inflight: P[] = []
  #chain: Promise<void> = Promise.resolve()
  #scheduled = false
  /** When the last batch went to storage (see `schedule`). */
  #lastFlushAt = Number.NEGATIVE_INFINITY
  #failed = false
  #closed = false

  constructor(options: CommitQueueOptions<P>) {
    this.#options = options
  }

  /** Waiting to be stored, in order. */
  get queued(): readonly P[] {
    return this.#queue
  }

  /** Being stored right now. */
  get inflight(): readonly P[] {
    return this.#inflight
  }

  /** Whether anything is queued or being stored. */
  get busy(): boolean {
    return this.#queue.length > 0 || this.#inflight.length > 0
  }

  /** Bytes queued or being stored. */
  get pendingBytes(): number {
    let bytes = 0
    for (const pending of this.#inflight) bytes += pending.update.byteLength
    for (const pending of this.#queue) bytes += pending.update.byteLength
    return bytes
  }

  /** Queues an update; it is stored at the next flush (`schedule` or `flushed`). */
  push(pending: P): void {
    this.#queue.push(pending)
  }

  /**
   * Group commit: what arrives while the event loop reads its sockets goes to storage together (after the poll
   * phase). A queue that has been quiet stores a lone update at once, at the end of the callback it came in: the
   * edit of one person does not wait for the rest of the poll phase. Several at once (a burst) are grouped from
   * the second on, because the first flush was just now.
   */
  schedule(): void {
    if (this.#scheduled || this.#queue.length === 0 || this.#failed) return
    this.#scheduled = true
    const { clock, scheduler } = this.#options
    if (clock.now() - this.#lastFlushAt > GROUP_COMMIT_QUIET_MS) scheduler.endOfTurn(this.#run)
    else scheduler.afterIo(this.#run)
  }

  /** Resolves when everything queued so far is durable and applied. */
  flushed(): Promise<void> {
    // Chain a flush now rather than at the scheduled turn, so what is queued is part of what we wait for.
    if (this.#queue.length > 0 && !this.#failed) this.#chain = this.#chain.then(() => this.#flush())
    return this.#chain
  }

  /** Stops storing and applying (the room is gone); a batch being stored is not applied. */
  close(): void {
    this.#closed = true
  }

  #run = (): void => {
    this.#scheduled = false
    this.#lastFlushAt = this.#options.clock.now()
    this.#chain = this.#chain.then(() => this.#flush())
  }

  async #flush(): Promise<void> {
    const batch = this.#queue
    this.#queue = []
    this.#inflight = batch
    if (batch.length === 0 || this.#failed || this.#closed) return
    // Each update is stored as it was received (one row each, one transaction), so replaying storage applies
    // exactly the bytes the live doc applied: a merged row can integrate differently from its parts.
    let seqs: number[]
    try {
      seqs = await this.#options.persist(batch.map((p) => p.update))
    } catch (error) {
      this.#failed = true
      this.#options.onFailure(error)
      return
    }
    if (this.#closed) return
    this.#options.apply(batch, seqs)
    this.#inflight = []
    this.#options.onPersisted?.(batch.length)
  }
}
