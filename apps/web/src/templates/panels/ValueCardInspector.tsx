import {
  BELEID_STATUSES,
  type BeleidStatus,
  INDICATOR_SUGGESTIONS,
  PRIORITERING_COLUMNS,
  type StandardValueKey,
} from '@waardentafel/domain'
import { useTranslation } from 'react-i18next'
import { type Editor, useValue } from 'tldraw'
import { moveValueCardTo } from '../actions/moveCard.ts'
import { columnOfCard } from '../derive/livePlacement.ts'
import { valueCardsLocked } from '../lock/valueCardLock.ts'
import type { ValueCardShape } from '../schema/shapeTypes.ts'
import { CheckField, ListField, MoveButtons, SelectField, TextField } from './fields.tsx'
import { updateProps } from './updateProps.ts'

const SCORES = ['0', '1', '2', '3', '4', '5'] as const

export function ValueCardInspector({
  editor,
  shape,
  readOnly,
}: {
  editor: Editor
  shape: ValueCardShape
  readOnly: boolean
}) {
  const { t } = useTranslation()
  const p = shape.props
  const set = (props: Partial<ValueCardShape['props']>) => updateProps(editor, shape, props)
  const column = useValue('wt inspector class', () => columnOfCard(editor, shape.id)?.column ?? null, [
    editor,
    shape.id,
  ])
  // Locked by the facilitator: class, place and name are fixed; the annotations stay open.
  const locked = useValue('wt value cards locked', () => valueCardsLocked(editor), [editor])
  const suggestions = p.valueKey === 'custom' ? [] : INDICATOR_SUGGESTIONS[p.valueKey as StandardValueKey]
  const score = (v: number | null) => (v === null ? null : (String(v) as (typeof SCORES)[number]))
  const scoreOptions = SCORES.map((s) => ({ value: s, label: s }))
  return (
    <>
      {locked && !readOnly && (
        <p className="wt-hint" data-testid="value-cards-locked">
          {t('templates.inspector.valueCardsLocked')}
        </p>
      )}
      <MoveButtons
        label={t('templates.inspector.moveTo')}
        options={PRIORITERING_COLUMNS.map((c) => ({ value: c, label: t(`templates.columns.${c}`) }))}
        current={column}
        disabled={readOnly || locked}
        onMove={(c) => moveValueCardTo(editor, shape.id, c)}
      />
      <TextField
        label={t('templates.value.name')}
        value={p.name}
        disabled={readOnly || locked}
        onChange={(name) => set({ name })}
      />
      <TextField
        label={t('templates.value.explanation')}
        value={p.explanation}
        multiline
        disabled={readOnly}
        onChange={(explanation) => set({ explanation })}
      />
      <TextField
        label={t('templates.value.fysiek')}
        value={p.fysiek}
        multiline
        disabled={readOnly}
        onChange={(fysiek) => set({ fysiek })}
      />
      <TextField
        label={t('templates.value.sociaal')}
        value={p.sociaal}
        multiline
        disabled={readOnly}
        onChange={(sociaal) => set({ sociaal })}
      />
      <CheckField
        label={t('templates.value.twijfel')}
        checked={p.twijfel}
        disabled={readOnly}
        onChange={(twijfel) => set({ twijfel })}
      />
      <div className="wt-field-row">
        <SelectField
          label={t('templates.value.scoreCurrent')}
          value={score(p.scoreCurrent)}
          options={scoreOptions}
          emptyLabel="—"
          disabled={readOnly}
          onChange={(v) => set({ scoreCurrent: v === null ? null : Number(v) })}
        />
        <SelectField
          label={t('templates.value.scorePotential')}
          value={score(p.scorePotential)}
          options={scoreOptions}
          emptyLabel="—"
          disabled={readOnly}
          onChange={(v) => set({ scorePotential: v === null ? null : Number(v) })}
        />
      </div>
      <ListField
        label={t('templates.value.ambitions')}
        items={p.ambitions}
        disabled={readOnly}
        hint={
          p.ambitions.length > 2 ? t('templates.value.ambitionsTooMany') : t('templates.value.ambitionsHint')
        }
        onChange={(ambitions) => set({ ambitions })}
      />
      <ListField
        label={t('templates.value.indicators')}
        items={p.indicators}
        disabled={readOnly}
        onChange={(indicators) => set({ indicators })}
      />
      {!readOnly && suggestions.length > 0 && (
        <details className="wt-suggestions">
          <summary>{t('templates.value.suggestions')}</summary>
          <ul>
            {suggestions.map((s) => (
              <li key={s.text}>
                <button
                  type="button"
                  className="wt-small wt-secondary"
                  disabled={p.indicators.includes(s.text)}
                  onClick={() => set({ indicators: [...p.indicators, s.text] })}
                >
                  + {s.text}
                </button>
                <span className="wt-hint">{s.source}</span>
              </li>
            ))}
          </ul>
          <p className="wt-hint">{t('templates.value.suggestionsNote')}</p>
        </details>
      )}
      <SelectField<BeleidStatus>
        label={t('templates.value.beleid')}
        value={p.beleid}
        options={BELEID_STATUSES.map((b) => ({ value: b, label: t(`templates.beleid.${b}`) }))}
        disabled={readOnly}
        onChange={(beleid) => beleid && set({ beleid })}
      />
    </>
  )
}
