import type { Timer } from '@waardentafel/protocol'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { playChime } from './chime.ts'
import { formatClock, remainingMs } from './timerMath.ts'

type Props = { timer: Timer; clockOffset: number; size?: 'normal' | 'large' }

/** The facilitator's timer as everyone sees it: mm:ss from the server's end time, with a cue at zero. */
export function TimerDisplay({ timer, clockOffset, size = 'normal' }: Props) {
  const { t } = useTranslation()
  const now = () => Date.now() + clockOffset
  const [left, setLeft] = useState(() => remainingMs(timer, now()))
  const [done, setDone] = useState(false)
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
    if (timer.status !== 'running' || (timer.endsAt ?? 0) > Date.now() + clockOffset) setDone(false)
  }, [timer, clockOffset])

  if (timer.status === 'idle') return null
  const finished = timer.status === 'running' && left === 0
  return (
    <div
      className={`wt-timer wt-timer-${size}`}
      data-testid="timer"
      data-status={timer.status}
      data-done={finished}
      data-cue={done}
    >
      <span className="wt-visually-hidden">{t('facilitation.timer.label')} </span>
      <span role="timer" className="wt-timer-clock">
        {formatClock(left)}
      </span>
      {timer.status === 'paused' && <span className="wt-timer-state">{t('facilitation.timer.paused')}</span>}
      <span className="wt-timer-state" role="status">
        {finished ? t('facilitation.timer.done') : ''}
      </span>
    </div>
  )
}
