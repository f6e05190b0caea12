import { BAATHOUDER_LIBRARY, type Schil, STANDARD_VALUE_KEYS, valueLabel } from '@waardentafel/domain'
import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Editor } from 'tldraw'
import { addBaathouder } from '../actions/createCards.ts'

/** Searchable starter library of baathouder types (Baathoudersraamwerk): filter by text, schil and value. */
export function BaathouderLibrary({ editor }: { editor: Editor }) {
  const { t } = useTranslation()
  const [query, setQuery] = useState('')
  const [ring, setRing] = useState<Schil | 0>(0)
  const [value, setValue] = useState('')
  const ids = { q: useId(), ring: useId(), value: useId() }
  const q = query.trim().toLowerCase()
  const matches = BAATHOUDER_LIBRARY.filter(
    (b) =>
      (!q || b.label.toLowerCase().includes(q) || b.key.includes(q)) &&
      (ring === 0 || b.ring === ring) &&
      (!value || (b.suggestedValues as readonly string[]).includes(value)),
  )
  return (
    <details className="wt-library">
      <summary>{t('templates.library.title')}</summary>
      <div className="wt-field">
        <label htmlFor={ids.q}>{t('templates.library.search')}</label>
        <input id={ids.q} type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
      </div>
      <div className="wt-field-row">
        <div className="wt-field">
          <label htmlFor={ids.ring}>{t('templates.library.ring')}</label>
          <select id={ids.ring} value={ring} onChange={(e) => setRing(Number(e.target.value) as Schil | 0)}>
            <option value={0}>{t('templates.library.allRings')}</option>
            {[1, 2, 3, 4].map((r) => (
              <option key={r} value={r}>
                {r} · {t(`templates.rings.${r}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="wt-field">
          <label htmlFor={ids.value}>{t('templates.library.value')}</label>
          <select id={ids.value} value={value} onChange={(e) => setValue(e.target.value)}>
            <option value="">{t('templates.library.allValues')}</option>
            {STANDARD_VALUE_KEYS.map((k) => (
              <option key={k} value={k}>
                {valueLabel(k)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <ul className="wt-library-list" aria-live="polite">
        {matches.map((b) => (
          <li key={b.key}>
            <span>
              {b.label} <span className="wt-hint">({t('templates.ringShort', { ring: b.ring })})</span>
            </span>
            <button
              type="button"
              className="wt-small"
              aria-label={t('templates.library.addNamed', { label: b.label })}
              onClick={() => addBaathouder(editor, b)}
            >
              + {t('templates.inspector.add')}
            </button>
          </li>
        ))}
        {matches.length === 0 && <li className="wt-hint">{t('templates.library.none')}</li>}
      </ul>
    </details>
  )
}
