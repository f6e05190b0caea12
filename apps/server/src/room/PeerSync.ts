import type { Role } from '@waardentafel/protocol'
import type { SeqUpdate } from '../fanout/BoardFanout.ts'
import type { StoredDoc } from '../storage/BoardStorage.ts'
import type { Scheduler, Timer } from '../time/Clock.ts'
import { SeqTracker } from './SeqTracker.ts'

/** Other server instances on the same board (multi-instance mode); absent when this process is alone. */
export type RoomPeers = {
  /** What one flush stored, in order (see BoardFanout.publishUpdates). */
  publishUpdates(updates: SeqUpdate[]): void
  publishAwareness(update: Uint8Array): void
  /** Reads what storage holds after a position, to repair updates the fan-out lost. */
  readSince(after: number): Promise<StoredDoc>
  /** How often the room tails storage for updates it missed. */
  resyncIntervalMs: number
  /**
   * The board's current link generations, read with each tail: a revocation announced by another instance
   * reaches this one even when its fan-out message was lost.
   */
  linkGenerations?: () => Promise<Partial<Record<Role, number>> | null>
}

export type PeerSyncOptions = {
  peers?: RoomPeers | undefined
  /** The storage position the room was loaded at. */
  lastSeq: number
  scheduler: Scheduler
  /** Applies what storage held beyond the room's position (only called when there is something). */
  applyStored: (stored: StoredDoc) => void
  /** The board's link generations as storage holds them: connections with older links are closed. */
  revoke: (generations: Partial<Record<Role, number>>) => void
}

/**
 * Which storage positions the room holds, and the repair of those it missed: the fan-out between instances may
 * lose or reorder messages, storage does not, so a gap (or every `resyncIntervalMs`) reads storage from the last
 * contiguous position. Alone (no peers) positions are still counted, and nothing is ever read.
 */
export class PeerSync {
  readonly #options: PeerSyncOptions
  readonly #seqs: SeqTracker
  #timer: Timer | null = null
  #resyncing: Promise<void> | null = null
  #closed = false

  constructor(options: PeerSyncOptions) {
    this.#options = options
    this.#seqs = new SeqTracker(options.lastSeq)
    if (options.peers) {
      // Tail storage now and then: the fan-out may lose messages, storage does not.
      this.#timer = options.scheduler.setInterval(() => void this.resync(), options.peers.resyncIntervalMs)
    }
  }

  /** Whether a read of storage is under way. */
  get resyncing(): boolean {
    return this.#resyncing !== null
  }

  has(seq: number): boolean {
    return this.#seqs.has(seq)
  }

  add(seq: number): void {
    this.#seqs.add(seq)
  }

  /** Whether the room holds exactly what storage held at `position` (nothing later, nothing missing). */
  holdsExactly(position: number): boolean {
    return this.#seqs.contiguous === position && !this.#seqs.hasGap()
  }

  /** Reads storage when a position is missing below one the room holds. */
  repairGaps(): void {
    if (this.#seqs.hasGap()) void this.resync()
  }

  /** Applies whatever storage holds beyond the last contiguous position; one read at a time. */
  resync(): Promise<void> {
    const { peers } = this.#options
    if (!peers || this.#closed) return Promise.resolve()
    this.#resyncing ??= Promise.all([
      peers.readSince(this.#seqs.contiguous),
      peers.linkGenerations?.() ?? null,
    ])
      .then(([stored, generations]) => {
        if (this.#closed) return
        // Nothing new (the usual case) leaves a hibernating room asleep.
        if (stored.snapshot || stored.updates.length > 0) this.#options.applyStored(stored)
        this.#seqs.advanceTo(stored.lastSeq)
        if (generations) this.#options.revoke(generations)
      })
      .catch(() => {
        // Storage unreachable: try again at the next interval.
      })
      .finally(() => {
        this.#resyncing = null
      })
    return this.#resyncing
  }

  close(): void {
    this.#closed = true
    if (this.#timer) this.#options.scheduler.clearInterval(this.#timer)
  }
}
