import { ManualClock } from '../../room/testing/ManualClock.ts'
import type { ConnectionScheduler } from '../scheduler.ts'

/**
 * The room's hand-driven clock and scheduler (`ManualClock`: time moves only in `advance`, `runTurn` runs what waits
 * for the end of the turn and after I/O), plus the wall clock a connection reads for a link's expiry.
 */
export class ManualScheduler extends ManualClock implements ConnectionScheduler {
  readonly #wallStart: number

  /** `wallStart`: the wall-clock time (ms since the epoch) at which the test starts. */
  constructor(wallStart = Date.UTC(2026, 0, 1)) {
    super()
    this.#wallStart = wallStart
  }

  wallNow(): number {
    return this.#wallStart + this.now()
  }
}
