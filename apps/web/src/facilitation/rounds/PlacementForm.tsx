import { ROUND_CLASSES, type Round } from '@waardentafel/protocol'
import { useTranslation } from 'react-i18next'
import { useFacilitation } from '../FacilitationContext.ts'
import { formatDate } from '../formatDate.ts'
import { ParticipantSwitch } from './ParticipantSwitch.tsx'
import { RoundResults } from './RoundResults.tsx'
import { useRoundValues } from './roundValues.ts'
import { usePlacements } from './usePlacements.ts'
import { useRoundParticipant } from './useRoundParticipant.ts'
import { useRoundReport } from './useRoundReport.ts'

/** Placing each value of an open round in one of three classes, with doubt allowed; works on a phone. */
export function PlacementForm({ round }: { round: Round }) {
  const { t, i18n } = useTranslation()
  const { auth, editor, connection, clockOffset, self } = useFacilitation()
  const { participant, setParticipant, refused, forgetKey } = useRoundParticipant(auth, self, connection)
  const values = useRoundValues(editor, round.prioriteringId)
  const { placements, sync, choose } = usePlacements(
    auth,
    round.id,
    participant,
    connection,
    clockOffset,
    forgetKey,
  )
  const { report } = useRoundReport(auth, round.visibleBeforeClose ? round : null, participant.key)
  const byValue = new Map(placements.map((p) => [p.valueId, p]))
  const placed = values.filter((v) => byValue.has(v.id)).length

  return (
    <div className="wt-placement-form">
      <h3>{round.title}</h3>
      <p className="wt-muted">
        {round.deadline &&
          `${t('facilitation.rounds.deadline', { date: formatDate(round.deadline, i18n.language) })} · `}
        {round.anonymous ? t('facilitation.rounds.anonymousNote') : t('facilitation.rounds.namedNote')}
      </p>
      <p>{t('facilitation.rounds.question')}</p>
      <ParticipantSwitch participant={participant} onChange={setParticipant} own={self} roundId={round.id} />
      {refused && participant.key === null && (
        <p className="wt-error" role="alert">
          {t('facilitation.rounds.keyRefused')}
        </p>
      )}
      <p className="wt-round-status" role="status" data-testid="round-sync" data-sync={sync}>
        {t('facilitation.rounds.count', { placed, total: values.length })} ·{' '}
        {t(`facilitation.rounds.sync.${sync}`)}
      </p>
      <ul className="wt-placements">
        {values.map((value) => {
          const mine = byValue.get(value.id)
          const legend = `wt-value-${value.id.replace(/[^a-zA-Z0-9_-]/g, '')}`
          return (
            <li
              key={value.id}
              data-testid="round-value"
              data-value-id={value.id}
              data-klasse={mine?.klasse ?? ''}
            >
              <fieldset aria-labelledby={legend} disabled={sync === 'closed'}>
                <h4 id={legend}>{value.name}</h4>
                {value.explanation && <p className="wt-muted">{value.explanation}</p>}
                <div className="wt-klasse-buttons">
                  {ROUND_CLASSES.map((klasse) => (
                    <button
                      key={klasse}
                      type="button"
                      data-klasse={klasse}
                      aria-pressed={mine?.klasse === klasse}
                      onClick={() => choose(value.id, { klasse })}
                    >
                      {t(`templates.columns.${klasse}`)}
                    </button>
                  ))}
                </div>
                <label className="wt-check">
                  <input
                    type="checkbox"
                    checked={mine?.twijfel ?? false}
                    disabled={!mine}
                    onChange={(e) => choose(value.id, { twijfel: e.target.checked })}
                  />{' '}
                  {t('facilitation.rounds.twijfel')}
                </label>
              </fieldset>
            </li>
          )
        })}
      </ul>
      {round.visibleBeforeClose && report?.results && (
        <section aria-labelledby="wt-interim">
          <h3 id="wt-interim">{t('facilitation.rounds.interim')}</h3>
          <RoundResults report={report} values={values} />
        </section>
      )}
    </div>
  )
}
