import { useTranslation } from 'react-i18next'
import { type Editor, type TLShapeId, useValue } from 'tldraw'
import { liveTemplates } from '../derive/livePlacement.ts'
import { valueCardName } from '../shapes/ValueCardShapeUtil.tsx'

/** Tick the board's value cards that something relates to (a baathouder's values, a tension's poles). */
export function ValueChoices({
  editor,
  label,
  chosen,
  onToggle,
  disabled,
}: {
  editor: Editor
  label: string
  chosen: readonly string[]
  onToggle: (id: TLShapeId, on: boolean) => void
  disabled: boolean
}) {
  const { t } = useTranslation()
  const values = useValue(
    'wt board values',
    () =>
      liveTemplates(editor)
        .valueCards.get()
        .flatMap((s) => (s.type === 'wt-value-card' ? [{ id: s.id, name: valueCardName(s.props) }] : []))
        .sort((a, b) => a.name.localeCompare(b.name, 'nl')),
    [editor],
  )
  return (
    <fieldset className="wt-field wt-choices">
      <legend>{label}</legend>
      {values.length === 0 && <p className="wt-hint">{t('templates.inspector.noValues')}</p>}
      {values.map((v) => (
        <label key={v.id} className="wt-check">
          <input
            type="checkbox"
            checked={chosen.includes(v.id)}
            disabled={disabled}
            onChange={(e) => onToggle(v.id, e.target.checked)}
          />
          <span>{v.name}</span>
        </label>
      ))}
    </fieldset>
  )
}
