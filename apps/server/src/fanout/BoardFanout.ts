/** A durable update and the position storage gave it. */
export type SeqUpdate = { seq: number; update: Uint8Array }

/** What a board's room receives from the other server instances. */
export type FanoutHandlers = {
  /** Durable updates another instance stored together (one group commit), in the order of their positions. */
  updates(updates: SeqUpdate[]): void
  /** An awareness change of clients connected to another instance. */
  awareness(update: Uint8Array): void
  /** A board-level event from another instance, e.g. revoked links whose sockets must close everywhere. */
  control?(message: ControlMessage): void
}

export type ControlMessage =
  | { kind: 'revoke'; role: string; generation: number }
  /** The board's standing changed (archived, restored, deleted): every socket reconnects to be let in anew. */
  | { kind: 'reconnect' }

/**
 * Carries a board's updates and awareness between server instances (one adapter per backend: Redis).
 * Delivery is best-effort: a lost message is repaired by the room tailing storage, so an adapter may
 * drop messages (for instance while its backend restarts) but must never deliver a message back to the
 * instance that published it.
 */
export interface BoardFanout {
  readonly instanceId: string
  subscribe(boardId: string, handlers: FanoutHandlers): Promise<() => Promise<void>>
  /** What one group commit stored, as one message: the other instances apply and relay it as one change. */
  publishUpdates(boardId: string, updates: SeqUpdate[]): void
  publishAwareness(boardId: string, update: Uint8Array): void
  publishControl(boardId: string, message: ControlMessage): void
  close(): Promise<void>
}
