import type { Round } from '@waardentafel/protocol'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useFacilitation } from '../FacilitationContext.ts'
import { formatDate } from '../formatDate.ts'
import { sortedRounds } from '../useFacilitationState.ts'
import { PlacementForm } from './PlacementForm.tsx'
import { RoundList } from './RoundList.tsx'
import { RoundResults } from './RoundResults.tsx'
import { useRoundValues } from './roundValues.ts'
import { useRoundReport } from './useRoundReport.ts'

/** "Prioriteringsronde": the open round to fill in, and earlier rounds to read back. */
export function RoundPanel({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation()
  const { state, round } = useFacilitation()
  const rounds = sortedRounds(state)
  const [chosenId, setChosenId] = useState<string | null>(null)
  const chosen = rounds.find((r) => r.id === chosenId) ?? round ?? rounds[0] ?? null
  return (
    <section className="wt-ui wt-side-panel" aria-labelledby="wt-round-title" data-testid="round-panel">
      <div className="wt-row-between">
        <h2 id="wt-round-title">{t('facilitation.rounds.panelTitle')}</h2>
        <button type="button" className="wt-link-button" onClick={onClose}>
          {t('facilitation.close')}
        </button>
      </div>
      {!chosen ? (
        <p>{t('facilitation.rounds.none')}</p>
      ) : chosen.status === 'open' ? (
        <PlacementForm key={chosen.id} round={chosen} />
      ) : (
        <ClosedRound round={chosen} />
      )}
      {rounds.length > 1 && (
        <nav aria-labelledby="wt-round-list">
          <h3 id="wt-round-list">{t('facilitation.rounds.all')}</h3>
          <RoundList rounds={rounds} current={chosen?.id} onChoose={setChosenId} />
        </nav>
      )}
    </section>
  )
}

/** A closed round stays readable: its outcome as the server reports it to this role. */
function ClosedRound({ round }: { round: Round }) {
  const { t, i18n } = useTranslation()
  const { auth, editor } = useFacilitation()
  const { report } = useRoundReport(auth, round)
  const values = useRoundValues(editor, round.prioriteringId)
  return (
    <>
      <h3>{round.title}</h3>
      <p>
        {t('facilitation.rounds.closedOn', {
          date: formatDate(round.closedAt ?? round.openedAt, i18n.language),
        })}
      </p>
      {round.adoption && <p>{t('facilitation.rounds.adoptedBy', { name: round.adoption.by })}</p>}
      {report ? <RoundResults report={report} values={values} /> : <p>{t('board.loading')}</p>}
    </>
  )
}
