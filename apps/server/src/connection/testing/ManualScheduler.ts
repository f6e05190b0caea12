import type { ConnectionScheduler, TimerHandle } from '../scheduler.ts'

type Scheduled = { at: number; run: () => void; order: number; unref?(): unknown }

/**
 * A scheduler driven by hand (unit tests): time moves only in `advance`, which runs every timer that falls due on
 * the way, in order; `runTurn` runs what waits for the end of the turn, then what waits after I/O.
 */
export class ManualScheduler implements ConnectionScheduler {
  #now = 0
  #order = 0
  readonly #wallStart: number
  readonly #timers = new Set<Scheduled>()
  #endOfTurn: Array<() => void> = []
  #afterIo: Array<() => void> = []

  /** `wallStart`: the wall-clock time (ms since the epoch) at which the test starts. */
  constructor(wallStart = Date.UTC(2026, 0, 1)) {
    this.#wallStart = wallStart
  }

  now(): number {
    return this.#now
  }

  wallNow(): number {
    return this.#wallStart + this.#now
  }

  setTimeout(run: () => void, ms: number): TimerHandle {
    const timer: Scheduled = { at: this.#now + Math.max(0, ms), run, order: this.#order++ }
    this.#timers.add(timer)
    return timer
  }

  clearTimeout(timer: TimerHandle): void {
    this.#timers.delete(timer as Scheduled)
  }

  endOfTurn(run: () => void): void {
    this.#endOfTurn.push(run)
  }

  afterIo(run: () => void): void {
    this.#afterIo.push(run)
  }

  get pendingTimers(): number {
    return this.#timers.size
  }

  /** Runs what was deferred to the end of the turn, then what waits after I/O (and anything they defer again). */
  runTurn(): void {
    while (this.#endOfTurn.length > 0 || this.#afterIo.length > 0) {
      for (const run of this.#endOfTurn.splice(0)) run()
      for (const run of this.#afterIo.splice(0)) run()
    }
  }

  /** Moves time on by `ms`, running each timer when its moment comes. */
  advance(ms: number): void {
    const until = this.#now + ms
    for (;;) {
      let next: Scheduled | null = null
      for (const t of this.#timers) {
        if (t.at <= until && (!next || t.at < next.at || (t.at === next.at && t.order < next.order))) next = t
      }
      if (!next) break
      this.#now = Math.max(this.#now, next.at)
      this.#timers.delete(next)
      next.run()
    }
    this.#now = until
  }
}
