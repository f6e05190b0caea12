import {
  AREA_PHASE_LABELS,
  AREA_PHASES,
  BIJDRAGE_OMVANG,
  BIJDRAGE_VORMEN,
  FINANCIERING_KINDS,
  FINANCIERING_ROUTES,
  INDICATOR_DIRECTIONS,
  LEVENSCYCLUS,
  type Measurement,
} from '@waardentafel/domain'
import { useTranslation } from 'react-i18next'
import type { Editor } from 'tldraw'
import { CheckField, SelectField, TextField } from '../panels/fields.tsx'
import { ValueChoices } from '../panels/ValueChoices.tsx'
import { CsvImport } from './CsvImport.tsx'
import { measurementsFromCsv } from './rowsFromCsv.ts'
import {
  BaathouderChoices,
  DateField,
  NumberField,
  SourceField,
  toggled,
  useBaathouders,
} from './spineInputs.tsx'
import {
  type FinancieringCardShape,
  type KernindicatorCardShape,
  type KoppelkansCardShape,
  setSpineProps,
} from './spineShapeTypes.ts'

type Props<S> = { editor: Editor; shape: S; readOnly: boolean }

/** Options of a select from a list of keys and the message group that names them. */
function useOptions<V extends string>(keys: readonly V[], group: string) {
  const { t } = useTranslation()
  return keys.map((value) => ({ value, label: t(`spine.${group}.${value}` as never) as string }))
}

export function KoppelkansInspector({ editor, shape, readOnly }: Props<KoppelkansCardShape>) {
  const { t } = useTranslation()
  const p = shape.props
  const set = (props: Partial<KoppelkansCardShape['props']>) => setSpineProps(editor, shape, props)
  return (
    <>
      <TextField
        label={t('spine.fields.name')}
        value={p.name}
        disabled={readOnly}
        onChange={(name) => set({ name })}
      />
      <TextField
        label={t('spine.fields.description')}
        value={p.description}
        multiline
        disabled={readOnly}
        onChange={(description) => set({ description })}
      />
      <ValueChoices
        editor={editor}
        label={t('spine.fields.values')}
        chosen={p.valueIds}
        disabled={readOnly}
        onToggle={(id, on) => set({ valueIds: toggled(p.valueIds, id, on) })}
      />
      {p.valueIds.length < 2 && <p className="wt-hint wt-warn">{t('spine.fields.needsTwo')}</p>}
      <BaathouderChoices
        editor={editor}
        label={t('spine.fields.baathouders')}
        chosen={p.baathouderIds}
        disabled={readOnly}
        onChange={(baathouderIds) => set({ baathouderIds })}
      />
      <TextField
        label={t('spine.fields.beleidsdoel')}
        value={p.beleidsdoel}
        disabled={readOnly}
        onChange={(beleidsdoel) => set({ beleidsdoel })}
      />
    </>
  )
}

export function FinancieringInspector({ editor, shape, readOnly }: Props<FinancieringCardShape>) {
  const { t, i18n } = useTranslation()
  const p = shape.props
  const set = (props: Partial<FinancieringCardShape['props']>) => setSpineProps(editor, shape, props)
  const baathouders = useBaathouders(editor)
  const empty = t('spine.fields.empty')
  const kinds = useOptions(FINANCIERING_KINDS, 'kinds')
  const routes = useOptions(FINANCIERING_ROUTES, 'routes')
  const lifecycle = useOptions(LEVENSCYCLUS, 'lifecycle')
  const forms = useOptions(BIJDRAGE_VORMEN, 'forms')
  const sizes = useOptions(BIJDRAGE_OMVANG, 'sizes')
  const phases = AREA_PHASES.map((value) => ({
    value,
    label: AREA_PHASE_LABELS[value][i18n.language === 'en' ? 'en' : 'nl'],
  }))
  const description = (
    <TextField
      label={t('spine.fields.description')}
      value={p.description}
      multiline
      disabled={readOnly}
      onChange={(d) => set({ description: d })}
    />
  )
  return (
    <>
      <SelectField
        label={t('spine.fields.kind')}
        value={p.kind}
        options={kinds}
        disabled={readOnly}
        onChange={(kind) => kind && set({ kind })}
      />
      {p.kind === 'wringt' ? (
        description
      ) : (
        <>
          <SelectField
            label={t('spine.fields.route')}
            value={p.route}
            options={routes}
            emptyLabel={empty}
            disabled={readOnly}
            onChange={(route) => set({ route })}
          />
          <NumberField
            label={t('spine.fields.amount')}
            value={p.amount}
            disabled={readOnly}
            onChange={(amount) => set({ amount: amount === null ? null : Math.max(0, amount) })}
          />
          <SelectField
            label={t('spine.fields.lifecycle')}
            value={p.lifecycle}
            options={lifecycle}
            emptyLabel={empty}
            disabled={readOnly}
            onChange={(v) => set({ lifecycle: v })}
          />
          <SelectField
            label={t('spine.fields.form')}
            value={p.form}
            options={forms}
            emptyLabel={empty}
            disabled={readOnly}
            onChange={(form) => set({ form })}
          />
          <SelectField
            label={t('spine.fields.phase')}
            value={p.phase}
            options={phases}
            emptyLabel={empty}
            disabled={readOnly}
            onChange={(phase) => set({ phase })}
          />
          <SelectField
            label={t('spine.fields.baathouder')}
            value={p.baathouderId}
            options={baathouders.map((b) => ({ value: b.id as string, label: b.name }))}
            emptyLabel={empty}
            disabled={readOnly}
            onChange={(baathouderId) => set({ baathouderId })}
          />
          <ValueChoices
            editor={editor}
            label={t('spine.fields.values')}
            chosen={p.valueIds}
            disabled={readOnly}
            onToggle={(id, on) => set({ valueIds: toggled(p.valueIds, id, on) })}
          />
          <CheckField
            label={t('spine.fields.gebiedsfonds')}
            checked={p.gebiedsfonds}
            disabled={readOnly}
            onChange={(gebiedsfonds) => set({ gebiedsfonds })}
          />
          <SelectField
            label={t('spine.fields.size')}
            value={p.size}
            options={sizes}
            emptyLabel={empty}
            disabled={readOnly}
            onChange={(size) => set({ size })}
          />
          {description}
          <TextField
            label={t('spine.fields.conditions')}
            value={p.conditions}
            multiline
            disabled={readOnly}
            onChange={(conditions) => set({ conditions })}
          />
        </>
      )}
    </>
  )
}

export function KernindicatorInspector({ editor, shape, readOnly }: Props<KernindicatorCardShape>) {
  const { t } = useTranslation()
  const p = shape.props
  const set = (props: Partial<KernindicatorCardShape['props']>) => setSpineProps(editor, shape, props)
  const directions = useOptions(INDICATOR_DIRECTIONS, 'directions')
  const setMeasurement = (i: number, m: Partial<Measurement>) =>
    set({ measurements: p.measurements.map((x, j) => (j === i ? { ...x, ...m } : x)) })
  const thisYear = String(new Date().getFullYear())
  return (
    <>
      <TextField
        label={t('spine.fields.name')}
        value={p.name}
        disabled={readOnly}
        onChange={(name) => set({ name })}
      />
      <ValueChoices
        editor={editor}
        label={t('spine.fields.values')}
        chosen={p.valueIds}
        disabled={readOnly}
        onToggle={(id, on) => set({ valueIds: toggled(p.valueIds, id, on) })}
      />
      <TextField
        label={t('spine.fields.unit_ind')}
        value={p.unit}
        disabled={readOnly}
        onChange={(unit) => set({ unit })}
      />
      <SelectField
        label={t('spine.fields.direction')}
        value={p.direction}
        options={directions}
        disabled={readOnly}
        onChange={(d) => d && set({ direction: d })}
      />
      <NumberField
        label={t('spine.fields.baselineValue')}
        value={p.baseline?.value ?? null}
        disabled={readOnly}
        onChange={(value) =>
          set({
            baseline:
              value === null
                ? null
                : { date: p.baseline?.date || thisYear, note: p.baseline?.note ?? '', value },
          })
        }
      />
      {p.baseline && (
        <DateField
          label={t('spine.fields.baselineDate')}
          value={p.baseline.date}
          disabled={readOnly}
          onChange={(date) => p.baseline && date !== '' && set({ baseline: { ...p.baseline, date } })}
        />
      )}
      <NumberField
        label={t('spine.fields.target')}
        value={p.target}
        disabled={readOnly}
        onChange={(target) => set({ target })}
      />
      <DateField
        label={t('spine.fields.targetDate')}
        value={p.targetDate}
        disabled={readOnly}
        onChange={(targetDate) => set({ targetDate })}
      />
      <TextField
        label={t('spine.fields.frequency')}
        value={p.frequency}
        disabled={readOnly}
        onChange={(frequency) => set({ frequency })}
      />
      <NumberField
        label={t('spine.fields.intervalYears')}
        value={p.intervalYears}
        integer
        disabled={readOnly}
        onChange={(n) => set({ intervalYears: n === null ? null : Math.min(50, Math.max(1, n)) })}
      />
      <TextField
        label={t('spine.fields.owner')}
        value={p.owner}
        disabled={readOnly}
        onChange={(owner) => set({ owner })}
      />
      <TextField
        label={t('spine.fields.reportTo')}
        value={p.reportTo}
        disabled={readOnly}
        onChange={(reportTo) => set({ reportTo })}
      />
      <SourceField
        label={t('spine.fields.source')}
        value={p.source}
        optional
        disabled={readOnly}
        onChange={(source) => set({ source })}
      />
      <fieldset className="wt-field">
        <legend>{t('spine.fields.measurements')}</legend>
        {p.measurements.map((m, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: measurements have no id; their position is their identity
          <fieldset className="wt-field wt-subcard" key={i}>
            <legend>{t('spine.fields.measurement', { n: i + 1 })}</legend>
            <DateField
              label={t('spine.fields.date')}
              value={m.date}
              disabled={readOnly}
              onChange={(date) => date !== '' && setMeasurement(i, { date })}
            />
            <NumberField
              label={t('spine.fields.value')}
              value={m.value}
              disabled={readOnly}
              onChange={(value) => value !== null && setMeasurement(i, { value })}
            />
            <TextField
              label={t('spine.fields.note')}
              value={m.note}
              disabled={readOnly}
              onChange={(note) => setMeasurement(i, { note })}
            />
            {!readOnly && (
              <button
                type="button"
                className="wt-small wt-secondary"
                onClick={() => set({ measurements: p.measurements.filter((_, j) => j !== i) })}
              >
                {t('templates.inspector.removeItem')}
              </button>
            )}
          </fieldset>
        ))}
        {!readOnly && (
          <button
            type="button"
            className="wt-small"
            onClick={() =>
              set({
                measurements: [
                  ...p.measurements,
                  { date: thisYear, value: p.baseline?.value ?? 0, note: '' },
                ],
              })
            }
          >
            + {t('spine.fields.addMeasurement')}
          </button>
        )}
      </fieldset>
      <CsvImport
        label={t('spine.csv.measurements')}
        hint={t('spine.csv.measurementsHint')}
        disabled={readOnly}
        onText={(text) => {
          const result = measurementsFromCsv(text, p.name, p.measurements, 1000)
          if (!result.ok) return { refused: result.problem }
          if (result.merged) set({ measurements: result.merged })
          return { added: result.added.length, otherRows: result.otherRows, problems: result.problems }
        }}
      />
    </>
  )
}
