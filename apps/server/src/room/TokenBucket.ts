/**
 * A token bucket with an injected clock: `capacity` tokens at most, refilled at `perSecond`. `take()` spends one if
 * there is one; `msUntilToken()` says when the next one will be there.
 */
export class TokenBucket {
  readonly #perSecond: number
  readonly #capacity: number
  readonly #now: () => number
  #tokens: number
  #last: number

  constructor(perSecond: number, capacity: number, now: () => number = performance.now.bind(performance)) {
    this.#perSecond = perSecond
    this.#capacity = Math.max(1, capacity)
    this.#now = now
    this.#tokens = this.#capacity
    this.#last = now()
  }

  take(): boolean {
    this.#refill()
    if (this.#tokens < 1) return false
    this.#tokens -= 1
    return true
  }

  msUntilToken(): number {
    this.#refill()
    return this.#tokens >= 1 ? 0 : ((1 - this.#tokens) / this.#perSecond) * 1000
  }

  #refill(): void {
    const now = this.#now()
    this.#tokens = Math.min(
      this.#capacity,
      this.#tokens + (Math.max(0, now - this.#last) / 1000) * this.#perSecond,
    )
    this.#last = now
  }
}
