import type { Timer } from '@waardentafel/protocol'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { FacilitationActionInput } from './facilitationApi.ts'

type Props = { timer: Timer; act: (action: FacilitationActionInput) => Promise<unknown> }

/** Start with minutes, pause, resume, reset: the facilitator's only way to change the shared timer. */
export function TimerControls({ timer, act }: Props) {
  const { t } = useTranslation()
  const [minutes, setMinutes] = useState('10')
  const value = Number(minutes.replace(',', '.'))
  const valid = Number.isFinite(value) && value > 0 && value <= 24 * 60
  const start = (event: FormEvent) => {
    event.preventDefault()
    if (valid) void act({ action: 'timer.start', durationMs: Math.round(value * 60_000) })
  }
  return (
    <section className="wt-fac-section" aria-labelledby="wt-fac-timer">
      <h3 id="wt-fac-timer">{t('facilitation.timer.title')}</h3>
      <form className="wt-fac-row" onSubmit={start}>
        <label htmlFor="wt-timer-minutes">{t('facilitation.timer.minutes')}</label>
        <input
          id="wt-timer-minutes"
          className="wt-fac-minutes"
          inputMode="decimal"
          value={minutes}
          onChange={(e) => setMinutes(e.target.value)}
        />
        <button type="submit" disabled={!valid}>
          {t('facilitation.timer.start')}
        </button>
      </form>
      <div className="wt-fac-row">
        {timer.status === 'running' && (
          <button type="button" onClick={() => void act({ action: 'timer.pause' })}>
            {t('facilitation.timer.pause')}
          </button>
        )}
        {timer.status === 'paused' && (
          <button type="button" onClick={() => void act({ action: 'timer.resume' })}>
            {t('facilitation.timer.resume')}
          </button>
        )}
        {timer.status !== 'idle' && (
          <button type="button" className="wt-secondary" onClick={() => void act({ action: 'timer.reset' })}>
            {t('facilitation.timer.reset')}
          </button>
        )}
      </div>
    </section>
  )
}
