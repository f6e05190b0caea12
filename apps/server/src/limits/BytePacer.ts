/**
 * A token bucket over bytes: how long a reader should wait before reading more, so that all readers sharing it
 * together stay near `bytesPerSecond` after an initial `burstBytes`. Time comes from `now` (ms).
 */
export class BytePacer {
  readonly #rate: number
  readonly #burst: number
  readonly #now: () => number
  #tokens: number
  #at: number

  constructor(bytesPerSecond: number, burstBytes: number, now: () => number = () => performance.now()) {
    this.#rate = bytesPerSecond / 1000
    this.#burst = burstBytes
    this.#now = now
    this.#tokens = burstBytes
    this.#at = now()
  }

  /** Takes `bytes` just read; returns the ms to wait before reading on (0: go on). */
  take(bytes: number): number {
    const now = this.#now()
    this.#tokens = Math.min(this.#burst, this.#tokens + (now - this.#at) * this.#rate)
    this.#at = now
    this.#tokens -= bytes
    return this.#tokens >= 0 ? 0 : Math.ceil(-this.#tokens / this.#rate)
  }
}
