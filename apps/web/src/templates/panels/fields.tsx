import { useId } from 'react'
import { useTranslation } from 'react-i18next'

// Form controls of the inspector. Each writes straight to the shape, so everyone sees edits as they are typed;
// all have a visible label, and all are plain HTML so they work with keyboard, touch and screen readers.

type Common = { label: string; disabled?: boolean }

export function TextField({
  label,
  value,
  onChange,
  multiline = false,
  disabled,
  hint,
}: Common & { value: string; onChange: (v: string) => void; multiline?: boolean; hint?: string }) {
  const id = useId()
  return (
    <div className="wt-field">
      <label htmlFor={id}>{label}</label>
      {multiline ? (
        <textarea
          id={id}
          value={value}
          rows={3}
          disabled={disabled}
          onChange={(e) => onChange(e.target.value)}
        />
      ) : (
        <input id={id} value={value} disabled={disabled} onChange={(e) => onChange(e.target.value)} />
      )}
      {hint && <p className="wt-hint">{hint}</p>}
    </div>
  )
}

export function CheckField({
  label,
  checked,
  onChange,
  disabled,
}: Common & { checked: boolean; onChange: (v: boolean) => void }) {
  return (
    <label className="wt-check">
      <input
        type="checkbox"
        checked={checked}
        disabled={disabled}
        onChange={(e) => onChange(e.target.checked)}
      />
      <span>{label}</span>
    </label>
  )
}

export function SelectField<V extends string>({
  label,
  value,
  options,
  onChange,
  disabled,
  emptyLabel,
}: Common & {
  value: V | null
  options: readonly { value: V; label: string }[]
  onChange: (v: V | null) => void
  /** When given, the field may be left empty (null). */
  emptyLabel?: string
}) {
  const id = useId()
  return (
    <div className="wt-field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value ?? ''}
        disabled={disabled}
        onChange={(e) => onChange(e.target.value === '' ? null : (e.target.value as V))}
      >
        {emptyLabel !== undefined && <option value="">{emptyLabel}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  )
}

/** A list of short texts (ambitions, indicators, criteria, ...): one input per item, add and remove. */
export function ListField({
  label,
  items,
  onChange,
  disabled,
  hint,
}: Common & { items: readonly string[]; onChange: (items: string[]) => void; hint?: string }) {
  const { t } = useTranslation()
  return (
    <fieldset className="wt-field wt-list">
      <legend>{label}</legend>
      {items.map((item, i) => (
        // Items have no identity of their own; position is what the user sees and edits.
        // biome-ignore lint/suspicious/noArrayIndexKey: see above
        <div className="wt-list-row" key={i}>
          <input
            aria-label={`${label} ${i + 1}`}
            value={item}
            disabled={disabled}
            onChange={(e) => onChange(items.map((x, j) => (j === i ? e.target.value : x)))}
          />
          <button
            type="button"
            className="wt-small wt-secondary"
            disabled={disabled}
            aria-label={t('templates.inspector.remove', { item: item || `${label} ${i + 1}` })}
            onClick={() => onChange(items.filter((_, j) => j !== i))}
          >
            ×
          </button>
        </div>
      ))}
      {hint && <p className="wt-hint">{hint}</p>}
      {!disabled && (
        <button type="button" className="wt-small" onClick={() => onChange([...items, ''])}>
          + {t('templates.inspector.add')}
        </button>
      )}
    </fieldset>
  )
}

/** Buttons for "Verplaats naar …": the keyboard and touch alternative to dragging. */
export function MoveButtons<V extends string | number>({
  label,
  options,
  current,
  onMove,
  disabled,
}: Common & { options: readonly { value: V; label: string }[]; current: V | null; onMove: (v: V) => void }) {
  const { t } = useTranslation()
  return (
    <fieldset className="wt-field wt-move">
      <legend>{label}</legend>
      <div className="wt-move-buttons">
        {options.map((o, i) => (
          <button
            key={o.value}
            type="button"
            className="wt-small"
            aria-pressed={current === o.value}
            disabled={disabled}
            onClick={() => onMove(o.value)}
            title={t('templates.inspector.shortcut', { key: i + 1 })}
          >
            {o.label}
          </button>
        ))}
      </div>
      <p className="wt-hint">{t('templates.inspector.shortcutHint', { count: options.length })}</p>
    </fieldset>
  )
}
