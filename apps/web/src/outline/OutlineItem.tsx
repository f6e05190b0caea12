import { PRIORITERING_COLUMNS, SPANNINGEN_COLUMNS } from '@waardentafel/domain'
import { useId, useLayoutEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { type TLShape, type TLShapeId, useValue } from 'tldraw'
import { setTensionLink } from '../templates/actions/createCards.ts'
import { columnOfCard, ringOfCard, statusOfCard } from '../templates/derive/livePlacement.ts'
import { valueCardsLocked } from '../templates/lock/valueCardLock.ts'
import { CheckField, SelectField, TextField } from '../templates/panels/fields.tsx'
import { updateProps } from '../templates/panels/updateProps.ts'
import { ValueChoices } from '../templates/panels/ValueChoices.tsx'
import { cardName, placeLabel } from './cardPlace.ts'
import { NoteText } from './NoteText.tsx'
import { useOutline } from './OutlineContext.ts'
import { moveCard, removeCard } from './outlineActions.ts'

const INVOLVEMENTS = ['stakeholder', 'baathouder', 'shareholder'] as const

/** Where a card can be moved to, and where it is now (live, as on the canvas). */
function useMoveTarget(shape: TLShape) {
  const { editor } = useOutline()
  const { t } = useTranslation()
  const place = useValue('outline place', () => {
    if (shape.type === 'wt-value-card') return columnOfCard(editor, shape.id)?.column ?? null
    if (shape.type === 'wt-tension-card') return statusOfCard(editor, shape.id)?.status ?? null
    if (shape.type === 'wt-baathouder-card') return ringOfCard(editor, shape.id)?.ring ?? null
    return null
  }, [editor, shape.id, shape.type])
  if (shape.type === 'wt-value-card')
    return {
      label: t('outline.fields.class'),
      place: place === null ? null : `column:${place}`,
      options: PRIORITERING_COLUMNS.map((c) => ({ value: c, key: `column:${c}` })),
    }
  if (shape.type === 'wt-tension-card')
    return {
      label: t('outline.fields.status'),
      place: place === null ? null : `status:${place}`,
      options: SPANNINGEN_COLUMNS.map((s) => ({ value: s, key: `status:${s}` })),
    }
  if (shape.type === 'wt-baathouder-card')
    return {
      label: t('outline.fields.ring'),
      place: place === null ? null : `ring:${place}`,
      options: [1, 2, 3, 4].map((r) => ({ value: String(r), key: `ring:${r}` })),
    }
  return null
}

/** One card as a list item: what it is and means, where it stands, and (when allowed) how to change it. */
export function OutlineItem({ id, meaning }: { id: string; meaning: string }) {
  const { editor, readOnly, announce, focusAfterRender, showCard } = useOutline()
  const { t } = useTranslation()
  const shape = useValue('outline card', () => editor.getShape(id as TLShapeId) ?? null, [editor, id])
  const [editing, setEditing] = useState(false)
  const selectRef = useRef<HTMLSelectElement>(null)
  const itemRef = useRef<HTMLLIElement>(null)
  const selectId = useId()
  const editId = useId()
  const move = useMoveTarget(shape ?? ({ id, type: 'none' } as unknown as TLShape))
  // A locked value card keeps its class, place and name (the facilitator's lock); its controls say why.
  const locked = useValue(
    'outline card locked',
    () => shape?.type === 'wt-value-card' && valueCardsLocked(editor),
    [editor, shape?.type],
  )
  const lockHintId = useId()

  // A moved card reappears under its new heading as a new element: give it the focus the old one had.
  useLayoutEffect(() => {
    if (focusAfterRender.current === id) {
      focusAfterRender.current = null
      selectRef.current?.focus()
    }
  }, [id, focusAfterRender])

  if (!shape) return null
  const name = cardName(shape, t)
  const onMove = (value: string, key: string) => {
    focusAfterRender.current = id
    if (moveCard(editor, id, value)) announce(t('outline.done.moved', { name, place: placeLabel(key, t) }))
  }
  const onRemove = () => {
    const heading = itemRef.current?.closest('[data-outline-group]')?.querySelector<HTMLElement>('h3, h4')
    removeCard(editor, id)
    heading?.focus()
    announce(t('outline.done.removed', { name }))
  }

  return (
    <li className="wt-outline-item" ref={itemRef} data-card-id={id}>
      <p className="wt-outline-text">
        <strong>{name}</strong>
        {meaning && <span className="wt-outline-meaning"> — {meaning}</span>}
      </p>
      {!readOnly && (
        <div className="wt-outline-controls">
          {move && (
            <span className="wt-outline-move">
              <label htmlFor={selectId}>
                <span className="wt-visually-hidden">{name}: </span>
                {move.label}
              </label>
              <select
                id={selectId}
                ref={selectRef}
                disabled={locked}
                aria-describedby={locked ? lockHintId : undefined}
                value={move.place ?? ''}
                onChange={(e) => {
                  const option = move.options.find((o) => o.key === e.target.value)
                  if (option) onMove(option.value, option.key)
                }}
              >
                {!move.options.some((o) => o.key === move.place) && (
                  <option value={move.place ?? ''} disabled>
                    {move.place ? placeLabel(move.place, t) : t('outline.notPlaced')}
                  </option>
                )}
                {move.options.map((o) => (
                  <option key={o.key} value={o.key}>
                    {placeLabel(o.key, t)}
                  </option>
                ))}
              </select>
              {locked && (
                <span id={lockHintId} className="wt-hint" data-testid="outline-locked">
                  {t('outline.lockedByFacilitator')}
                </span>
              )}
            </span>
          )}
          <button
            type="button"
            className="wt-small wt-secondary"
            aria-expanded={editing}
            aria-controls={editId}
            onClick={() => setEditing(!editing)}
          >
            {t('outline.actions.edit')}
            <span className="wt-visually-hidden"> {name}</span>
          </button>
        </div>
      )}
      {editing && !readOnly && (
        <div id={editId} className="wt-outline-edit">
          <EditFields shape={shape} locked={locked} />
          <div className="wt-outline-controls">
            <button type="button" className="wt-small wt-secondary" onClick={() => showCard(id)}>
              {t('outline.actions.showOnCanvas')}
              <span className="wt-visually-hidden"> {name}</span>
            </button>
            <button type="button" className="wt-small wt-danger" disabled={locked} onClick={onRemove}>
              {t('outline.actions.remove')}
              <span className="wt-visually-hidden"> {name}</span>
            </button>
            <button type="button" className="wt-small wt-secondary" onClick={() => setEditing(false)}>
              {t('outline.actions.done')}
            </button>
          </div>
        </div>
      )}
    </li>
  )
}

/** The card's main text fields, written straight to the shape as on the canvas inspector. */
function EditFields({ shape, locked }: { shape: TLShape; locked: boolean }) {
  const { editor } = useOutline()
  const { t } = useTranslation()
  const linked = useValue(
    'outline tension links',
    () => editor.getBindingsFromShape(shape.id, 'wt-tension-link').map((b) => b.toId as string),
    [editor, shape.id],
  )
  switch (shape.type) {
    case 'wt-value-card':
      return (
        <>
          <TextField
            label={t('templates.value.name')}
            value={shape.props.name}
            disabled={locked}
            onChange={(name) => updateProps(editor, shape, { name })}
          />
          <TextField
            label={t('templates.value.explanation')}
            value={shape.props.explanation}
            multiline
            onChange={(explanation) => updateProps(editor, shape, { explanation })}
          />
          <CheckField
            label={t('templates.value.twijfel')}
            checked={shape.props.twijfel}
            onChange={(twijfel) => updateProps(editor, shape, { twijfel })}
          />
        </>
      )
    case 'wt-baathouder-card':
      return (
        <>
          <TextField
            label={t('templates.baathouder.name')}
            value={shape.props.name}
            onChange={(name) => updateProps(editor, shape, { name })}
          />
          <TextField
            label={t('templates.baathouder.organisation')}
            value={shape.props.organisation}
            onChange={(organisation) => updateProps(editor, shape, { organisation })}
          />
          <SelectField
            label={t('templates.baathouder.involvement')}
            value={shape.props.involvement}
            options={INVOLVEMENTS.map((v) => ({ value: v, label: t(`templates.involvement.${v}`) }))}
            onChange={(involvement) => involvement && updateProps(editor, shape, { involvement })}
          />
        </>
      )
    case 'wt-tension-card':
      return (
        <>
          <TextField
            label={t('templates.tension.name')}
            value={shape.props.name}
            onChange={(name) => updateProps(editor, shape, { name })}
          />
          <TextField
            label={t('templates.tension.gebiedsdeel')}
            value={shape.props.gebiedsdeel}
            onChange={(gebiedsdeel) => updateProps(editor, shape, { gebiedsdeel })}
          />
          <ValueChoices
            editor={editor}
            label={t('templates.tension.values')}
            chosen={linked}
            disabled={false}
            onToggle={(valueId, on) => setTensionLink(editor, shape.id, valueId, on)}
          />
        </>
      )
    case 'note':
      return <NoteText shape={shape} />
    default:
      return null
  }
}
