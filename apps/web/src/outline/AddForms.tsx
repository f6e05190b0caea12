import type { Schil } from '@waardentafel/domain'
import { type FormEvent, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { TLShapeId } from 'tldraw'
import { useOutline } from './OutlineContext.ts'

/**
 * "Add a card" as one labelled text field and a button. The new card is created on the canvas; focus stays
 * in the field for the next one, and the live region confirms what was added.
 */
export function AddForm({
  label,
  onAdd,
  children,
}: {
  label: string
  onAdd: (text: string) => TLShapeId | null
  children?: React.ReactNode
}) {
  const { t } = useTranslation()
  const { announce } = useOutline()
  const [text, setText] = useState('')
  const id = useId()
  const submit = (e: FormEvent) => {
    e.preventDefault()
    const value = text.trim()
    if (!value) return
    if (onAdd(value)) {
      setText('')
      announce(t('outline.done.added', { name: value }))
    }
  }
  return (
    <form className="wt-outline-add" onSubmit={submit}>
      <label htmlFor={id}>{label}</label>
      <div className="wt-list-row">
        <input id={id} value={text} onChange={(e) => setText(e.target.value)} />
        <button type="submit" className="wt-small" disabled={!text.trim()}>
          {t('outline.add.submit')}
        </button>
      </div>
      {children}
    </form>
  )
}

/** The ring a new baathouder goes to, as a select beside the name field. */
export function RingSelect({ ring, onChange }: { ring: Schil; onChange: (ring: Schil) => void }) {
  const { t } = useTranslation()
  const id = useId()
  return (
    <span className="wt-outline-move">
      <label htmlFor={id}>{t('outline.add.ring')}</label>
      <select id={id} value={ring} onChange={(e) => onChange(Number(e.target.value) as Schil)}>
        {([1, 2, 3, 4] as const).map((r) => (
          <option key={r} value={r}>
            {t('templates.ringShort', { ring: r })}
          </option>
        ))}
      </select>
    </span>
  )
}
