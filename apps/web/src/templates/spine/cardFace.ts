import {
  AREA_PHASE_LABELS,
  EVIDENCE_SOURCE_LABELS,
  indicatorReport,
  JURIDISCHE_BODEM,
  KERNVRAGEN,
} from '@waardentafel/domain'
import { sturingPropsValidator } from './spineProps.ts'
import type { SpineCardShape } from './spineShapeTypes.ts'

// What a spine card shows on the canvas: a label line (its type, and its state where it has one), a name and at
// most three short lines. Pure, so the face can be tested without a canvas; text only, so it reads on a projector
// and without colour.

export type CardFace = { label: string; name: string; lines: string[] }

export type FaceContext = {
  /** i18next's t, scoped to nothing: keys are full (`spine.card.current`). */
  t: (key: string, options?: Record<string, unknown>) => string
  language: string
  /** The name of a value card, or null when that card is gone. */
  valueName: (id: string) => string | null
}

export function valueNames(ids: readonly string[], ctx: FaceContext): string[] {
  return ids.flatMap((id) => {
    const name = ctx.valueName(id)
    return name === null ? [] : [name]
  })
}

function num(n: number, ctx: FaceContext): string {
  return new Intl.NumberFormat(ctx.language === 'en' ? 'en-GB' : 'nl-NL', {
    maximumFractionDigits: 2,
  }).format(n)
}

function withUnit(n: number, unit: string, ctx: FaceContext): string {
  return unit.trim() ? `${num(n, ctx)} ${unit.trim()}` : num(n, ctx)
}

function euros(n: number, ctx: FaceContext): string {
  return new Intl.NumberFormat(ctx.language === 'en' ? 'en-GB' : 'nl-NL', {
    style: 'currency',
    currency: 'EUR',
    maximumFractionDigits: 0,
  }).format(n)
}

const clip = (s: string) => {
  const line = s.trim().split('\n')[0] ?? ''
  return line.length > 90 ? `${line.slice(0, 89)}…` : line
}

export function cardFace(shape: SpineCardShape, ctx: FaceContext): CardFace {
  const { t } = ctx
  const type = t(`spine.types.${shape.type}`)
  switch (shape.type) {
    case 'wt-evidence-card': {
      const p = shape.props
      const values = valueNames(p.valueIds, ctx)
      const lines = p.figures.slice(0, 3).map((f) => {
        const figure = f.value === null ? '—' : withUnit(f.value, f.unit, ctx)
        const source = [EVIDENCE_SOURCE_LABELS[f.source], f.date].filter(Boolean).join(', ')
        return `${f.label.trim() || t('spine.fields.figures')}: ${figure} (${source})`
      })
      if (p.figures.length > 3) lines.push(t('spine.card.figures', { count: p.figures.length }))
      return {
        label: `${type} · ${values.join(', ') || t('spine.card.noValue')}`,
        name: p.title.trim() || values.join(', ') || type,
        lines,
      }
    }
    case 'wt-kompas-onderbouwing': {
      const p = shape.props
      const values = valueNames(p.valueIds, ctx)
      const lines: string[] = []
      if (p.currentJustification.trim())
        lines.push(`${t('spine.card.current')}: ${clip(p.currentJustification)}`)
      if (p.potentialJustification.trim())
        lines.push(`${t('spine.card.potential')}: ${clip(p.potentialJustification)}`)
      return { label: type, name: values.join(', ') || t('spine.card.noValue'), lines }
    }
    case 'wt-koppelkans-card': {
      const p = shape.props
      const values = valueNames(p.valueIds, ctx).join(' + ')
      const lines = [p.name.trim() ? values : '', clip(p.description)].filter(Boolean)
      return { label: type, name: p.name.trim() || values || t('spine.card.noValue'), lines }
    }
    case 'wt-financiering-card': {
      const p = shape.props
      if (p.kind === 'wringt')
        return { label: t('spine.card.wringt'), name: clip(p.description) || type, lines: [] }
      const label = [type, p.route && t(`spine.routesShort.${p.route}`)].filter(Boolean).join(' · ')
      const amount = p.amount === null ? t('spine.card.noAmount') : euros(p.amount, ctx)
      const detail = [
        p.lifecycle && t(`spine.lifecycle.${p.lifecycle}`),
        p.phase && AREA_PHASE_LABELS[p.phase][ctx.language === 'en' ? 'en' : 'nl'],
        p.gebiedsfonds && t('spine.fields.gebiedsfonds'),
      ].filter(Boolean)
      return {
        label,
        name: amount,
        lines: [clip(p.description), detail.join(' · ')].filter(Boolean),
      }
    }
    case 'wt-sturing-card':
      // tldraw checks this card's fields one by one (each kind's optional), so a modified client can send a kind
      // without its fields; the exact union decides whether the face can be read at all.
      if (!sturingPropsValidator.isValid(shape.props))
        return { label: type, name: t('spine.card.unreadable'), lines: [] }
      return { label: `${type} · ${t(`spine.sturing.${shape.props.kind}`)}`, ...sturingFace(shape, ctx) }
    case 'wt-kernindicator-card': {
      const p = shape.props
      const values = valueNames(p.valueIds, ctx)
      const lines: string[] = []
      if (p.baseline)
        lines.push(
          `${t('spine.card.baseline')}: ${withUnit(p.baseline.value, p.unit, ctx)}${p.baseline.date ? ` (${p.baseline.date})` : ''}`,
        )
      if (p.target !== null)
        lines.push(
          `${t('spine.card.target')}: ${withUnit(p.target, p.unit, ctx)}${p.targetDate ? ` (${p.targetDate})` : ''}`,
        )
      // The latest measurement and where it stands against the streefwaarde, as the two-yearly report says it.
      const [row] = indicatorReport([{ id: shape.id, props: { ...p, name: p.name || '-' } }], '9999-12-31')
      if (row?.latest)
        lines.push(
          `${t('spine.card.latest')}: ${withUnit(row.latest.value, p.unit, ctx)} (${row.latest.date})${row.targetStatus === 'onbekend' ? '' : ` · ${t(`spine.targetStatus.${row.targetStatus}`)}`}`,
        )
      return { label: [type, ...values].join(' · '), name: p.name.trim() || type, lines }
    }
  }
}

function sturingFace(shape: Extract<SpineCardShape, { type: 'wt-sturing-card' }>, ctx: FaceContext) {
  const { t } = ctx
  const p = shape.props
  switch (p.kind) {
    case 'beleidstoets': {
      const answered = p.answers.filter((a) => a.answer !== null).length
      return { name: t('spine.card.answered', { count: answered, total: KERNVRAGEN.length }), lines: [] }
    }
    case 'grondbeleid':
      return {
        name: p.regime ? t(`spine.regimes.${p.regime}`) : t('spine.card.unchosen'),
        lines: [clip(p.note)].filter(Boolean),
      }
    case 'parcours':
      return {
        name: t('spine.card.moments', { count: p.moments.length }),
        lines: p.moments
          .slice(0, 3)
          .map((m) => m.instrument.trim())
          .filter(Boolean),
      }
    case 'scenario':
      return {
        name: p.scenario ? t(`spine.scenarios.${p.scenario}`) : t('spine.card.unchosen'),
        lines: [clip(p.note)].filter(Boolean),
      }
    case 'tender':
      return { name: t('spine.card.choices', { count: p.choices.length }), lines: [] }
    case 'juridisch': {
      const settled = p.items.filter(
        (i) => i.status === 'geregeld' || i.status === 'niet-van-toepassing',
      ).length
      return { name: t('spine.card.settled', { count: settled, total: JURIDISCHE_BODEM.length }), lines: [] }
    }
  }
}
