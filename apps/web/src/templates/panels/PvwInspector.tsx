import {
  INVOLVEMENT_LEVELS,
  type PvwFrameAProps,
  type PvwFrameCProps,
  type PvwFrameProps,
  SCHALEN,
  TYPE_OPGAVEN,
} from '@waardentafel/domain'
import { useTranslation } from 'react-i18next'
import type { Editor } from 'tldraw'
import type { PvwFrameShape } from '../schema/shapeTypes.ts'
import { ListField, SelectField, TextField } from './fields.tsx'
import { PartE, PartF } from './PvwPartEF.tsx'
import { RowsField } from './RowsField.tsx'
import { updateProps } from './updateProps.ts'
import { YearsField } from './YearsField.tsx'

export type PartProps<P> = { p: P; set: (props: Partial<P>) => void; readOnly: boolean }

function PartA({ p, set, readOnly }: PartProps<PvwFrameAProps>) {
  const { t } = useTranslation()
  const f = (k: string) => t(`templates.pvw.fields.${k}`)
  return (
    <>
      <TextField
        label={f('ambitie')}
        value={p.ambitie}
        multiline
        disabled={readOnly}
        onChange={(ambitie) => set({ ambitie })}
      />
      <YearsField
        label={f('horizonJaren')}
        value={p.horizonJaren}
        disabled={readOnly}
        onChange={(horizonJaren) => set({ horizonJaren })}
      />
      <SelectField
        label={f('typeOpgave')}
        value={p.typeOpgave}
        emptyLabel={t('templates.inspector.notChosen')}
        options={TYPE_OPGAVEN.map((v) => ({ value: v, label: t(`templates.pvw.typeOpgave.${v}`) }))}
        disabled={readOnly}
        onChange={(typeOpgave) => set({ typeOpgave })}
      />
      <SelectField
        label={f('schaal')}
        value={p.schaal}
        emptyLabel={t('templates.inspector.notChosen')}
        options={SCHALEN.map((v) => ({ value: v, label: t(`templates.pvw.schaal.${v}`) }))}
        disabled={readOnly}
        onChange={(schaal) => set({ schaal })}
      />
      <ListField
        label={f('dominanteOpgaven')}
        items={p.dominanteOpgaven}
        disabled={readOnly}
        onChange={(dominanteOpgaven) => set({ dominanteOpgaven })}
      />
      <TextField
        label={f('voorWie')}
        value={p.voorWie}
        multiline
        disabled={readOnly}
        onChange={(voorWie) => set({ voorWie })}
      />
      <TextField
        label={f('nietDoen')}
        value={p.nietDoen}
        multiline
        disabled={readOnly}
        onChange={(nietDoen) => set({ nietDoen })}
      />
      <TextField
        label={f('grondEigendom')}
        value={p.grondEigendom}
        multiline
        disabled={readOnly}
        onChange={(grondEigendom) => set({ grondEigendom })}
      />
      <TextField
        label={f('wieWoontWerkt')}
        value={p.wieWoontWerkt}
        multiline
        disabled={readOnly}
        onChange={(wieWoontWerkt) => set({ wieWoontWerkt })}
      />
      <TextField
        label={f('beleid')}
        value={p.beleid}
        multiline
        disabled={readOnly}
        onChange={(beleid) => set({ beleid })}
      />
    </>
  )
}

function PartC({ p, set, readOnly }: PartProps<PvwFrameCProps>) {
  const { t } = useTranslation()
  const f = (k: string) => t(`templates.pvw.fields.${k}`)
  return (
    <>
      <ListField
        label={f('opgehaald')}
        items={p.opgehaald}
        disabled={readOnly}
        onChange={(opgehaald) => set({ opgehaald })}
      />
      <TextField
        label={f('invloedOpB')}
        value={p.invloedOpB}
        multiline
        disabled={readOnly}
        onChange={(invloedOpB) => set({ invloedOpB })}
      />
      <RowsField
        legend={f('betrokkenheid')}
        rows={p.betrokkenheid}
        onChange={(betrokkenheid) => set({ betrokkenheid })}
        newRow={() => ({ group: '', level: 'raadplegen' as const, context: '' })}
        addLabel={t('templates.inspector.add')}
        disabled={readOnly}
        renderRow={(row, update) => (
          <>
            <TextField
              label={t('templates.pvw.group')}
              value={row.group}
              disabled={readOnly}
              onChange={(group) => update({ group })}
            />
            <SelectField
              label={t('templates.baathouder.level')}
              value={row.level}
              options={INVOLVEMENT_LEVELS.map((v) => ({ value: v, label: t(`templates.levels.${v}`) }))}
              disabled={readOnly}
              onChange={(level) => level && update({ level })}
            />
            <TextField
              label={t('templates.pvw.context')}
              value={row.context}
              disabled={readOnly}
              onChange={(context) => update({ context })}
            />
          </>
        )}
      />
      <TextField
        label={f('terugkoppeling')}
        value={p.terugkoppeling}
        multiline
        disabled={readOnly}
        onChange={(terugkoppeling) => set({ terugkoppeling })}
      />
      <TextField
        label={f('toekomstigeGeneraties')}
        value={p.toekomstigeGeneraties}
        multiline
        disabled={readOnly}
        onChange={(toekomstigeGeneraties) => set({ toekomstigeGeneraties })}
      />
    </>
  )
}

export function PvwInspector({
  editor,
  shape,
  readOnly,
}: {
  editor: Editor
  shape: PvwFrameShape
  readOnly: boolean
}) {
  // Only the fields of the frame's own part are ever written, so its props stay one member of the union.
  const set = (props: Partial<PvwFrameProps>) => updateProps(editor, shape, props)
  const p = shape.props
  switch (p.part) {
    case 'A':
      return <PartA p={p} set={set} readOnly={readOnly} />
    case 'C':
      return <PartC p={p} set={set} readOnly={readOnly} />
    case 'E':
      return <PartE p={p} set={set} readOnly={readOnly} editor={editor} />
    case 'F':
      return <PartF p={p} set={set} readOnly={readOnly} editor={editor} />
  }
}
