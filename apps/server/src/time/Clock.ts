/** A timer as the room sees it: Node's handles can be unref'd so a quiet room never keeps the process alive. */
export type Timer = { unref?(): unknown }

/** Where the room reads the time (ms, monotonic): injected so tests drive it by hand. */
export interface Clock {
  now(): number
}

/**
 * How the room schedules work. Besides timers, the two event-loop moments the hot path relies on: `endOfTurn`
 * (process.nextTick: after the current callback, before any I/O) and `afterIo` (setImmediate: after the poll phase
 * has read every socket that was ready — a group commit or a presence batch collects what arrived in it).
 */
export interface Scheduler {
  setTimeout(run: () => void, ms: number): Timer
  clearTimeout(timer: Timer): void
  setInterval(run: () => void, ms: number): Timer
  clearInterval(timer: Timer): void
  endOfTurn(run: () => void): void
  afterIo(run: () => void): void
}

export const realClock: Clock = { now: () => performance.now() }

type NodeTimer = ReturnType<typeof setTimeout>

export const realScheduler: Scheduler = {
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (timer) => clearTimeout(timer as NodeTimer),
  setInterval: (run, ms) => setInterval(run, ms),
  clearInterval: (timer) => clearInterval(timer as NodeTimer),
  endOfTurn: (run) => process.nextTick(run),
  afterIo: (run) => setImmediate(run),
}
