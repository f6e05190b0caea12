import { ROUND_CLASSES, type RoundReport } from '@waardentafel/protocol'
import { useTranslation } from 'react-i18next'
import { uniqueKeys } from '../../pvw/uniqueKeys.ts'
import type { RoundValue } from './roundValues.ts'

/** How many values are flagged to discuss first (the strongest disagreement). */
const DISCUSS_FIRST = 3

type Props = { report: RoundReport; values: readonly RoundValue[] }

/**
 * Per value the distribution over the three classes as labelled bars with their numbers (never colour
 * alone), the share in the majority class, doubts, and the values to discuss first.
 */
export function RoundResults({ report, values }: Props) {
  const { t } = useTranslation()
  if (!report.results) return <p>{t('facilitation.rounds.resultsHidden')}</p>
  const names = new Map(values.map((v) => [v.id, v.name]))
  const nameOf = (id: string) => names.get(id) ?? t('facilitation.rounds.removedValue')
  const discuss = (report.toDiscuss ?? []).slice(0, DISCUSS_FIRST)
  const results = [...report.results].sort((a, b) => nameOf(a.valueId).localeCompare(nameOf(b.valueId), 'nl'))
  return (
    <div className="wt-round-results" data-testid="round-results">
      {discuss.length > 0 && (
        <section aria-labelledby="wt-discuss-first">
          <h4 id="wt-discuss-first">{t('facilitation.rounds.discussFirst')}</h4>
          <ol className="wt-discuss" data-testid="discuss-first">
            {discuss.map((id) => (
              <li key={id}>{nameOf(id)}</li>
            ))}
          </ol>
        </section>
      )}
      <ul className="wt-dist-list">
        {results.map((r) => (
          <li
            key={r.valueId}
            className="wt-dist"
            data-value-id={r.valueId}
            data-majority={r.majority ?? ''}
            data-testid="round-result"
          >
            <div className="wt-dist-head">
              <strong>{nameOf(r.valueId)}</strong>
              {discuss.includes(r.valueId) && (
                <span className="wt-badge">{t('facilitation.rounds.discuss')}</span>
              )}
            </div>
            {ROUND_CLASSES.map((klasse) => {
              const count = r.counts[klasse]
              const share = r.total > 0 ? count / r.total : 0
              return (
                <div className="wt-dist-row" key={klasse}>
                  <span className="wt-dist-label">{t(`templates.columns.${klasse}`)}</span>
                  <span className="wt-dist-bar" aria-hidden="true">
                    <span data-klasse={klasse} style={{ width: `${Math.round(share * 100)}%` }} />
                  </span>
                  <span className="wt-dist-count" data-klasse={klasse}>
                    {count}
                  </span>
                </div>
              )
            })}
            <p className="wt-dist-meta">
              {r.majority
                ? t('facilitation.rounds.majority', {
                    klasse: t(`templates.columns.${r.majority}`),
                    percent: Math.round(r.consensus * 100),
                  })
                : t('facilitation.rounds.noMajority')}
              {r.twijfel > 0 && ` · ${t('facilitation.rounds.doubts', { count: r.twijfel })}`}
              {' · '}
              {t('facilitation.rounds.votes', { count: r.total })}
            </p>
          </li>
        ))}
      </ul>
    </div>
  )
}

/** Who has taken part and who is done. */
export function RoundProgress({ report }: { report: RoundReport }) {
  const { t } = useTranslation()
  const done = report.progress.filter((p) => p.done).length
  return (
    <section aria-labelledby="wt-round-progress">
      <h4 id="wt-round-progress">
        {t('facilitation.rounds.progress', { done, total: report.progress.length })}
      </h4>
      {report.progress.length === 0 ? (
        <p>{t('facilitation.rounds.nobodyYet')}</p>
      ) : (
        <ul className="wt-progress-list" data-testid="round-progress">
          {uniqueKeys(report.progress, (p) => `${p.name ?? ''}|${p.organisation ?? ''}`).map(
            ({ key, item: p }, i) => (
              <li key={key} data-done={p.done} data-name={p.name ?? ''}>
                {p.name ?? t('facilitation.rounds.anonymous', { n: i + 1 })}
                {p.organisation ? ` (${p.organisation})` : ''}
                {' — '}
                {p.done
                  ? t('facilitation.rounds.done')
                  : t('facilitation.rounds.placed', { placed: p.placed, total: report.valueCount })}
              </li>
            ),
          )}
        </ul>
      )}
    </section>
  )
}

/** In a named round, who chose what: the server sends this to the facilitator only, never in an anonymous round. */
export function RoundBallots({ report, values }: Props) {
  const { t } = useTranslation()
  if (!report.ballots || report.ballots.length === 0) return null
  const names = new Map(values.map((v) => [v.id, v.name]))
  const nameOf = (id: string) => names.get(id) ?? t('facilitation.rounds.removedValue')
  return (
    <details className="wt-round-ballots" data-testid="round-ballots">
      <summary>{t('facilitation.rounds.ballots')}</summary>
      <ul>
        {uniqueKeys(report.ballots, (b) => `${b.name}|${b.organisation}`).map(({ key, item: ballot }) => (
          <li key={key} data-name={ballot.name}>
            <strong>
              {ballot.name}
              {ballot.organisation && ` (${ballot.organisation})`}
            </strong>
            <ul>
              {[...ballot.placements]
                .sort((a, b) => nameOf(a.valueId).localeCompare(nameOf(b.valueId), 'nl'))
                .map((p) => (
                  <li key={p.valueId}>
                    {nameOf(p.valueId)}: {t(`templates.columns.${p.klasse}`)}
                    {p.twijfel && ` · ${t('facilitation.rounds.twijfel')}`}
                  </li>
                ))}
            </ul>
          </li>
        ))}
      </ul>
    </details>
  )
}
