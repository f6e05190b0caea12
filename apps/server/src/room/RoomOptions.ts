import type { StoredDoc } from '../storage/BoardStorage.ts'
import type { Clock, Scheduler } from '../time/Clock.ts'
import type { RoomPeers } from './PeerSync.ts'
import type { RoomLimits } from './RoomLimits.ts'
import type { RoomSocket } from './RoomSocket.ts'

/** Durable append of a batch, done before it is applied to the shared doc and relayed; resolves with positions. */
export type PersistUpdates = (updates: Uint8Array[]) => Promise<number[]>

export type RoomOptions = {
  boardId: string
  /** Stored state to start from; unreadable entries are skipped and reported. */
  stored: StoredDoc
  persist: PersistUpdates
  peers?: RoomPeers
  /** Called when persisting failed: the room has closed its sockets and must be dropped. */
  onFailure: (error: unknown) => void
  /** Called after each durable batch with the number of rows stored (drives compaction). */
  onPersisted?: (count: number) => void
  onSkippedStoredUpdate?: (index: number, error: unknown) => void
  /** Largest awareness update accepted; presence is small, so a big one is abuse (closed with 4413). */
  maxAwarenessBytes?: number
  /**
   * Called when a client's update is refused — by the policy (4409) or a limit (4413: structs, deletions, the board's
   * size budget) — or its presence is (4413, 4429); nothing of it was stored or relayed.
   */
  onRefused?: (socket: RoomSocket, reason: string) => void
  /** Per-update, per-board and presence bounds; absent fields take `DEFAULT_ROOM_LIMITS`. */
  limits?: Partial<Omit<RoomLimits, 'presence'>> & { presence?: Partial<RoomLimits['presence']> }
  /** Called when an update was dropped because it builds on changes the server does not have yet. */
  onDroppedGap?: (socket: RoomSocket) => void
  /**
   * After this long without a change to the document, the room keeps it only as its encoded update (a fraction
   * of the memory of a live Y.Doc) until the next change needs it. Absent: never.
   */
  hibernateAfterMs?: number
  /** Called when the room hibernated or woke, with the time that took. */
  onHibernation?: (state: 'hibernated' | 'woke', ms: number) => void
  /** Where the room reads the time (ms); default `performance.now`. */
  clock?: Clock
  /** Timers and event-loop turns; default Node's. Tests inject a `ManualClock`. */
  scheduler?: Scheduler
}
