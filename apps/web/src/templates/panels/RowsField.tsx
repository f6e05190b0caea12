import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

type Props<T> = {
  legend: string
  rows: readonly T[]
  onChange: (rows: T[]) => void
  /** The row the add button appends. */
  newRow: () => T
  addLabel: string
  disabled?: boolean
  /** One row's fields; `update` merges a change into that row. */
  renderRow: (row: T, update: (change: Partial<T>) => void) => ReactNode
}

/** An editable list of small records (contributions, groups, indicators): each row its fields, remove, add. */
export function RowsField<T extends object>({
  legend,
  rows,
  onChange,
  newRow,
  addLabel,
  disabled,
  renderRow,
}: Props<T>) {
  const { t } = useTranslation()
  return (
    <fieldset className="wt-field">
      <legend>{legend}</legend>
      {rows.map((row, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows have no id; their position is their identity
        <div className="wt-subcard" key={i}>
          {renderRow(row, (change) => onChange(rows.map((x, j) => (j === i ? { ...x, ...change } : x))))}
          {!disabled && (
            <button
              type="button"
              className="wt-small wt-secondary"
              onClick={() => onChange(rows.filter((_, j) => j !== i))}
            >
              {t('templates.inspector.removeItem')}
            </button>
          )}
        </div>
      ))}
      {!disabled && (
        <button type="button" className="wt-small" onClick={() => onChange([...rows, newRow()])}>
          + {addLabel}
        </button>
      )}
    </fieldset>
  )
}
