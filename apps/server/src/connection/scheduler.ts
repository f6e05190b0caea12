/** A timer handle, as the scheduler that made it gives it out (Node: a Timeout; tests: their own record). */
export type TimerHandle = object

/**
 * How a connection reads the time and schedules work, injected so its unit tests drive both by hand. Besides
 * timers, the two event-loop moments its writes and presence rely on: `endOfTurn` (process.nextTick: after the
 * current callback, before any I/O) and `afterIo` (setImmediate: after the poll phase has read every socket that
 * was ready). The same shape as the room's scheduler, so one test clock can drive both.
 */
export interface ConnectionScheduler {
  /** Monotonic milliseconds (rate limits). */
  now(): number
  /** Wall-clock milliseconds since the epoch (a link's expiry is a Unix time). */
  wallNow(): number
  setTimeout(run: () => void, ms: number): TimerHandle
  clearTimeout(timer: TimerHandle): void
  endOfTurn(run: () => void): void
  afterIo(run: () => void): void
}

type NodeTimer = ReturnType<typeof setTimeout>

export const realConnectionScheduler: ConnectionScheduler = {
  now: () => performance.now(),
  wallNow: () => Date.now(),
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (timer) => clearTimeout(timer as NodeTimer),
  endOfTurn: (run) => process.nextTick(run),
  afterIo: (run) => setImmediate(run),
}

/**
 * A number for the current turn of the event loop, counted once per turn, shared by every connection of a server:
 * "has this connection sent already in this turn" then costs one comparison, and one end-of-turn callback per turn
 * serves all connections (a relay to 100 connections would otherwise queue 100).
 */
export class TurnCounter {
  readonly #scheduler: Pick<ConnectionScheduler, 'endOfTurn'>
  #turn = 0
  #ending = false
  readonly #end = () => {
    this.#turn++
    this.#ending = false
  }

  constructor(scheduler: Pick<ConnectionScheduler, 'endOfTurn'>) {
    this.#scheduler = scheduler
  }

  current(): number {
    if (!this.#ending) {
      this.#ending = true
      this.#scheduler.endOfTurn(this.#end)
    }
    return this.#turn
  }
}
