import {
  ANTWOORDEN,
  BODEM_STATUSES,
  GRONDBELEID_INSTRUMENTEN,
  GRONDBELEID_REGIMES,
  JURIDISCHE_BODEM,
  KERNVRAGEN,
  PARCOURS_MOMENTEN,
  SCENARIOS,
  STURING_DEFAULT_PROPS,
  STURING_KINDS,
  type SturingCardOf,
  type SturingKind,
  TENDER_KEUZES,
} from '@waardentafel/domain'
import { useTranslation } from 'react-i18next'
import type { Editor, TLRecord } from 'tldraw'
import { SelectField, TextField } from '../panels/fields.tsx'
import { sturingPropsValidator } from './spineProps.ts'
import type { SturingCardShape } from './spineShapeTypes.ts'

type Props = { editor: Editor; shape: SturingCardShape; readOnly: boolean }

/** Writes whole, kind-consistent props: the record validator only knows each kind's fields as optional. */
function write<K extends SturingKind>(editor: Editor, shape: SturingCardShape, props: SturingCardOf<K>) {
  editor.updateShape({ id: shape.id, type: 'wt-sturing-card', props } as never)
}

export function SturingInspector({ editor, shape, readOnly }: Props) {
  const { t } = useTranslation()
  const p = shape.props
  const kinds = STURING_KINDS.map((value) => ({ value, label: t(`spine.sturing.${value}`) }))
  // A kind has its own fields: the card starts afresh as that kind, keeping its size. The props are replaced, not
  // merged (updateShape would keep the old kind's fields, which the exact union refuses).
  const reset = (kind: SturingKind) =>
    editor.run(() => {
      const record = editor.store.get(shape.id as never) as TLRecord | undefined
      if (record)
        editor.store.put([
          { ...record, props: { ...STURING_DEFAULT_PROPS[kind](), w: p.w, h: p.h } } as TLRecord,
        ])
    })
  return (
    <>
      <SelectField
        label={t('spine.fields.sturingKind')}
        value={p.kind}
        options={kinds}
        disabled={readOnly}
        onChange={(kind) => kind && kind !== p.kind && reset(kind)}
      />
      <p className="wt-hint">{t('spine.fields.kindHint')}</p>
      {sturingPropsValidator.isValid(p) ? (
        <SturingBody editor={editor} shape={shape} readOnly={readOnly} />
      ) : (
        <>
          <p className="wt-hint wt-warn">{t('spine.fields.unreadable')}</p>
          {!readOnly && (
            <button
              type="button"
              className="wt-small"
              onClick={() => reset((shape.props as { kind: SturingKind }).kind)}
            >
              {t('spine.fields.restore')}
            </button>
          )}
        </>
      )}
    </>
  )
}

function SturingBody({ editor, shape, readOnly }: Props) {
  const { t } = useTranslation()
  const p = shape.props
  const empty = t('spine.fields.empty')
  const note = (value: string, onChange: (v: string) => void, label = t('spine.fields.note')) => (
    <TextField label={label} value={value} multiline disabled={readOnly} onChange={onChange} />
  )
  switch (p.kind) {
    case 'beleidstoets': {
      const answers = ANTWOORDEN.map((value) => ({ value, label: t(`spine.answers.${value}`) }))
      return (
        <>
          {KERNVRAGEN.map((k) => {
            const a = p.answers.find((x) => x.vraag === k.key) ?? { vraag: k.key, answer: null, note: '' }
            const setA = (patch: Partial<typeof a>) =>
              write(editor, shape, {
                ...p,
                answers: [...p.answers.filter((x) => x.vraag !== k.key), { ...a, ...patch }].sort(
                  (x, y) =>
                    KERNVRAGEN.findIndex((q) => q.key === x.vraag) -
                    KERNVRAGEN.findIndex((q) => q.key === y.vraag),
                ),
              })
            return (
              <fieldset className="wt-field wt-subcard" key={k.key}>
                <legend>{k.vraag}</legend>
                <SelectField
                  label={t('spine.fields.answer')}
                  value={a.answer}
                  options={answers}
                  emptyLabel={empty}
                  disabled={readOnly}
                  onChange={(answer) => setA({ answer })}
                />
                {note(a.note, (n) => setA({ note: n }))}
              </fieldset>
            )
          })}
        </>
      )
    }
    case 'grondbeleid': {
      const regimes = GRONDBELEID_REGIMES.map((value) => ({ value, label: t(`spine.regimes.${value}`) }))
      return (
        <>
          <SelectField
            label={t('spine.fields.regime')}
            value={p.regime}
            options={regimes}
            emptyLabel={empty}
            disabled={readOnly}
            onChange={(regime) => write(editor, shape, { ...p, regime })}
          />
          <fieldset className="wt-field wt-choices">
            <legend>{t('spine.fields.instruments')}</legend>
            {GRONDBELEID_INSTRUMENTEN.map((g) => (
              <label key={g.key} className="wt-check">
                <input
                  type="checkbox"
                  checked={p.instruments.includes(g.key)}
                  disabled={readOnly}
                  onChange={(e) =>
                    write(editor, shape, {
                      ...p,
                      instruments: GRONDBELEID_INSTRUMENTEN.map((x) => x.key).filter((key) =>
                        key === g.key ? e.target.checked : p.instruments.includes(key),
                      ),
                    })
                  }
                />
                <span>
                  {g.onderwerp}
                  {p.regime && `: ${g[p.regime]}`}
                </span>
              </label>
            ))}
          </fieldset>
          {note(p.note, (n) => write(editor, shape, { ...p, note: n }))}
        </>
      )
    }
    case 'parcours': {
      const moments = PARCOURS_MOMENTEN.map((m) => ({ value: m.key, label: m.moment }))
      const setM = (i: number, patch: Partial<(typeof p.moments)[number]>) =>
        write(editor, shape, { ...p, moments: p.moments.map((m, j) => (j === i ? { ...m, ...patch } : m)) })
      return (
        <>
          {p.moments.map((m, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: moments have no id; their position is their identity
            <fieldset className="wt-field wt-subcard" key={i}>
              <legend>{PARCOURS_MOMENTEN.find((x) => x.key === m.moment)?.moment}</legend>
              <SelectField
                label={t('spine.fields.when')}
                value={m.moment}
                options={moments}
                disabled={readOnly}
                onChange={(moment) => moment && setM(i, { moment })}
              />
              <TextField
                label={t('spine.fields.instrument')}
                value={m.instrument}
                disabled={readOnly}
                onChange={(instrument) => setM(i, { instrument })}
              />
              {note(m.clause, (clause) => setM(i, { clause }), t('spine.fields.clause'))}
              <TextField
                label={t('spine.fields.date')}
                value={m.when}
                disabled={readOnly}
                onChange={(when) => setM(i, { when: when.slice(0, 50) })}
              />
              {!readOnly && (
                <button
                  type="button"
                  className="wt-small wt-secondary"
                  onClick={() => write(editor, shape, { ...p, moments: p.moments.filter((_, j) => j !== i) })}
                >
                  {t('templates.inspector.removeItem')}
                </button>
              )}
            </fieldset>
          ))}
          {!readOnly && p.moments.length < 50 && (
            <button
              type="button"
              className="wt-small"
              onClick={() => {
                // The next moment of the parcours not yet on the card, with its most powerful instrument.
                const next =
                  PARCOURS_MOMENTEN.find((m) => !p.moments.some((x) => x.moment === m.key)) ??
                  PARCOURS_MOMENTEN[0]
                write(editor, shape, {
                  ...p,
                  moments: [
                    ...p.moments,
                    { moment: next.key, instrument: next.instrument, clause: '', when: '' },
                  ],
                })
              }}
            >
              + {t('spine.fields.addMoment')}
            </button>
          )}
        </>
      )
    }
    case 'scenario': {
      const scenarios = SCENARIOS.map((value) => ({ value, label: t(`spine.scenarios.${value}`) }))
      return (
        <>
          <SelectField
            label={t('spine.fields.scenario')}
            value={p.scenario}
            options={scenarios}
            emptyLabel={empty}
            disabled={readOnly}
            onChange={(scenario) => write(editor, shape, { ...p, scenario })}
          />
          {note(p.note, (n) => write(editor, shape, { ...p, note: n }))}
        </>
      )
    }
    case 'tender':
      return (
        <fieldset className="wt-field wt-choices">
          <legend>{t('spine.fields.tenderChoices')}</legend>
          {TENDER_KEUZES.map((k) => {
            const chosen = p.choices.find((c) => c.keuze === k.key)
            return (
              <div key={k.key}>
                <label className="wt-check">
                  <input
                    type="checkbox"
                    checked={chosen !== undefined}
                    disabled={readOnly}
                    onChange={(e) =>
                      write(editor, shape, {
                        ...p,
                        choices: e.target.checked
                          ? [...p.choices, { keuze: k.key, note: '' }]
                          : p.choices.filter((c) => c.keuze !== k.key),
                      })
                    }
                  />
                  <span>{k.label}</span>
                </label>
                {chosen &&
                  note(chosen.note, (n) =>
                    write(editor, shape, {
                      ...p,
                      choices: p.choices.map((c) => (c.keuze === k.key ? { ...c, note: n } : c)),
                    }),
                  )}
              </div>
            )
          })}
        </fieldset>
      )
    case 'juridisch': {
      const statuses = BODEM_STATUSES.map((value) => ({ value, label: t(`spine.bodem.${value}`) }))
      return (
        <>
          {JURIDISCHE_BODEM.map((j) => {
            const item = p.items.find((x) => x.item === j.key) ?? {
              item: j.key,
              status: 'open' as const,
              note: '',
            }
            const setI = (patch: Partial<typeof item>) =>
              write(editor, shape, {
                ...p,
                items: JURIDISCHE_BODEM.map((x) =>
                  x.key === j.key
                    ? { ...item, ...patch }
                    : (p.items.find((y) => y.item === x.key) ?? {
                        item: x.key,
                        status: 'open' as const,
                        note: '',
                      }),
                ),
              })
            return (
              <fieldset className="wt-field wt-subcard" key={j.key}>
                <legend>{j.label}</legend>
                <SelectField
                  label={t('spine.fields.status')}
                  value={item.status}
                  options={statuses}
                  disabled={readOnly}
                  onChange={(status) => status && setI({ status })}
                />
                {note(item.note, (n) => setI({ note: n }))}
              </fieldset>
            )
          })}
        </>
      )
    }
  }
}
