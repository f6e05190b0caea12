import type { PrioriteringColumn } from '@waardentafel/domain'
import type { Round } from '@waardentafel/protocol'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useFacilitation } from '../FacilitationContext.ts'
import { formatDate } from '../formatDate.ts'
import { sortedRounds } from '../useFacilitationState.ts'
import { OpenRoundForm } from './OpenRoundForm.tsx'
import { RoundList } from './RoundList.tsx'
import { RoundBallots, RoundProgress, RoundResults } from './RoundResults.tsx'
import { adoptMajorities, useRoundValues } from './roundValues.ts'
import { useRoundReport } from './useRoundReport.ts'

/** The facilitator's rounds: open one, follow its progress and results, close it, adopt its outcome. */
export function RoundsTab() {
  const { t } = useTranslation()
  const { state } = useFacilitation()
  const rounds = sortedRounds(state)
  const [selectedId, setSelectedId] = useState<string | null>(null)
  const selected = rounds.find((r) => r.id === selectedId) ?? rounds[0] ?? null
  return (
    <>
      <OpenRoundForm onOpened={setSelectedId} firstRound={rounds.length === 0} />
      {rounds.length > 0 && (
        <section className="wt-fac-section" aria-labelledby="wt-rounds-list">
          <h3 id="wt-rounds-list">{t('facilitation.rounds.all')}</h3>
          <RoundList rounds={rounds} current={selected?.id} onChoose={setSelectedId} />
        </section>
      )}
      {selected && <RoundAdmin key={selected.id} round={selected} />}
    </>
  )
}

function RoundAdmin({ round }: { round: Round }) {
  const { t, i18n } = useTranslation()
  const { auth, act, editor, self } = useFacilitation()
  const { report, refresh, failed } = useRoundReport(auth, round)
  const values = useRoundValues(editor, round.prioriteringId)
  const [confirmClose, setConfirmClose] = useState(false)
  const [adopted, setAdopted] = useState<number | null>(null)

  const close = async () => {
    setConfirmClose(false)
    await act({ action: 'round.close', roundId: round.id })
    refresh()
  }
  const adopt = async () => {
    if (!editor || !report?.results) return
    const moved = adoptMajorities(
      editor,
      report.results.map((r) => ({ valueId: r.valueId, majority: r.majority as PrioriteringColumn | null })),
    )
    setAdopted(moved)
    await act({ action: 'round.adopt', roundId: round.id, by: self.name })
  }

  return (
    <section
      className="wt-fac-section"
      aria-labelledby="wt-round-admin"
      data-testid="round-admin"
      data-round-id={round.id}
    >
      <h3 id="wt-round-admin">{round.title}</h3>
      <p className="wt-muted">
        {t(`facilitation.rounds.status.${round.status}`)}
        {round.deadline &&
          ` · ${t('facilitation.rounds.deadline', { date: formatDate(round.deadline, i18n.language) })}`}
        {round.anonymous && ` · ${t('facilitation.rounds.anonymousShort')}`}
      </p>
      {failed && !report && <p className="wt-error">{t('facilitation.errors.generic')}</p>}
      {report && <RoundProgress report={report} />}
      <div className="wt-fac-row">
        {round.status === 'open' && !confirmClose && (
          <button type="button" onClick={() => setConfirmClose(true)}>
            {t('facilitation.rounds.close')}
          </button>
        )}
        {round.status === 'open' && confirmClose && (
          <>
            <span>{t('facilitation.rounds.closeConfirm')}</span>
            <button type="button" onClick={() => void close()}>
              {t('facilitation.rounds.closeYes')}
            </button>
            <button type="button" className="wt-secondary" onClick={() => setConfirmClose(false)}>
              {t('facilitation.cancel')}
            </button>
          </>
        )}
        {round.status === 'closed' && (
          <button type="button" onClick={() => void adopt()} disabled={!report?.results}>
            {t('facilitation.rounds.adopt')}
          </button>
        )}
      </div>
      {round.status === 'closed' && !round.adoption && (
        <p className="wt-muted">{t('facilitation.rounds.adoptHint')}</p>
      )}
      {adopted !== null && <p role="status">{t('facilitation.rounds.adoptedMoved', { count: adopted })}</p>}
      {round.adoption && (
        <p>
          {t('facilitation.rounds.adoptedBy', { name: round.adoption.by })} (
          {formatDate(round.adoption.at, i18n.language, true)})
        </p>
      )}
      {report && <RoundResults report={report} values={values} />}
      {report && <RoundBallots report={report} values={values} />}
    </section>
  )
}
