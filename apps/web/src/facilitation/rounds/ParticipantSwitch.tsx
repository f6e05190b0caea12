import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import {
  formatKey,
  loadRoundParticipant,
  newParticipantKey,
  parseKey,
  type RoundParticipant,
  saveRoundParticipant,
} from './roundParticipant.ts'

type Props = {
  participant: RoundParticipant
  onChange: (next: RoundParticipant) => void
  own: { name: string; organisation: string }
}

/** Who is filling in now: oneself (with a code to continue elsewhere), or the next person at a shared screen. */
export function ParticipantSwitch({ participant, onChange, own }: Props) {
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
