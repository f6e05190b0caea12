/**
 * Token bucket per connection for messages and bytes: bursts up to one second's allowance are fine,
 * a sustained flood is not. Pure, with an injected clock.
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

  /** Returns false when this message exceeds the allowance. */
  take(bytes: number): boolean {
    const now = this.#now()
    const seconds = Math.max(0, now - this.#last) / 1000
    this.#last = now
    this.#messages = Math.min(this.#messagesPerSecond, this.#messages + seconds * this.#messagesPerSecond)
    this.#bytes = Math.min(this.#bytesPerSecond, this.#bytes + seconds * this.#bytesPerSecond)
    this.#messages -= 1
    this.#bytes -= bytes
    return this.#messages >= 0 && this.#bytes >= 0
  }
}
