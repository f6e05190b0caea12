import { CSV_LIMITS, type CsvProblem } from '@waardentafel/domain'
import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'

type Outcome = { added: number; otherRows: number; problems: CsvProblem[] } | { refused: CsvProblem }

/**
 * A file chooser for a CSV, and what came of it in words (announced politely): how many rows were added, how
 * many belonged elsewhere, and each problem with its line. `onText` does the work and reports the outcome.
 */
export function CsvImport({
  label,
  hint,
  disabled,
  onText,
}: {
  label: string
  hint: string
  disabled: boolean
  onText: (text: string) => Outcome
}) {
  const { t, i18n } = useTranslation()
  const id = useId()
  const [outcome, setOutcome] = useState<Outcome | null>(null)
  const lang = i18n.language === 'en' ? 'en' : 'nl'
  return (
    <div className="wt-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="file"
        accept=".csv,.txt,text/csv,text/plain"
        disabled={disabled}
        aria-describedby={`${id}-hint`}
        onChange={async (e) => {
          const file = e.target.files?.[0]
          e.target.value = ''
          if (!file) return
          // Refused before reading: a file many times the text limit is not read into memory at all.
          if (file.size > CSV_LIMITS.maxChars * 4) {
            setOutcome({
              refused: {
                code: 'CSV-TOO-LARGE',
                line: 0,
                message: { nl: 'Het bestand is te groot.', en: 'The file is too large.' },
              },
            })
            return
          }
          setOutcome(onText(await file.text()))
        }}
      />
      <p className="wt-hint" id={`${id}-hint`}>
        {hint}
      </p>
      <div role="status" aria-live="polite" data-testid="csv-outcome">
        {outcome &&
          ('refused' in outcome ? (
            <p className="wt-hint wt-warn">
              {t('spine.csv.refused', { reason: outcome.refused.message[lang], code: outcome.refused.code })}
            </p>
          ) : (
            <>
              <p className="wt-hint">
                {t('spine.csv.added', { count: outcome.added })}
                {outcome.otherRows > 0 && ` ${t('spine.csv.other', { count: outcome.otherRows })}`}
              </p>
              {outcome.problems.length > 0 && (
                <ul className="wt-hint wt-warn">
                  {outcome.problems.slice(0, 10).map((p) => (
                    <li key={`${p.line}-${p.code}`}>{p.message[lang]}</li>
                  ))}
                  {outcome.problems.length > 10 && (
                    <li>{t('spine.csv.more', { count: outcome.problems.length - 10 })}</li>
                  )}
                </ul>
              )}
            </>
          ))}
      </div>
    </div>
  )
}
