/** Bounds on what one client update, one board and one connection's presence may hold (set in config.ts). */
export type RoomLimits = {
  /** Structs (items and runs) one update may carry; more is refused with 4413 `TOO_MANY_STRUCTS`. */
  maxUpdateStructs: number
  /** Delete ranges one update may carry; more is refused with 4413 `TOO_MANY_DELETIONS`. */
  maxUpdateDeleteRanges: number
  /**
   * The board's encoded size past which an update that adds anything is refused with 4413 `BOARD_FULL`; updates
   * that only delete are always accepted (a full board can be cleaned up). Null: no budget.
   */
  maxBoardBytes: number | null
  presence: {
    /** A connection's presence state once stamped; larger is trimmed, then refused with 4413 `AWARENESS_TOO_LARGE`. */
    maxStateBytes: number
    /** A connection's own presence updates relayed per second, after a burst; the excess is coalesced (latest wins). */
    updatesPerSecond: number
    burst: number
    /**
     * How long a room remembers which role and link generation last held a presence client id after its holder
     * left (here or on another instance): until then only a connection of that role may take the id ([P2]).
     */
    holderMemoryMs: number
  }
}

export const DEFAULT_ROOM_LIMITS: RoomLimits = {
  maxUpdateStructs: 20_000,
  maxUpdateDeleteRanges: 100_000,
  maxBoardBytes: 32 * 1024 * 1024,
  presence: { maxStateBytes: 8 * 1024, updatesPerSecond: 30, burst: 60, holderMemoryMs: 10 * 60_000 },
}
