import type { Timer } from '@waardentafel/protocol'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { playChime } from './chime.ts'
import { formatClock, remainingMs } from './timerMath.ts'

type Props = {
  timer: Timer
  clockOffset: number
  size?: 'normal' | 'large'
  /** The facilitator's way to clear a finished timer for everyone (only passed to the facilitator). */
  onReset?: () => void
}

/** How long "De tijd is om" shows after zero before the timer goes quiet (it stays at 00:00, small and calm). */
export const TIMER_CUE_MS = 8_000

/** The facilitator's timer as everyone sees it: mm:ss from the server's end time, with a short cue at zero. */
export function TimerDisplay({ timer, clockOffset, size = 'normal', onReset }: Props) {
  const { t } = useTranslation()
  const now = () => Date.now() + clockOffset
  const [left, setLeft] = useState(() => remainingMs(timer, now()))
  const [done, setDone] = useState(false)
  const [dismissed, setDismissed] = useState(false)
  const previous = useRef(left)

  useEffect(() => {
    const tick = () => {
      const next = remainingMs(timer, Date.now() + clockOffset)
      // Only a zero reached while we watched rings: opening the board after the end stays quiet.
      if (timer.status === 'running' && next === 0 && previous.current > 0) {
        setDone(true)
        playChime()
      }
      previous.current = next
      setLeft(next)
    }
    tick()
    if (timer.status !== 'running') return
    const interval = setInterval(tick, 250)
    return () => clearInterval(interval)
  }, [timer, clockOffset])

  useEffect(() => {
    // A new start, pause or reset ends the cue.
    if (timer.status !== 'running' || (timer.endsAt ?? 0) > Date.now() + clockOffset) {
      setDone(false)
      setDismissed(false)
    }
  }, [timer, clockOffset])

  // The cue is brief: then the timer goes quiet, so it does not shout over the cards for the rest of the session.
  useEffect(() => {
    if (!done) return
    const quiet = setTimeout(() => setDone(false), TIMER_CUE_MS)
    return () => clearTimeout(quiet)
  }, [done])

  if (timer.status === 'idle') return null
  const finished = timer.status === 'running' && left === 0
  const loud = finished && done && !dismissed
  return (
    <div
      className={`wt-timer wt-timer-${size}`}
      data-testid="timer"
      data-status={timer.status}
      data-done={finished}
      data-cue={loud}
      data-quiet={finished && !loud}
    >
      <span className="wt-visually-hidden">{t('facilitation.timer.label')} </span>
      <span role="timer" className="wt-timer-clock">
        {formatClock(left)}
      </span>
      {timer.status === 'paused' && <span className="wt-timer-state">{t('facilitation.timer.paused')}</span>}
      <span className="wt-timer-state" role="status">
        {loud ? t('facilitation.timer.done') : ''}
      </span>
      {loud && size === 'normal' && (
        <button type="button" className="wt-timer-action" onClick={() => setDismissed(true)}>
          {t('facilitation.timer.dismiss')}
        </button>
      )}
      {finished && onReset && (
        <button type="button" className="wt-timer-action" onClick={onReset}>
          {t('facilitation.timer.clear')}
        </button>
      )}
    </div>
  )
}
