import { ROUND_CLASSES, type Round } from '@waardentafel/protocol'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useFacilitation } from '../FacilitationContext.ts'
import { formatDate } from '../formatDate.ts'
import { RoundResults } from './RoundResults.tsx'
import {
  formatKey,
  loadRoundParticipant,
  newParticipantKey,
  parseKey,
  type RoundParticipant,
  saveRoundParticipant,
} from './roundParticipant.ts'
import { useRoundValues } from './roundValues.ts'
import { usePlacements } from './usePlacements.ts'
import { useRoundReport } from './useRoundReport.ts'

/** Placing each value of an open round in one of three classes, with doubt allowed; works on a phone. */
export function PlacementForm({ round }: { round: Round }) {
  const { t, i18n } = useTranslation()
  const { auth, editor, connection, clockOffset, self } = useFacilitation()
  const [participant, setParticipant] = useState<RoundParticipant>(() => loadRoundParticipant(self))
  const values = useRoundValues(editor, round.prioriteringId)
  const { placements, sync, choose } = usePlacements(auth, round.id, participant, connection, clockOffset)
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
      <Who participant={participant} onChange={setParticipant} own={self} />
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

type WhoProps = {
  participant: RoundParticipant
  onChange: (next: RoundParticipant) => void
  own: { name: string; organisation: string }
}

/** Who is filling in now: oneself (with a code to continue elsewhere), or the next person at a shared screen. */
function Who({ participant, onChange, own }: WhoProps) {
  const { t } = useTranslation()
  const [mode, setMode] = useState<'view' | 'next' | 'code'>('view')
  const [name, setName] = useState('')
  const [organisation, setOrganisation] = useState('')
  const [code, setCode] = useState('')
  const [codeError, setCodeError] = useState(false)

  const next = (event: FormEvent) => {
    event.preventDefault()
    if (!name.trim()) return
    onChange({ key: newParticipantKey(), name: name.trim(), organisation: organisation.trim(), turn: true })
    setName('')
    setOrganisation('')
    setMode('view')
  }
  const applyCode = (event: FormEvent) => {
    event.preventDefault()
    const key = parseKey(code)
    if (!key) return setCodeError(true)
    const mine = { key, name: own.name, organisation: own.organisation, turn: false }
    saveRoundParticipant(mine)
    onChange(mine)
    setCode('')
    setCodeError(false)
    setMode('view')
  }
  const backToSelf = () => {
    const stored = loadRoundParticipant(own)
    onChange({ ...stored, turn: false })
  }

  return (
    <div className="wt-who" data-testid="round-who">
      <p>
        {t('facilitation.rounds.fillingInAs')}{' '}
        <strong data-testid="round-person">
          {participant.name}
          {participant.organisation && ` (${participant.organisation})`}
        </strong>
      </p>
      {mode === 'view' && (
        <div className="wt-fac-row">
          <button type="button" className="wt-secondary" onClick={() => setMode('next')}>
            {t('facilitation.rounds.nextPerson')}
          </button>
          {participant.turn ? (
            <button type="button" className="wt-secondary" onClick={backToSelf}>
              {t('facilitation.rounds.backToSelf', { name: own.name })}
            </button>
          ) : (
            <button type="button" className="wt-secondary" onClick={() => setMode('code')}>
              {t('facilitation.rounds.otherDevice')}
            </button>
          )}
        </div>
      )}
      {!participant.turn && mode === 'view' && (
        <p className="wt-muted">
          {t('facilitation.rounds.yourCode')}{' '}
          <code data-testid="round-code">{formatKey(participant.key)}</code>
        </p>
      )}
      {mode === 'next' && (
        <form onSubmit={next} aria-label={t('facilitation.rounds.nextPerson')}>
          <p className="wt-muted">{t('facilitation.rounds.nextPersonIntro')}</p>
          <label htmlFor="wt-next-name">{t('identity.name')}</label>
          <input
            id="wt-next-name"
            required
            maxLength={80}
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
          <label htmlFor="wt-next-org">{t('identity.organisation')}</label>
          <input
            id="wt-next-org"
            maxLength={80}
            value={organisation}
            onChange={(e) => setOrganisation(e.target.value)}
          />
          <div className="wt-fac-row">
            <button type="submit" disabled={!name.trim()}>
              {t('facilitation.rounds.start')}
            </button>
            <button type="button" className="wt-secondary" onClick={() => setMode('view')}>
              {t('facilitation.cancel')}
            </button>
          </div>
        </form>
      )}
      {mode === 'code' && (
        <form onSubmit={applyCode} aria-label={t('facilitation.rounds.otherDevice')}>
          <label htmlFor="wt-round-code">{t('facilitation.rounds.codeLabel')}</label>
          <input
            id="wt-round-code"
            value={code}
            autoComplete="off"
            aria-invalid={codeError}
            aria-describedby={codeError ? 'wt-round-code-error' : undefined}
            onChange={(e) => setCode(e.target.value)}
          />
          {codeError && (
            <p id="wt-round-code-error" className="wt-error">
              {t('facilitation.rounds.codeInvalid')}
            </p>
          )}
          <div className="wt-fac-row">
            <button type="submit">{t('facilitation.rounds.useCode')}</button>
            <button type="button" className="wt-secondary" onClick={() => setMode('view')}>
              {t('facilitation.cancel')}
            </button>
          </div>
        </form>
      )}
    </div>
  )
}
