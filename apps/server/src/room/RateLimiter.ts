/**
 * Token bucket per connection for messages and bytes, with an injected clock. A burst up to one second's
 * allowance passes at once; beyond that the caller is told how long to wait (it slows the connection down),
 * and a backlog of more than `maxBacklogSeconds` is a flood.
 */
export class RateLimiter {
  readonly #messagesPerSecond: number
  readonly #bytesPerSecond: number
  readonly #now: () => number
  #messages: number
  #bytes: number
  #last: number

  constructor(
    messagesPerSecond: number,
    bytesPerSecond: number,
    now: () => number = performance.now.bind(performance),
  ) {
    this.#messagesPerSecond = messagesPerSecond
    this.#bytesPerSecond = bytesPerSecond
    this.#now = now
    this.#messages = messagesPerSecond
    this.#bytes = bytesPerSecond
    this.#last = now()
  }

  /** Counts one message; returns how many milliseconds the sender is ahead of its allowance (0 = within). */
  take(bytes: number): number {
    const now = this.#now()
    const seconds = Math.max(0, now - this.#last) / 1000
    this.#last = now
    this.#messages = Math.min(this.#messagesPerSecond, this.#messages + seconds * this.#messagesPerSecond)
    this.#bytes = Math.min(this.#bytesPerSecond, this.#bytes + seconds * this.#bytesPerSecond)
    this.#messages -= 1
    this.#bytes -= bytes
    const behind = Math.max(-this.#messages / this.#messagesPerSecond, -this.#bytes / this.#bytesPerSecond, 0)
    return behind * 1000
  }
}
