import { useId } from 'react'

/** A horizon in whole years, or empty. Anything that is not a positive whole number is stored as empty. */
export function YearsField({
  label,
  value,
  onChange,
  disabled,
}: {
  label: string
  value: number | null
  onChange: (v: number | null) => void
  disabled: boolean
}) {
  const id = useId()
  return (
    <div className="wt-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        min={1}
        step={1}
        inputMode="numeric"
        value={value ?? ''}
        disabled={disabled}
        onChange={(e) => {
          const n = Number.parseInt(e.target.value, 10)
          onChange(Number.isInteger(n) && n > 0 ? n : null)
        }}
      />
    </div>
  )
}
