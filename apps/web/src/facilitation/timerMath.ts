import type { Timer } from '@waardentafel/protocol'

/** Milliseconds left on the timer at server time `now`. */
export function remainingMs(timer: Timer, now: number): number {
  if (timer.status === 'running' && timer.endsAt !== null) return Math.max(0, timer.endsAt - now)
  if (timer.status === 'paused') return timer.remainingMs
  return timer.durationMs
}

/** mm:ss, rounding up so that "00:00" shows only when the time is really up. */
export function formatClock(ms: number): string {
  const total = Math.ceil(ms / 1000)
  const minutes = Math.floor(total / 60)
  const seconds = total % 60
  return `${String(minutes).padStart(2, '0')}:${String(seconds).padStart(2, '0')}`
}
