/**
 * What a SyncConnection needs from its WebSocket and the TCP socket under it: the pure core never imports `ws` or
 * `net` (wsSyncSocket adapts them; tests use a recording fake).
 */
export interface SyncSocket {
  /** Whether frames can still be sent (the WebSocket is open, no close frame sent or received). */
  readonly open: boolean
  /** Whether the WebSocket is open or still opening: a close can still be sent. */
  readonly closable: boolean
  /** Sends one binary message through the WebSocket library's own framing (large messages: no copy). */
  send(message: Uint8Array): void
  /** Writes an already framed binary WebSocket message (see sharedFrame) to the TCP socket, in order with `send`. */
  writeFrame(frame: Uint8Array): void
  /** Holds writes until `uncork`, so a burst of frames leaves in one system call. */
  cork(): void
  uncork(): void
  /** Stops and restarts reading from the client (TCP backpressure slows a sender that is over its allowance). */
  pauseReading(): void
  resumeReading(): void
  close(code: number, reason: string): void
  /** Drops the connection without a close handshake (when closing itself failed). */
  terminate(): void
}
