import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { type Editor, type TLShapeId, useValue } from 'tldraw'
import { addCustomValue, addTension } from '../actions/createCards.ts'
import { BaathouderLibrary } from './BaathouderLibrary.tsx'

/** What every participant may add: an extra value, a tension between selected values, a baathouder. */
export function CardActions({ editor }: { editor: Editor }) {
  const { t } = useTranslation()
  const [name, setName] = useState('')
  const inputId = useId()
  const selectedValues = useValue(
    'wt selected values',
    () =>
      editor
        .getSelectedShapes()
        .filter((s) => s.type === 'wt-value-card')
        .map((s) => s.id),
    [editor],
  )
  const addValue = () => {
    if (!name.trim()) return
    addCustomValue(editor, name.trim())
    setName('')
  }
  return (
    <section className="wt-card-actions" aria-labelledby="wt-card-actions-title">
      <h3 id="wt-card-actions-title">{t('templates.actions.title')}</h3>
      <form
        className="wt-inline-form"
        onSubmit={(e) => {
          e.preventDefault()
          addValue()
        }}
      >
        <label htmlFor={inputId}>{t('templates.actions.customValue')}</label>
        <div className="wt-list-row">
          <input
            id={inputId}
            value={name}
            placeholder={t('templates.actions.customValuePlaceholder')}
            onChange={(e) => setName(e.target.value)}
          />
          <button type="submit" className="wt-small" disabled={!name.trim()}>
            + {t('templates.inspector.add')}
          </button>
        </div>
      </form>
      <button
        type="button"
        className="wt-small"
        onClick={() => addTension(editor, selectedValues as TLShapeId[])}
      >
        + {t('templates.actions.tension')}
        {selectedValues.length > 0 &&
          ` (${t('templates.actions.linking', { count: selectedValues.length })})`}
      </button>
      <p className="wt-hint">{t('templates.actions.tensionHint')}</p>
      <BaathouderLibrary editor={editor} />
    </section>
  )
}
