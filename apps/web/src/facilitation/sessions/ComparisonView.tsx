import { type BoardComparison, describeComparison } from '@waardentafel/domain'
import { useTranslation } from 'react-i18next'

type Props = { comparison: BoardComparison; fromName: string; toName: string }

/** A comparison of two moments of the board, in sentences: which values, baathouders and tensions moved. */
export function ComparisonView({ comparison, fromName, toName }: Props) {
  const { t, i18n } = useTranslation()
  const { values, baathouders, tensions, summary } = comparison
  const klasse = (p: string | null) => (p ? t(`templates.columns.${p}`) : t('templates.noClass'))
  const ring = (p: number | null) =>
    p ? `${t('templates.ringShort', { ring: p })} (${t(`templates.rings.${p}`)})` : t('templates.noRing')
  const involvement = (p: string | null) => (p ? t(`templates.involvement.${p}`) : '—')
  const status = (p: string | null) => (p ? t(`templates.status.${p}`) : t('templates.noStatus'))
  const twijfel = (to: boolean | undefined) =>
    to === undefined ? '' : to ? t('facilitation.compare.twijfelOn') : t('facilitation.compare.twijfelOff')
  const tensionCount =
    tensions.added.length + tensions.decided.length + tensions.removed.length + tensions.statusChanged.length

  return (
    <div className="wt-comparison" data-testid="comparison">
      <h4>{t('facilitation.compare.heading', { from: fromName, to: toName })}</h4>
      {/* The domain words the summary in Dutch, the board's working language; English gets the count. */}
      <p data-testid="comparison-summary">
        {i18n.language === 'en'
          ? t('facilitation.compare.changes', { count: summary.changes })
          : describeComparison(summary)}
      </p>
      {values.length > 0 && (
        <>
          <h5>{t('facilitation.compare.values')}</h5>
          <ul data-testid="comparison-values">
            {values.map((v) => (
              <li key={v.id} data-change={v.change}>
                <strong>{v.name}</strong>:{' '}
                {v.change === 'added'
                  ? t('facilitation.compare.valueAdded', { to: klasse(v.to) })
                  : v.change === 'removed'
                    ? t('facilitation.compare.valueRemoved', { from: klasse(v.from) })
                    : v.change === 'moved'
                      ? `${klasse(v.from)} → ${klasse(v.to)}`
                      : klasse(v.to)}
                {v.twijfelTo !== undefined && `; ${twijfel(v.twijfelTo)}`}
              </li>
            ))}
          </ul>
        </>
      )}
      {baathouders.length > 0 && (
        <>
          <h5>{t('facilitation.compare.baathouders')}</h5>
          <ul data-testid="comparison-baathouders">
            {baathouders.map((b) => (
              <li key={b.id} data-change={b.change}>
                <strong>{b.name}</strong>:{' '}
                {b.change === 'added'
                  ? t('facilitation.compare.baathouderAdded', { ring: ring(b.toRing) })
                  : b.change === 'removed'
                    ? t('facilitation.compare.baathouderRemoved', { ring: ring(b.fromRing) })
                    : [
                        b.fromRing !== b.toRing ? `${ring(b.fromRing)} → ${ring(b.toRing)}` : null,
                        b.fromInvolvement !== b.toInvolvement
                          ? `${involvement(b.fromInvolvement)} → ${involvement(b.toInvolvement)}`
                          : null,
                      ]
                        .filter(Boolean)
                        .join('; ')}
              </li>
            ))}
          </ul>
        </>
      )}
      {tensionCount > 0 && (
        <>
          <h5>{t('facilitation.compare.tensions')}</h5>
          <ul data-testid="comparison-tensions">
            {tensions.decided.map((x) => (
              <li key={`d${x.id}`}>
                {t('facilitation.compare.tensionDecided', { name: x.name })}
                {x.decision && `: “${x.decision}”`}
              </li>
            ))}
            {tensions.added.map((x) => (
              <li key={`a${x.id}`}>
                {t('facilitation.compare.tensionAdded', { name: x.name, status: status(x.status) })}
              </li>
            ))}
            {tensions.statusChanged.map((x) => (
              <li key={`s${x.id}`}>
                {t('facilitation.compare.tensionStatus', {
                  name: x.name,
                  from: status(x.from),
                  to: status(x.to),
                })}
              </li>
            ))}
            {tensions.removed.map((x) => (
              <li key={`r${x.id}`}>{t('facilitation.compare.tensionRemoved', { name: x.name })}</li>
            ))}
          </ul>
        </>
      )}
    </div>
  )
}
