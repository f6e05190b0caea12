import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useFacilitation } from '../FacilitationContext.ts'
import { usePrioriteringen } from './roundValues.ts'

function defaultTitle(): string {
  const inTwoWeeks = new Date(Date.now() + 14 * 86_400_000)
  return `Prioriteer vóór ${inTwoWeeks.toLocaleDateString('nl-NL', { day: 'numeric', month: 'long' })}`
}

/** The facilitator opens a round on one waarden-prioritering (or on every value card of the board). */
export function OpenRoundForm({
  onOpened,
  firstRound,
}: {
  onOpened: (roundId: string) => void
  firstRound: boolean
}) {
  const { t } = useTranslation()
  const { act, editor } = useFacilitation()
  const prioriteringen = usePrioriteringen(editor)
  const [title, setTitle] = useState(defaultTitle)
  const [deadline, setDeadline] = useState('')
  const [prioriteringId, setPrioriteringId] = useState('')
  const [anonymous, setAnonymous] = useState(false)
  const [visibleBeforeClose, setVisibleBeforeClose] = useState(false)
  const chosen = prioriteringId || prioriteringen[0]?.id || ''

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    const answer = await act({
      action: 'round.open',
      title: title.trim(),
      deadline: deadline || null,
      anonymous,
      visibleBeforeClose,
      prioriteringId: chosen || null,
    })
    if (answer?.roundId) onOpened(answer.roundId)
  }

  return (
    <details className="wt-fac-section" open={firstRound && prioriteringen.length > 0}>
      <summary>
        <h3>{t('facilitation.rounds.openTitle')}</h3>
      </summary>
      <form onSubmit={(e) => void submit(e)} data-testid="open-round">
        <label htmlFor="wt-round-name">{t('facilitation.rounds.titleLabel')}</label>
        <input
          id="wt-round-name"
          required
          maxLength={200}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
        />
        <label htmlFor="wt-round-deadline">{t('facilitation.rounds.deadlineLabel')}</label>
        <input
          id="wt-round-deadline"
          type="date"
          value={deadline}
          onChange={(e) => setDeadline(e.target.value)}
        />
        <label htmlFor="wt-round-prio">{t('facilitation.rounds.prioritering')}</label>
        <select id="wt-round-prio" value={chosen} onChange={(e) => setPrioriteringId(e.target.value)}>
          {prioriteringen.map((p) => (
            <option key={p.id} value={p.id}>
              {p.title || t('templates.names.prioritering')} — {p.page}
            </option>
          ))}
          <option value="">{t('facilitation.rounds.allValues')}</option>
        </select>
        <label className="wt-check">
          <input type="checkbox" checked={anonymous} onChange={(e) => setAnonymous(e.target.checked)} />{' '}
          {t('facilitation.rounds.anonymousLabel')}
        </label>
        <label className="wt-check">
          <input
            type="checkbox"
            checked={visibleBeforeClose}
            onChange={(e) => setVisibleBeforeClose(e.target.checked)}
          />{' '}
          {t('facilitation.rounds.visibleLabel')}
        </label>
        <button type="submit" disabled={!title.trim()}>
          {t('facilitation.rounds.open')}
        </button>
      </form>
    </details>
  )
}
