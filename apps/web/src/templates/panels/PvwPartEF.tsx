import {
  type PvwFrameEProps,
  type PvwFrameFProps,
  SCENARIOS,
  STURINGSINSTRUMENT_KEYS,
  STURINGSINSTRUMENTEN,
} from '@waardentafel/domain'
import { useTranslation } from 'react-i18next'
import type { Editor } from 'tldraw'
import { ListField, SelectField, TextField } from './fields.tsx'
import type { PartProps } from './PvwInspector.tsx'
import { RowsField } from './RowsField.tsx'
import { ValueChoices } from './ValueChoices.tsx'
import { YearsField } from './YearsField.tsx'

type Choice = PvwFrameEProps['instruments'][number]

/** Library instruments keep the parcours order (omgevingsvisie → vergunning → beheer); own ones follow. */
function inParcoursOrder(choices: Choice[]): Choice[] {
  const rank = (c: Choice) => {
    const i = STURINGSINSTRUMENT_KEYS.indexOf(c.instrument)
    return i === -1 ? STURINGSINSTRUMENT_KEYS.length : i
  }
  return [...choices].sort((a, b) => rank(a) - rank(b))
}

export function PartE({ p, set, readOnly }: PartProps<PvwFrameEProps> & { editor: Editor }) {
  const { t } = useTranslation()
  const f = (k: string) => t(`templates.pvw.fields.${k}`)
  const chosen = (key: string) => p.instruments.find((c) => c.instrument === key)
  const toggle = (key: string, on: boolean) => {
    const scenario = STURINGSINSTRUMENTEN.find((s) => s.key === key)?.scenario ?? 'minimaal'
    set({
      instruments: on
        ? inParcoursOrder([...p.instruments, { instrument: key, scenario, intent: '' }])
        : p.instruments.filter((c) => c.instrument !== key),
    })
  }
  const update = (key: string, change: Partial<Choice>) =>
    set({ instruments: p.instruments.map((c) => (c.instrument === key ? { ...c, ...change } : c)) })
  return (
    <>
      <TextField
        label={f('samenwerken')}
        value={p.samenwerken}
        multiline
        disabled={readOnly}
        onChange={(samenwerken) => set({ samenwerken })}
      />
      <TextField
        label={f('besluitToets')}
        value={p.besluitToets}
        multiline
        disabled={readOnly}
        onChange={(besluitToets) => set({ besluitToets })}
      />
      <fieldset className="wt-field wt-instruments">
        <legend>{f('instruments')}</legend>
        <p className="wt-hint">{t('templates.pvw.instrumentsHint')}</p>
        {STURINGSINSTRUMENTEN.map((s) => {
          const choice = chosen(s.key)
          return (
            <div key={s.key} className={choice ? 'wt-subcard' : undefined}>
              <label className="wt-check">
                <input
                  type="checkbox"
                  checked={!!choice}
                  disabled={readOnly}
                  onChange={(e) => toggle(s.key, e.target.checked)}
                />
                <span>
                  {s.label} <span className="wt-hint">({s.moment})</span>
                </span>
              </label>
              {choice && (
                <>
                  <SelectField
                    label={t('templates.pvw.scenario')}
                    value={choice.scenario}
                    options={SCENARIOS.map((v) => ({ value: v, label: t(`templates.scenarios.${v}`) }))}
                    disabled={readOnly}
                    onChange={(scenario) => scenario && update(s.key, { scenario })}
                  />
                  <TextField
                    label={t('templates.pvw.intent')}
                    value={choice.intent}
                    disabled={readOnly}
                    onChange={(intent) => update(s.key, { intent })}
                  />
                </>
              )}
            </div>
          )
        })}
      </fieldset>
      <TextField
        label={f('rekenenBaten')}
        value={p.rekenenBaten}
        multiline
        disabled={readOnly}
        onChange={(rekenenBaten) => set({ rekenenBaten })}
      />
      <TextField
        label={f('rekenenCofinanciering')}
        value={p.rekenenCofinanciering}
        multiline
        disabled={readOnly}
        onChange={(rekenenCofinanciering) => set({ rekenenCofinanciering })}
      />
      <YearsField
        label={f('rekenenHorizonJaren')}
        value={p.rekenenHorizonJaren}
        disabled={readOnly}
        onChange={(rekenenHorizonJaren) => set({ rekenenHorizonJaren })}
      />
      <TextField
        label={f('rekenenToelichting')}
        value={p.rekenenToelichting}
        multiline
        disabled={readOnly}
        onChange={(rekenenToelichting) => set({ rekenenToelichting })}
      />
    </>
  )
}

export function PartF({ p, set, readOnly, editor }: PartProps<PvwFrameFProps> & { editor: Editor }) {
  const { t } = useTranslation()
  const f = (k: string) => t(`templates.pvw.fields.${k}`)
  return (
    <>
      <ListField
        label={f('knockOutCriteria')}
        items={p.knockOutCriteria}
        disabled={readOnly}
        onChange={(knockOutCriteria) => set({ knockOutCriteria })}
      />
      <ListField
        label={f('gunningscriteria')}
        items={p.gunningscriteria}
        disabled={readOnly}
        onChange={(gunningscriteria) => set({ gunningscriteria })}
      />
      <TextField
        label={f('doorwerking')}
        value={p.doorwerking}
        multiline
        disabled={readOnly}
        onChange={(doorwerking) => set({ doorwerking })}
      />
      <RowsField
        legend={f('kernindicatoren')}
        rows={p.kernindicatoren}
        onChange={(kernindicatoren) => set({ kernindicatoren })}
        newRow={() => ({ name: '', frequency: '', reportTo: '', valueIds: [] })}
        addLabel={t('templates.inspector.add')}
        disabled={readOnly}
        renderRow={(row, update) => (
          <>
            <TextField
              label={t('templates.pvw.indicatorName')}
              value={row.name}
              disabled={readOnly}
              onChange={(name) => update({ name })}
            />
            <TextField
              label={t('templates.pvw.frequency')}
              value={row.frequency}
              disabled={readOnly}
              onChange={(frequency) => update({ frequency })}
            />
            <TextField
              label={t('templates.pvw.reportTo')}
              value={row.reportTo}
              disabled={readOnly}
              onChange={(reportTo) => update({ reportTo })}
            />
            <ValueChoices
              editor={editor}
              label={t('templates.pvw.monitors')}
              chosen={row.valueIds}
              disabled={readOnly}
              onToggle={(id, on) =>
                update({ valueIds: on ? [...row.valueIds, id] : row.valueIds.filter((v) => v !== id) })
              }
            />
          </>
        )}
      />
      <ListField
        label={f('extraSignatories')}
        items={p.extraSignatories}
        disabled={readOnly}
        onChange={(extraSignatories) => set({ extraSignatories })}
      />
      <TextField
        label={f('rentmeesterschap')}
        value={p.rentmeesterschap}
        multiline
        disabled={readOnly}
        onChange={(rentmeesterschap) => set({ rentmeesterschap })}
      />
      <TextField
        label={f('borging')}
        value={p.borging}
        multiline
        disabled={readOnly}
        onChange={(borging) => set({ borging })}
      />
    </>
  )
}
