import type { Clock, Scheduler, Timer } from '../time/Clock.ts'

/** A connection is asked again at most this often. */
export const ASK_INTERVAL_MS = 1000

/**
 * Asks a connection for what the server lacks (after the room dropped an update that builds on it) at most once a
 * second per connection — a flood of gap updates must not become a flood of questions — and when it asked within
 * the second, once more when the second is over, so a dropped edit is always asked for again.
 */
export class AskThrottle<S extends object> {
  readonly #clock: Clock
  readonly #scheduler: Scheduler
  /** Asks now; the owner checks whether the connection may still be asked (`mayAsk`). */
  readonly #ask: (socket: S) => void
  readonly #mayAsk: (socket: S) => boolean
  readonly #askedAt = new WeakMap<S, number>()
  readonly #later = new Map<S, Timer>()

  constructor(options: {
    clock: Clock
    scheduler: Scheduler
    ask: (socket: S) => void
    mayAsk: (socket: S) => boolean
  }) {
    this.#clock = options.clock
    this.#scheduler = options.scheduler
    this.#ask = options.ask
    this.#mayAsk = options.mayAsk
  }

  soon(socket: S): void {
    if (!this.#mayAsk(socket) || this.#later.has(socket)) return
    const wait = (this.#askedAt.get(socket) ?? Number.NEGATIVE_INFINITY) + ASK_INTERVAL_MS - this.#clock.now()
    if (wait <= 0) {
      this.#askedAt.set(socket, this.#clock.now())
      this.#ask(socket)
      return
    }
    const timer = this.#scheduler.setTimeout(() => {
      this.#later.delete(socket)
      this.soon(socket)
    }, wait)
    timer.unref?.()
    this.#later.set(socket, timer)
  }

  /** The connection left: no question waits for it any more. */
  forget(socket: S): void {
    const timer = this.#later.get(socket)
    if (timer) this.#scheduler.clearTimeout(timer)
    this.#later.delete(socket)
  }

  close(): void {
    for (const timer of this.#later.values()) this.#scheduler.clearTimeout(timer)
    this.#later.clear()
  }
}
