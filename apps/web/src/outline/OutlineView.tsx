import type { BaathouderCard, BoardModel, Note, Schil, TensionCard, ValueCard } from '@waardentafel/domain'
import type { TFunction } from 'i18next'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useValue } from 'tldraw'
import { pvwSummary } from '../templates/shapes/pvwSummary.ts'
import { valueCardName } from '../templates/shapes/ValueCardShapeUtil.tsx'
import { AddForm, RingSelect } from './AddForms.tsx'
import { placeLabel } from './cardPlace.ts'
import { useOutline } from './OutlineContext.ts'
import { OutlineItem } from './OutlineItem.tsx'
import { addBaathouder, addFreeNote, addNoteToFrame, addTension, addValue } from './outlineActions.ts'
import { buildOutline, type Outline, type OutlineSection } from './outlineSections.ts'

// The outline as headings and lists: h3 per template or PvW frame, h4 per column, ring or status, one list
// item per card. Headings can be focused (tabIndex -1) so focus has somewhere to go after a delete.

function valueMeaning(card: ValueCard, t: TFunction): string {
  const parts = [
    t('outline.kind.value'),
    card.column ? placeLabel(`column:${card.column}`, t) : t('templates.noClass'),
  ]
  if (card.props.twijfel) parts.push(t('templates.value.twijfelShort'))
  if (card.props.explanation.trim()) parts.push(card.props.explanation.trim())
  return parts.join(' · ')
}

function baathouderMeaning(card: BaathouderCard, t: TFunction): string {
  const ring = card.ring === null ? t('templates.noRing') : placeLabel(`ring:${card.ring}`, t)
  const parts = [ring, t(`templates.involvement.${card.props.involvement}`)]
  if (card.props.organisation.trim() && card.props.name.trim()) parts.push(card.props.organisation.trim())
  if (card.props.role) parts.push(t(`templates.roles.${card.props.role}`))
  if (card.props.level) parts.push(t(`templates.levels.${card.props.level}`))
  return parts.join(' · ')
}

function tensionMeaning(card: TensionCard, outline: Outline, t: TFunction): string {
  const values = card.valueIds.map((id) => outline.valueNames.get(id) ?? '').filter(Boolean)
  const parts = [
    t('outline.kind.tension'),
    card.status ? placeLabel(`status:${card.status}`, t) : t('templates.noStatus'),
    values.length ? t('outline.between', { values: values.join(' ⟷ ') }) : t('outline.notLinked'),
  ]
  if (card.props.gebiedsdeel.trim()) parts.push(card.props.gebiedsdeel.trim())
  return parts.join(' · ')
}

function noteMeaning(note: Note, t: TFunction): string {
  return note.text.split('\n').slice(1).join(' ') || (note.text ? '' : t('outline.noText'))
}

function Cards({ items, empty }: { items: { id: string; meaning: string }[]; empty?: boolean }) {
  const { t } = useTranslation()
  if (items.length === 0) return empty === false ? null : <p className="wt-hint">{t('outline.noCards')}</p>
  return (
    <ul className="wt-outline-list">
      {items.map((i) => (
        <OutlineItem key={i.id} id={i.id} meaning={i.meaning} />
      ))}
    </ul>
  )
}

function Group({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section className="wt-outline-group" data-outline-group>
      <h4 tabIndex={-1}>{title}</h4>
      {children}
    </section>
  )
}

function Section({
  section,
  outline,
  pageName,
}: {
  section: OutlineSection
  outline: Outline
  pageName: string | null
}) {
  const { t } = useTranslation()
  const { editor, readOnly } = useOutline()
  const [ring, setRing] = useState<Schil>(3)
  const heading = (name: string) => (pageName ? t('outline.onPage', { name, page: pageName }) : name)
  const count = (n: number) => t('outline.cardCount', { count: n })
  switch (section.kind) {
    case 'prioritering':
      return (
        <section className="wt-outline-section" data-outline-group data-kind={section.kind}>
          <h3 tabIndex={-1}>{heading(section.title || t('templates.names.prioritering'))}</h3>
          {section.groups.map((g) => (
            <Group key={g.key} title={`${placeLabel(`column:${g.key}`, t)} (${count(g.cards.length)})`}>
              <Cards items={g.cards.map((c) => ({ id: c.id, meaning: valueMeaning(c, t) }))} />
            </Group>
          ))}
          {!readOnly && (
            <AddForm label={t('outline.add.value')} onAdd={(name) => addValue(editor, section.id, name)} />
          )}
        </section>
      )
    case 'schillen':
      return (
        <section className="wt-outline-section" data-outline-group data-kind={section.kind}>
          <h3 tabIndex={-1}>
            {heading(`${t('templates.names.schillen')}: ${section.title || t('templates.schillen.area')}`)}
          </h3>
          {section.groups
            .filter((g) => g.key !== 'centrum' || g.cards.length > 0)
            .map((g) => (
              <Group
                key={g.key}
                title={`${
                  g.key === 'centrum'
                    ? t('outline.groups.centre')
                    : `${placeLabel(`ring:${g.key}`, t)} · ${t(`templates.rings.${g.key}`)}`
                } (${count(g.cards.length)})`}
              >
                <Cards items={g.cards.map((c) => ({ id: c.id, meaning: baathouderMeaning(c, t) }))} />
              </Group>
            ))}
          {!readOnly && (
            <AddForm
              label={t('outline.add.baathouder')}
              onAdd={(name) => addBaathouder(editor, section.id, name, ring)}
            >
              <RingSelect ring={ring} onChange={setRing} />
            </AddForm>
          )}
        </section>
      )
    case 'spanningen':
      return (
        <section className="wt-outline-section" data-outline-group data-kind={section.kind}>
          <h3 tabIndex={-1}>{heading(section.title || t('templates.names.spanningen'))}</h3>
          {section.groups.map((g) => (
            <Group key={g.key} title={`${placeLabel(`status:${g.key}`, t)} (${count(g.cards.length)})`}>
              <Cards items={g.cards.map((c) => ({ id: c.id, meaning: tensionMeaning(c, outline, t) }))} />
            </Group>
          ))}
          {!readOnly && (
            <AddForm
              label={t('outline.add.tension')}
              onAdd={(name) => addTension(editor, section.id, name)}
            />
          )}
        </section>
      )
    case 'pvw': {
      const summary = pvwSummary(section.frame.props, t)
      return (
        <section className="wt-outline-section" data-outline-group data-kind={section.kind}>
          <h3 tabIndex={-1}>{heading(placeLabel(`part:${section.frame.props.part}`, t))}</h3>
          {summary.length === 0 ? (
            <p className="wt-hint">{t('templates.pvw.empty')}</p>
          ) : (
            <dl className="wt-outline-summary">
              {summary.map((line) => (
                <div key={line.label}>
                  <dt>{line.label}</dt>
                  <dd>{line.value}</dd>
                </div>
              ))}
            </dl>
          )}
          <Cards items={section.notes.map((n) => ({ id: n.id, meaning: noteMeaning(n, t) }))} empty={false} />
          {!readOnly && (
            <AddForm
              label={t('outline.add.note')}
              onAdd={(text) => addNoteToFrame(editor, section.id, text)}
            />
          )}
        </section>
      )
    }
  }
}

/** The whole board as text, in reading order, then what lies outside the templates. */
export function OutlineView({ model }: { model: BoardModel }) {
  const { t } = useTranslation()
  const { editor, readOnly } = useOutline()
  const outline = useMemo(() => buildOutline(model, (c) => valueCardName(c.props)), [model])
  const pages = useValue('outline pages', () => editor.getPages().map((p) => ({ id: p.id, name: p.name })), [
    editor,
  ])
  const pageName = (pageId: string) =>
    pages.length > 1 ? (pages.find((p) => p.id === pageId)?.name ?? null) : null
  const { loose } = outline
  const looseGroups = [
    { key: 'valuesLoose', items: loose.values.map((c) => ({ id: c.id, meaning: valueMeaning(c, t) })) },
    {
      key: 'baathoudersLoose',
      items: loose.baathouders.map((c) => ({ id: c.id, meaning: baathouderMeaning(c, t) })),
    },
    {
      key: 'tensionsLoose',
      items: loose.tensions.map((c) => ({ id: c.id, meaning: tensionMeaning(c, outline, t) })),
    },
  ].filter((g) => g.items.length > 0)
  return (
    <>
      {outline.sections.length === 0 && looseGroups.length === 0 && loose.notes.length === 0 && (
        <p>{t('outline.empty')}</p>
      )}
      {outline.sections.map((s) => (
        <Section key={s.id} section={s} outline={outline} pageName={pageName(s.pageId)} />
      ))}
      {looseGroups.map((g) => (
        <section key={g.key} className="wt-outline-section" data-outline-group>
          <h3 tabIndex={-1}>{t(`outline.groups.${g.key}`)}</h3>
          <Cards items={g.items} />
        </section>
      ))}
      <section className="wt-outline-section" data-outline-group data-kind="notes">
        <h3 tabIndex={-1}>{t('outline.groups.notes')}</h3>
        <Cards items={loose.notes.map((n) => ({ id: n.id, meaning: noteMeaning(n, t) }))} />
        {!readOnly && <AddForm label={t('outline.add.note')} onAdd={(text) => addFreeNote(editor, text)} />}
      </section>
    </>
  )
}
