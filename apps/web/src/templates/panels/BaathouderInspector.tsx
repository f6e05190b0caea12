import {
  BAATHOUDER_ROLES,
  baathouderType,
  CONTRIBUTION_KINDS,
  INVOLVEMENT_LEVELS,
  INVOLVEMENTS,
  type Schil,
} from '@waardentafel/domain'
import { useTranslation } from 'react-i18next'
import { type Editor, useValue } from 'tldraw'
import { moveBaathouderTo } from '../actions/moveCard.ts'
import { ringOfCard } from '../derive/livePlacement.ts'
import type { BaathouderCardShape } from '../schema/shapeTypes.ts'
import { CheckField, MoveButtons, SelectField, TextField } from './fields.tsx'
import { RowsField } from './RowsField.tsx'
import { updateProps } from './updateProps.ts'
import { ValueChoices } from './ValueChoices.tsx'

const RINGS: readonly Schil[] = [1, 2, 3, 4]

export function BaathouderInspector({
  editor,
  shape,
  readOnly,
}: {
  editor: Editor
  shape: BaathouderCardShape
  readOnly: boolean
}) {
  const { t } = useTranslation()
  const p = shape.props
  const set = (props: Partial<BaathouderCardShape['props']>) => updateProps(editor, shape, props)
  const ring = useValue('wt inspector ring', () => ringOfCard(editor, shape.id)?.ring ?? null, [
    editor,
    shape.id,
  ])
  const type = baathouderType(p.category)
  return (
    <>
      <MoveButtons
        label={t('templates.inspector.moveToRing')}
        options={RINGS.map((r) => ({ value: r, label: `${r} · ${t(`templates.rings.${r}`)}` }))}
        current={typeof ring === 'number' ? ring : null}
        disabled={readOnly}
        onMove={(r) => moveBaathouderTo(editor, shape.id, r)}
      />
      {type && <p className="wt-hint">{t('templates.baathouder.fromLibrary', { label: type.label })}</p>}
      <TextField
        label={t('templates.baathouder.name')}
        value={p.name}
        disabled={readOnly}
        onChange={(name) => set({ name })}
      />
      <TextField
        label={t('templates.baathouder.organisation')}
        value={p.organisation}
        disabled={readOnly}
        onChange={(organisation) => set({ organisation })}
      />
      <SelectField
        label={t('templates.baathouder.involvement')}
        value={p.involvement}
        options={INVOLVEMENTS.map((v) => ({ value: v, label: t(`templates.involvement.${v}`) }))}
        disabled={readOnly}
        onChange={(involvement) => involvement && set({ involvement })}
      />
      <SelectField
        label={t('templates.baathouder.role')}
        value={p.role}
        emptyLabel={t('templates.inspector.notChosen')}
        options={BAATHOUDER_ROLES.map((v) => ({ value: v, label: t(`templates.roles.${v}`) }))}
        disabled={readOnly}
        onChange={(role) => set({ role })}
      />
      <SelectField
        label={t('templates.baathouder.level')}
        value={p.level}
        emptyLabel={t('templates.inspector.notChosen')}
        options={INVOLVEMENT_LEVELS.map((v) => ({ value: v, label: t(`templates.levels.${v}`) }))}
        disabled={readOnly}
        onChange={(level) => set({ level })}
      />
      <ValueChoices
        editor={editor}
        label={t('templates.baathouder.values')}
        chosen={p.valueIds}
        disabled={readOnly}
        onToggle={(id, on) =>
          set({ valueIds: on ? [...p.valueIds, id] : p.valueIds.filter((v) => v !== id) })
        }
      />
      <TextField
        label={t('templates.baathouder.baten')}
        value={p.baten}
        multiline
        disabled={readOnly}
        onChange={(baten) => set({ baten })}
      />
      <TextField
        label={t('templates.baathouder.trigger')}
        value={p.trigger}
        multiline
        disabled={readOnly}
        onChange={(trigger) => set({ trigger })}
      />
      <RowsField
        legend={t('templates.baathouder.contributions')}
        rows={p.contributions}
        onChange={(contributions) => set({ contributions })}
        newRow={() => ({ kind: 'tijd' as const, description: '', conditions: '' })}
        addLabel={t('templates.baathouder.addContribution')}
        disabled={readOnly}
        renderRow={(c, update) => (
          <>
            <SelectField
              label={t('templates.baathouder.kind')}
              value={c.kind}
              options={CONTRIBUTION_KINDS.map((k) => ({
                value: k,
                label: t(`templates.contributionKinds.${k}`),
              }))}
              disabled={readOnly}
              onChange={(kind) => kind && update({ kind })}
            />
            <TextField
              label={t('templates.baathouder.description')}
              value={c.description}
              disabled={readOnly}
              onChange={(description) => update({ description })}
            />
            <TextField
              label={t('templates.baathouder.conditions')}
              value={c.conditions}
              disabled={readOnly}
              onChange={(conditions) => update({ conditions })}
            />
          </>
        )}
      />
      <CheckField
        label={t('templates.baathouder.rentmeester')}
        checked={p.rentmeester}
        disabled={readOnly}
        onChange={(rentmeester) => set({ rentmeester })}
      />
      <CheckField
        label={t('templates.baathouder.signatory')}
        checked={p.signatory}
        disabled={readOnly}
        onChange={(signatory) => set({ signatory })}
      />
    </>
  )
}
