import type { EvidenceFigure } from '@waardentafel/domain'
import { useTranslation } from 'react-i18next'
import type { Editor } from 'tldraw'
import { ListField, TextField } from '../panels/fields.tsx'
import { ValueChoices } from '../panels/ValueChoices.tsx'
import { valueCardName } from '../shapes/ValueCardShapeUtil.tsx'
import { CsvImport } from './CsvImport.tsx'
import { evidenceFromCsv } from './rowsFromCsv.ts'
import { DateField, NumberField, SourceField, toggled } from './spineInputs.tsx'
import { type EvidenceCardShape, type KompasOnderbouwingShape, setSpineProps } from './spineShapeTypes.ts'

type Props<S> = { editor: Editor; shape: S; readOnly: boolean }

const newFigure = (): EvidenceFigure => ({
  label: '',
  value: null,
  unit: '',
  source: 'gebiedscheck',
  sourceNote: '',
  date: '',
})

/** The polaroid: its values, figures (each with source and date), risks and kansen. */
export function EvidenceInspector({ editor, shape, readOnly }: Props<EvidenceCardShape>) {
  const { t } = useTranslation()
  const p = shape.props
  const set = (props: Partial<EvidenceCardShape['props']>) => setSpineProps(editor, shape, props)
  const setFigure = (i: number, f: Partial<EvidenceFigure>) =>
    set({ figures: p.figures.map((x, j) => (j === i ? { ...x, ...f } : x)) })
  return (
    <>
      <ValueChoices
        editor={editor}
        label={t('spine.fields.values')}
        chosen={p.valueIds}
        disabled={readOnly}
        onToggle={(id, on) => set({ valueIds: toggled(p.valueIds, id, on) })}
      />
      <TextField
        label={t('spine.fields.title')}
        value={p.title}
        disabled={readOnly}
        onChange={(title) => set({ title })}
      />
      {p.figures.map((f, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: figures have no id; their position is their identity
        <fieldset className="wt-field wt-subcard" key={i} data-testid="spine-figure">
          <legend>{t('spine.fields.figure', { n: i + 1 })}</legend>
          <TextField
            label={t('spine.fields.label')}
            value={f.label}
            disabled={readOnly}
            onChange={(label) => setFigure(i, { label })}
          />
          <NumberField
            label={t('spine.fields.value')}
            value={f.value}
            disabled={readOnly}
            onChange={(value) => setFigure(i, { value })}
          />
          <TextField
            label={t('spine.fields.unit')}
            value={f.unit}
            disabled={readOnly}
            onChange={(unit) => setFigure(i, { unit })}
          />
          <SourceField
            label={t('spine.fields.source')}
            value={f.source}
            disabled={readOnly}
            onChange={(source) => source && setFigure(i, { source })}
          />
          <TextField
            label={t('spine.fields.sourceNote')}
            value={f.sourceNote}
            disabled={readOnly}
            onChange={(sourceNote) => setFigure(i, { sourceNote })}
          />
          <DateField
            label={t('spine.fields.date')}
            value={f.date}
            disabled={readOnly}
            onChange={(date) => setFigure(i, { date })}
          />
          {!readOnly && (
            <button
              type="button"
              className="wt-small wt-secondary"
              onClick={() => set({ figures: p.figures.filter((_, j) => j !== i) })}
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
          onClick={() => set({ figures: [...p.figures, newFigure()] })}
        >
          + {t('spine.fields.addFigure')}
        </button>
      )}
      <CsvImport
        label={t('spine.csv.figures')}
        hint={t('spine.csv.figuresHint')}
        disabled={readOnly}
        onText={(text) => {
          const board = editor
            .getCurrentPageShapes()
            .flatMap((v) =>
              v.type === 'wt-value-card' ? [{ id: v.id as string, name: valueCardName(v.props) }] : [],
            )
          const linked = board.filter((v) => p.valueIds.includes(v.id))
          const result = evidenceFromCsv(text, linked, board, 500 - p.figures.length)
          if (!result.ok) return { refused: result.problem }
          set({ figures: [...p.figures, ...result.added], valueIds: result.valueIds })
          return { added: result.added.length, otherRows: result.otherRows, problems: result.problems }
        }}
      />
      <ListField
        label={t('spine.fields.risks')}
        items={p.risks}
        disabled={readOnly}
        onChange={(risks) => set({ risks })}
      />
      <ListField
        label={t('spine.fields.kansen')}
        items={p.kansen}
        disabled={readOnly}
        onChange={(kansen) => set({ kansen })}
      />
    </>
  )
}

/** Why a value scores what it scores: a justification and source for the current situation and the potential. */
export function KompasOnderbouwingInspector({ editor, shape, readOnly }: Props<KompasOnderbouwingShape>) {
  const { t } = useTranslation()
  const p = shape.props
  const set = (props: Partial<KompasOnderbouwingShape['props']>) => setSpineProps(editor, shape, props)
  return (
    <>
      <ValueChoices
        editor={editor}
        label={t('spine.fields.values')}
        chosen={p.valueIds}
        disabled={readOnly}
        onToggle={(id, on) => set({ valueIds: toggled(p.valueIds, id, on) })}
      />
      <TextField
        label={t('spine.fields.currentJustification')}
        value={p.currentJustification}
        multiline
        disabled={readOnly}
        onChange={(currentJustification) => set({ currentJustification })}
      />
      <SourceField
        label={t('spine.fields.currentSource')}
        value={p.currentSource}
        optional
        disabled={readOnly}
        onChange={(currentSource) => set({ currentSource })}
      />
      <TextField
        label={t('spine.fields.potentialJustification')}
        value={p.potentialJustification}
        multiline
        disabled={readOnly}
        onChange={(potentialJustification) => set({ potentialJustification })}
      />
      <SourceField
        label={t('spine.fields.potentialSource')}
        value={p.potentialSource}
        optional
        disabled={readOnly}
        onChange={(potentialSource) => set({ potentialSource })}
      />
      <TextField
        label={t('spine.fields.sourceNote')}
        value={p.sourceNote}
        disabled={readOnly}
        onChange={(sourceNote) => set({ sourceNote })}
      />
    </>
  )
}
