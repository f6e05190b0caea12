import { type Clock, realClock, realScheduler, type Scheduler, type Timer } from '../time/Clock.ts'

/** A timer handle, as the scheduler that made it gives it out (Node: a Timeout; tests: their own record). */
export type TimerHandle = Timer

/**
 * How a connection reads the time and schedules work — the server's one `Clock` and `Scheduler` (`time/Clock.ts`),
 * the parts a connection uses, plus the wall clock (a link's expiry is a Unix time). Injected so its unit tests
 * drive both by hand.
 */
export type ConnectionScheduler = Clock &
  Pick<Scheduler, 'setTimeout' | 'clearTimeout' | 'endOfTurn' | 'afterIo'> & {
    /** Wall-clock milliseconds since the epoch. */
    wallNow(): number
  }

export const realConnectionScheduler: ConnectionScheduler = {
  now: realClock.now,
  wallNow: () => Date.now(),
  setTimeout: realScheduler.setTimeout,
  clearTimeout: realScheduler.clearTimeout,
  endOfTurn: realScheduler.endOfTurn,
  afterIo: realScheduler.afterIo,
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
