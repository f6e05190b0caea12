/** What `LogThrottle.take` decided: log this line (and say how many like it were left out before it), or not. */
export type ThrottleDecision = { log: true; suppressed: number } | { log: false }

export type LogThrottleOptions = {
  /** At most one line per kind and address in this window. */
  intervalMs: number
  /** At most this many lines per kind in one window, over all addresses (a spread-out flood stays bounded too). */
  perKindPerInterval?: number
  /** Addresses remembered; the least recently logged are forgotten beyond it. */
  capacity?: number
  now?: () => number
}

type Entry = { at: number; suppressed: number }

/**
 * Keeps refusals of bad input from flooding the log: one line per kind (e.g. an error code) and client address
 * per interval, and a bounded number per kind over all addresses; a line that is let through carries the count
 * of those left out since the previous one for its key. No timers: counts are reported with the next line.
 */
export class LogThrottle {
  readonly #intervalMs: number
  readonly #perKind: number
  readonly #capacity: number
  readonly #now: () => number
  readonly #byKey = new Map<string, Entry>()
  readonly #byKind = new Map<string, { windowStart: number; lines: number; suppressed: number }>()

  constructor(options: LogThrottleOptions) {
    this.#intervalMs = options.intervalMs
    this.#perKind = options.perKindPerInterval ?? 20
    this.#capacity = options.capacity ?? 10_000
    this.#now = options.now ?? Date.now
  }

  take(kind: string, address: string): ThrottleDecision {
    const now = this.#now()
    const key = `${kind}\u0000${address}`
    const entry = this.#byKey.get(key)
    const kindState = this.#kindWindow(kind, now)
    if (entry && now - entry.at < this.#intervalMs) {
      entry.suppressed++
      return { log: false }
    }
    if (kindState.lines >= this.#perKind) {
      kindState.suppressed++
      return { log: false }
    }
    kindState.lines++
    // Left out since the last line for this key, and (once per window) those the per-kind bound left out.
    const suppressed = (entry?.suppressed ?? 0) + kindState.suppressed
    kindState.suppressed = 0
    this.#byKey.delete(key)
    this.#byKey.set(key, { at: now, suppressed: 0 })
    if (this.#byKey.size > this.#capacity) this.#byKey.delete(this.#byKey.keys().next().value!)
    return { log: true, suppressed }
  }

  #kindWindow(kind: string, now: number) {
    let state = this.#byKind.get(kind)
    if (!state || now - state.windowStart >= this.#intervalMs) {
      state = { windowStart: now, lines: 0, suppressed: state?.suppressed ?? 0 }
      this.#byKind.set(kind, state)
    }
    return state
  }
}
