import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../../api/client.ts'
import { useFacilitation } from '../FacilitationContext.ts'
import { getRoundReport, issueParticipantKey } from '../facilitationApi.ts'
import {
  formatKey,
  loadRoundParticipant,
  parseKey,
  type RoundParticipant,
  saveRoundParticipant,
} from './roundParticipant.ts'

type Props = {
  participant: RoundParticipant
  onChange: (next: RoundParticipant) => void
  own: { name: string; organisation: string }
  roundId: string
}

type CodeError = 'invalid' | 'unknown' | 'failed'

/**
 * Who is filling in now: oneself (with a code to continue elsewhere), or the next person at a shared screen.
 * Every ballot is a key the server issues: the next person gets a new one, a code from another device is checked
 * with the server before this device uses it.
 */
export function ParticipantSwitch({ participant, onChange, own, roundId }: Props) {
  const { t } = useTranslation()
  const { auth } = useFacilitation()
  const [mode, setMode] = useState<'view' | 'next' | 'code'>('view')
  const [name, setName] = useState('')
  const [organisation, setOrganisation] = useState('')
  const [code, setCode] = useState('')
  const [codeError, setCodeError] = useState<CodeError | null>(null)
  const [nextFailed, setNextFailed] = useState(false)
  const [busy, setBusy] = useState(false)

  const next = async (event: FormEvent) => {
    event.preventDefault()
    if (!name.trim() || busy) return
    setBusy(true)
    try {
      const { key } = await issueParticipantKey(auth)
      onChange({ key, name: name.trim(), organisation: organisation.trim(), turn: true })
      setName('')
      setOrganisation('')
      setNextFailed(false)
      setMode('view')
    } catch {
      setNextFailed(true)
    } finally {
      setBusy(false)
    }
  }
  const applyCode = async (event: FormEvent) => {
    event.preventDefault()
    const key = parseKey(code)
    if (!key) return setCodeError('invalid')
    if (busy) return
    setBusy(true)
    try {
      // Only a key the server issued for this board counts: check it before this device uses it.
      await getRoundReport(auth, roundId, key)
      const mine = { key, name: own.name, organisation: own.organisation, turn: false }
      saveRoundParticipant(auth.boardId, mine)
      onChange(mine)
      setCode('')
      setCodeError(null)
      setMode('view')
    } catch (e) {
      setCodeError(e instanceof ApiError && e.code === 'PARTICIPANT_KEY_UNKNOWN' ? 'unknown' : 'failed')
    } finally {
      setBusy(false)
    }
  }
  const backToSelf = () => {
    const stored = loadRoundParticipant(auth.boardId, own)
    onChange({ ...stored, turn: false })
  }
  const codeMessage = {
    invalid: t('facilitation.rounds.codeInvalid'),
    unknown: t('facilitation.rounds.codeUnknown'),
    failed: t('facilitation.errors.generic'),
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
      {!participant.turn && mode === 'view' && participant.key !== null && (
        <p className="wt-muted">
          {t('facilitation.rounds.yourCode')}{' '}
          <code data-testid="round-code">{formatKey(participant.key)}</code>
        </p>
      )}
      {mode === 'next' && (
        <form onSubmit={(e) => void next(e)} aria-label={t('facilitation.rounds.nextPerson')}>
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
          {nextFailed && (
            <p className="wt-error" role="alert">
              {t('facilitation.errors.generic')}
            </p>
          )}
          <div className="wt-fac-row">
            <button type="submit" disabled={!name.trim() || busy}>
              {t('facilitation.rounds.start')}
            </button>
            <button type="button" className="wt-secondary" onClick={() => setMode('view')}>
              {t('facilitation.cancel')}
            </button>
          </div>
        </form>
      )}
      {mode === 'code' && (
        <form onSubmit={(e) => void applyCode(e)} aria-label={t('facilitation.rounds.otherDevice')}>
          <label htmlFor="wt-round-code">{t('facilitation.rounds.codeLabel')}</label>
          <input
            id="wt-round-code"
            value={code}
            autoComplete="off"
            aria-invalid={codeError !== null}
            aria-describedby={codeError ? 'wt-round-code-error' : undefined}
            onChange={(e) => setCode(e.target.value)}
          />
          {codeError && (
            <p id="wt-round-code-error" className="wt-error">
              {codeMessage[codeError]}
            </p>
          )}
          <div className="wt-fac-row">
            <button type="submit" disabled={busy}>
              {t('facilitation.rounds.useCode')}
            </button>
            <button type="button" className="wt-secondary" onClick={() => setMode('view')}>
              {t('facilitation.cancel')}
            </button>
          </div>
        </form>
      )}
    </div>
  )
}
