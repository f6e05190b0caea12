import {
  EVIDENCE_SOURCE_LABELS,
  EVIDENCE_SOURCES,
  type EvidenceSource,
  parseDate,
} from '@waardentafel/domain'
import { useEffect, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { type Editor, type TLShapeId, useValue } from 'tldraw'
import { SelectField } from '../panels/fields.tsx'
import { baathouderName } from '../shapes/BaathouderCardShapeUtil.tsx'
import { parseTypedNumber } from './typedNumber.ts'

// Inputs the spine's inspectors need beyond panels/fields.tsx: numbers and partial dates typed as people write
// them (12,5 · 1.234,5 · 03-2025), kept as typed until they parse, so a half-typed value is never written and
// never lost; the source list; and the board's baathouder cards to choose from.

type ParseResult = { ok: true; value: string | number | null } | { ok: false }

function Parsed({
  label,
  shown,
  current,
  parse,
  onChange,
  disabled,
  error,
}: {
  label: string
  shown: string
  /** The stored value: a draft that already means it stays as typed ("12,50" is not reset to "12,5"). */
  current: string | number | null
  parse: (raw: string) => ParseResult
  onChange: (v: never) => void
  disabled: boolean
  error: string
}) {
  const id = useId()
  const [draft, setDraft] = useState(shown)
  // Someone else's edit replaces the draft, unless the draft already means that value.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a change of the stored value resets the draft
  useEffect(() => {
    setDraft((d) => {
      const r = parse(d)
      return r.ok && r.value === current ? d : shown
    })
  }, [current])
  const result = parse(draft)
  return (
    <div className="wt-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        value={draft}
        inputMode="decimal"
        disabled={disabled}
        aria-invalid={!result.ok}
        aria-describedby={result.ok ? undefined : `${id}-error`}
        onChange={(e) => {
          setDraft(e.target.value)
          const next = parse(e.target.value)
          if (next.ok) onChange(next.value as never)
        }}
      />
      {!result.ok && (
        <p className="wt-hint wt-warn" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  )
}

/** A number or nothing (empty field = null). */
export function NumberField({
  label,
  value,
  onChange,
  disabled,
  integer = false,
}: {
  label: string
  value: number | null
  onChange: (v: number | null) => void
  disabled: boolean
  integer?: boolean
}) {
  const { t, i18n } = useTranslation()
  const shown =
    value === null
      ? ''
      : value.toLocaleString(i18n.language === 'en' ? 'en-GB' : 'nl-NL', {
          useGrouping: false,
          maximumFractionDigits: 20,
        })
  return (
    <Parsed
      label={label}
      shown={shown}
      current={value}
      disabled={disabled}
      error={t('spine.fields.invalidNumber')}
      onChange={onChange}
      parse={(raw) => {
        if (raw.trim() === '') return { ok: true, value: null }
        const n = parseTypedNumber(raw, i18n.language)
        return n === null || !Number.isFinite(n) || (integer && !Number.isInteger(n))
          ? { ok: false }
          : { ok: true, value: n }
      }}
    />
  )
}

/** A partial date ('' = unknown), also accepting Dutch dd-mm-jjjj. */
export function DateField({
  label,
  value,
  onChange,
  disabled,
}: {
  label: string
  value: string
  onChange: (v: string) => void
  disabled: boolean
}) {
  const { t } = useTranslation()
  return (
    <Parsed
      label={label}
      shown={value}
      current={value}
      disabled={disabled}
      error={t('spine.fields.invalidDate')}
      onChange={onChange}
      parse={(raw) => {
        if (raw.trim() === '') return { ok: true, value: '' }
        const d = parseDate(raw)
        return d === null ? { ok: false } : { ok: true, value: d }
      }}
    />
  )
}

const SOURCE_OPTIONS = EVIDENCE_SOURCES.map((s) => ({ value: s, label: EVIDENCE_SOURCE_LABELS[s] }))

export function SourceField({
  label,
  value,
  onChange,
  disabled,
  optional = false,
}: {
  label: string
  value: EvidenceSource | null
  onChange: (v: EvidenceSource | null) => void
  disabled: boolean
  optional?: boolean
}) {
  const { t } = useTranslation()
  return (
    <SelectField
      label={label}
      value={value}
      options={SOURCE_OPTIONS}
      disabled={disabled}
      emptyLabel={optional ? t('spine.fields.empty') : undefined}
      onChange={(v) => onChange(v ?? (optional ? null : 'anders'))}
    />
  )
}

/** The board's baathouder cards, by name. */
export function useBaathouders(editor: Editor): { id: TLShapeId; name: string }[] {
  return useValue(
    'wt spine baathouders',
    () =>
      editor
        .getCurrentPageShapes()
        .flatMap((s) =>
          s.type === 'wt-baathouder-card' ? [{ id: s.id, name: baathouderName(s.props) }] : [],
        )
        .sort((a, b) => a.name.localeCompare(b.name, 'nl')),
    [editor],
  )
}

/** Tick the baathouders something benefits (a koppelkans's `baathouderIds`). */
export function BaathouderChoices({
  editor,
  label,
  chosen,
  onChange,
  disabled,
}: {
  editor: Editor
  label: string
  chosen: readonly string[]
  onChange: (ids: string[]) => void
  disabled: boolean
}) {
  const { t } = useTranslation()
  const all = useBaathouders(editor)
  return (
    <fieldset className="wt-field wt-choices">
      <legend>{label}</legend>
      {all.length === 0 && <p className="wt-hint">{t('spine.fields.noBaathouders')}</p>}
      {all.map((b) => (
        <label key={b.id} className="wt-check">
          <input
            type="checkbox"
            checked={chosen.includes(b.id)}
            disabled={disabled}
            onChange={(e) =>
              onChange(e.target.checked ? [...chosen, b.id] : chosen.filter((id) => id !== b.id))
            }
          />
          <span>{b.name}</span>
        </label>
      ))}
    </fieldset>
  )
}

/** ValueChoices' onToggle as a new list of ids. */
export const toggled = (ids: readonly string[], id: string, on: boolean): string[] =>
  on ? (ids.includes(id) ? [...ids] : [...ids, id]) : ids.filter((x) => x !== id)
