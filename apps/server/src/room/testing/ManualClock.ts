import type { Clock, Scheduler, Timer } from '../../time/Clock.ts'

type Scheduled = { at: number; every: number | null; run: () => void; order: number; unref(): void }

/**
 * A clock and scheduler driven by hand (unit tests): time moves only in `advance`, which runs every timer that
 * falls due on the way, in order; `runTurn` runs what waits for the end of the turn and then what waits after I/O.
 */
export class ManualClock implements Clock, Scheduler {
  #now = 0
  #order = 0
  readonly #timers = new Set<Scheduled>()
  #endOfTurn: Array<() => void> = []
  #afterIo: Array<() => void> = []

  now(): number {
    return this.#now
  }

  setTimeout(run: () => void, ms: number): Timer {
    return this.#add(run, ms, null)
  }

  setInterval(run: () => void, ms: number): Timer {
    return this.#add(run, ms, Math.max(1, ms))
  }

  clearTimeout(timer: Timer): void {
    this.#timers.delete(timer as Scheduled)
  }

  clearInterval(timer: Timer): void {
    this.#timers.delete(timer as Scheduled)
  }

  endOfTurn(run: () => void): void {
    this.#endOfTurn.push(run)
  }

  afterIo(run: () => void): void {
    this.#afterIo.push(run)
  }

  /** Timers waiting (intervals included). */
  get pendingTimers(): number {
    return this.#timers.size
  }

  /** Callbacks waiting for the end of the turn, and for after I/O. */
  get waiting(): { endOfTurn: number; afterIo: number } {
    return { endOfTurn: this.#endOfTurn.length, afterIo: this.#afterIo.length }
  }

  /** Runs only what was deferred to the end of the current callback (process.nextTick), not what waits for I/O. */
  runEndOfTurn(): void {
    while (this.#endOfTurn.length > 0) for (const run of this.#endOfTurn.splice(0)) run()
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
      if (next.every === null) this.#timers.delete(next)
      else next.at += next.every
      next.run()
    }
    this.#now = until
  }

  #add(run: () => void, ms: number, every: number | null): Scheduled {
    const timer: Scheduled = { at: this.#now + Math.max(0, ms), every, run, order: this.#order++, unref() {} }
    this.#timers.add(timer)
    return timer
  }
}
