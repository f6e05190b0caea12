/**
 * Bounds the uploads in progress: at most `maxPending` at once (reading their body, waiting, or being processed);
 * more are refused at once (the caller answers 429), so parallel uploads cannot hold unbounded memory. Of those
 * admitted, at most `concurrency` are processed at a time (decoding a large photo takes a core and memory); the
 * others wait their turn, first come first served. Pure: no timers, no I/O.
 */
export class UploadGate {
  readonly #maxPending: number
  readonly #concurrency: number
  #pending = 0
  #running = 0
  readonly #queue: (() => void)[] = []

  constructor(maxPending: number, concurrency: number) {
    this.#maxPending = maxPending
    this.#concurrency = concurrency
  }

  /** Admits an upload, or returns null when `maxPending` are in progress. Call the returned `leave` exactly once. */
  tryEnter(): (() => void) | null {
    if (this.#pending >= this.#maxPending) return null
    this.#pending++
    let left = false
    return () => {
      if (left) return
      left = true
      this.#pending--
    }
  }

  /** Runs `work` when a processing slot is free; the slot passes straight to the next in line when it ends. */
  async turn<T>(work: () => Promise<T>): Promise<T> {
    if (this.#running < this.#concurrency) this.#running++
    else await new Promise<void>((resolve) => this.#queue.push(resolve))
    try {
      return await work()
    } finally {
      const next = this.#queue.shift()
      if (next) next()
      else this.#running--
    }
  }

  get pending(): number {
    return this.#pending
  }
}
