import { SPANNINGEN_COLUMNS, type TensionPole } from '@waardentafel/domain'
import { useTranslation } from 'react-i18next'
import { type Editor, useValue } from 'tldraw'
import { setTensionLink } from '../actions/createCards.ts'
import { moveTensionTo } from '../actions/moveCard.ts'
import { statusOfCard } from '../derive/livePlacement.ts'
import type { TensionCardShape } from '../schema/shapeTypes.ts'
import { MoveButtons, TextField } from './fields.tsx'
import { updateProps } from './updateProps.ts'
import { ValueChoices } from './ValueChoices.tsx'

export function TensionInspector({
  editor,
  shape,
  readOnly,
}: {
  editor: Editor
  shape: TensionCardShape
  readOnly: boolean
}) {
  const { t } = useTranslation()
  const p = shape.props
  const set = (props: Partial<TensionCardShape['props']>) => updateProps(editor, shape, props)
  const status = useValue('wt inspector status', () => statusOfCard(editor, shape.id)?.status ?? null, [
    editor,
    shape.id,
  ])
  const linked = useValue(
    'wt tension links',
    () => editor.getBindingsFromShape(shape.id, 'wt-tension-link').map((b) => b.toId as string),
    [editor, shape.id],
  )
  const setPole = (i: number, pole: Partial<TensionPole>) =>
    set({ poles: p.poles.map((x, j) => (j === i ? { ...x, ...pole } : x)) })
  return (
    <>
      <MoveButtons
        label={t('templates.inspector.moveToStatus')}
        options={SPANNINGEN_COLUMNS.map((s) => ({ value: s, label: t(`templates.status.${s}`) }))}
        current={status}
        disabled={readOnly}
        onMove={(s) => moveTensionTo(editor, shape.id, s)}
      />
      <TextField
        label={t('templates.tension.name')}
        hint={t('templates.tension.nameHint')}
        value={p.name}
        disabled={readOnly}
        onChange={(name) => set({ name })}
      />
      <TextField
        label={t('templates.tension.gebiedsdeel')}
        value={p.gebiedsdeel}
        disabled={readOnly}
        onChange={(gebiedsdeel) => set({ gebiedsdeel })}
      />
      <ValueChoices
        editor={editor}
        label={t('templates.tension.values')}
        chosen={linked}
        disabled={readOnly}
        onToggle={(id, on) => setTensionLink(editor, shape.id, id, on)}
      />
      {linked.length < 2 && <p className="wt-hint wt-warn">{t('templates.tension.needsTwo')}</p>}
      {p.poles.map((pole, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: poles have no id; their position is their identity
        <fieldset className="wt-field wt-subcard" key={i}>
          <legend>{t('templates.tension.pole', { n: i + 1 })}</legend>
          <TextField
            label={t('templates.tension.poleLabel')}
            value={pole.label}
            disabled={readOnly}
            onChange={(label) => setPole(i, { label })}
          />
          <TextField
            label={t('templates.tension.upside')}
            value={pole.upside}
            multiline
            disabled={readOnly}
            onChange={(upside) => setPole(i, { upside })}
          />
          <TextField
            label={t('templates.tension.downside')}
            value={pole.downside}
            multiline
            disabled={readOnly}
            onChange={(downside) => setPole(i, { downside })}
          />
          {!readOnly && p.poles.length > 2 && (
            <button
              type="button"
              className="wt-small wt-secondary"
              onClick={() => set({ poles: p.poles.filter((_, j) => j !== i) })}
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
          onClick={() => set({ poles: [...p.poles, { label: '', upside: '', downside: '' }] })}
        >
          + {t('templates.tension.addPole')}
        </button>
      )}
      <TextField
        label={t('templates.tension.weighing')}
        value={p.weighing}
        multiline
        disabled={readOnly}
        onChange={(weighing) => set({ weighing })}
      />
      <TextField
        label={t('templates.tension.decision')}
        value={p.decision}
        multiline
        disabled={readOnly}
        onChange={(decision) => set({ decision })}
      />
    </>
  )
}
