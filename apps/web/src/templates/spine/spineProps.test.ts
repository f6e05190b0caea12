import {
  EVIDENCE_CARD_TYPE,
  evidenceCardShape,
  FINANCIERING_CARD_TYPE,
  financieringCardShape,
  KERNINDICATOR_CARD_TYPE,
  KOMPAS_ONDERBOUWING_TYPE,
  KOPPELKANS_CARD_TYPE,
  kernindicatorCardShape,
  kompasOnderbouwingShape,
  koppelkansCardShape,
  STURING_DEFAULT_PROPS,
  STURING_KINDS,
  sturingCardShape,
} from '@waardentafel/domain'
import { T } from 'tldraw'
import { describe, expect, it } from 'vitest'
import type { z } from 'zod'
import { cardFace, type FaceContext } from './cardFace.ts'
import { spineNl } from './spineMessages.ts'
import {
  evidenceCardProps,
  financieringCardProps,
  kernindicatorCardProps,
  kompasOnderbouwingProps,
  koppelkansCardProps,
  sturingCardProps,
  sturingPropsValidator,
} from './spineProps.ts'
import type { SpineCardShape } from './spineShapeTypes.ts'

// The spine's tldraw validators are a second spelling of the domain's zod schemas: same fields, and the same
// verdict on valid props and on a set of wrong ones, so what the domain would refuse never lands on a board.

type Validators = Record<string, T.Validatable<unknown>>

const cases = [
  { def: evidenceCardShape, type: EVIDENCE_CARD_TYPE, props: evidenceCardProps },
  { def: kompasOnderbouwingShape, type: KOMPAS_ONDERBOUWING_TYPE, props: kompasOnderbouwingProps },
  { def: koppelkansCardShape, type: KOPPELKANS_CARD_TYPE, props: koppelkansCardProps },
  { def: financieringCardShape, type: FINANCIERING_CARD_TYPE, props: financieringCardProps },
  { def: kernindicatorCardShape, type: KERNINDICATOR_CARD_TYPE, props: kernindicatorCardProps },
] as const

const validator = (props: object) => T.object(props as Validators)

/** Wrong values per field kind, plus the limits the spine's schemas add (lengths, dates, amounts). */
function mutations(props: Record<string, unknown>): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = []
  for (const [key, value] of Object.entries(props)) {
    const wrong: unknown[] =
      typeof value === 'number'
        ? [0, -1, '1', Number.NaN, Number.POSITIVE_INFINITY]
        : typeof value === 'string'
          ? [1, null, 'x'.repeat(5000)]
          : typeof value === 'boolean'
            ? ['true', null]
            : value === null
              ? ['x', -5, 1e13, 1.5, {}, { date: '', value: 1, note: '' }]
              : [undefined, 'x', 7, Array(1001).fill('a')]
    for (const w of wrong) out.push({ ...props, [key]: w })
  }
  return out
}

/** A card with every field filled in as a person would, including the nested rows. */
const filled: Record<string, Record<string, unknown>> = {
  [EVIDENCE_CARD_TYPE]: {
    ...evidenceCardShape.defaultProps(),
    valueIds: ['shape:v1'],
    figures: [
      {
        label: 'Hittestress',
        value: 38.5,
        unit: '°C',
        source: 'atlas-leefomgeving',
        sourceNote: '',
        date: '2025-06',
      },
    ],
    risks: ['Hitte'],
  },
  [FINANCIERING_CARD_TYPE]: {
    ...financieringCardShape.defaultProps(),
    route: 'cofinanciering',
    amount: 250_000,
    phase: 'realisatie',
    lifecycle: 'beheerkosten',
    size: 'groot',
  },
  [KERNINDICATOR_CARD_TYPE]: {
    ...kernindicatorCardShape.defaultProps(),
    baseline: { date: '2025', value: 12, note: '' },
    target: 30,
    targetDate: '2030',
    intervalYears: 2,
    measurements: [{ date: '2027-04', value: 18, note: 'voorjaar' }],
  },
}

describe('[SW1] the spine cards’ tldraw validators mirror the domain’s zod schemas', () => {
  for (const c of cases) {
    it(`[SW1] ${c.type}: same fields, defaults and filled cards valid in both, same verdict on wrong values`, () => {
      expect(Object.keys(c.props).sort()).toEqual(
        Object.keys((c.def.propsSchema as unknown as z.ZodObject).shape).sort(),
      )
      const samples = [
        c.def.defaultProps() as Record<string, unknown>,
        ...(filled[c.type] ? [filled[c.type]!] : []),
      ]
      for (const sample of samples) {
        expect(c.def.propsSchema.safeParse(sample).success).toBe(true)
        expect(validator(c.props).isValid(sample)).toBe(true)
        for (const candidate of mutations(sample)) {
          const byZod = c.def.propsSchema.safeParse(candidate).success
          const byTldraw = validator(c.props).isValid(candidate)
          expect({ candidate, byTldraw }).toEqual({ candidate, byTldraw: byZod })
        }
      }
    })
  }

  it('[SW1] sturing card: each kind’s defaults pass both, and the exact union refuses what zod refuses', () => {
    for (const kind of STURING_KINDS) {
      const props = STURING_DEFAULT_PROPS[kind]() as Record<string, unknown>
      expect(sturingCardShape.propsSchema.safeParse(props).success).toBe(true)
      expect(validator(sturingCardProps).isValid(props)).toBe(true)
      expect(sturingPropsValidator.isValid(props)).toBe(true)
      for (const candidate of [...mutations(props), { ...props, kind: 'anders' }]) {
        const byZod = sturingCardShape.propsSchema.safeParse(candidate).success
        // The exact union decides like zod; the record validator (fields optional) may only be looser.
        expect({ candidate, exact: sturingPropsValidator.isValid(candidate) }).toEqual({
          candidate,
          exact: byZod,
        })
        if (byZod) expect(validator(sturingCardProps).isValid(candidate)).toBe(true)
      }
      // Stricter than zod, which would strip it: a field of another kind never rides along.
      const other = kind === 'grondbeleid' ? { scenario: null } : { regime: 'actief' }
      expect(sturingPropsValidator.isValid({ ...props, ...other })).toBe(false)
    }
  })
})

/** i18next's lookup over the Dutch messages, enough for the card face. */
function dutch(key: string, options: Record<string, unknown> = {}): string {
  const path = key.replace(/^spine\./, '').split('.')
  const count = options.count
  const pick = (o: unknown, k: string) => (o as Record<string, unknown> | undefined)?.[k]
  let node: unknown = spineNl
  for (const [i, part] of path.entries()) {
    const last = i === path.length - 1
    node =
      last && typeof count === 'number'
        ? (pick(node, `${part}_${count === 1 ? 'one' : 'other'}`) ?? pick(node, part))
        : pick(node, part)
  }
  if (typeof node !== 'string') throw new Error(`no message ${key}`)
  return node.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(options[name]))
}

const ctx: FaceContext = {
  t: dutch,
  language: 'nl',
  valueName: (id) => ({ 'shape:a': 'Vergroenen', 'shape:b': 'Sociale cohesie' })[id] ?? null,
}
const shape = (type: string, props: Record<string, unknown>) =>
  ({ id: 'shape:x', type, props }) as unknown as SpineCardShape

describe('[SW2] a spine card’s face says what it is in words', () => {
  it('[SW2] polaroid, koppelkans, financiering and kernindicator read with their values, figures and amounts', () => {
    expect(
      cardFace(
        shape(EVIDENCE_CARD_TYPE, { ...filled[EVIDENCE_CARD_TYPE]!, valueIds: ['shape:a', 'shape:gone'] }),
        ctx,
      ),
    ).toEqual({
      label: 'Feit (polaroid) · Vergroenen',
      name: 'Vergroenen',
      lines: ['Hittestress: 38,5 °C (Atlas Leefomgeving, 2025-06)'],
    })
    expect(
      cardFace(
        shape(KOPPELKANS_CARD_TYPE, {
          ...koppelkansCardShape.defaultProps(),
          valueIds: ['shape:a', 'shape:b'],
        }),
        ctx,
      ),
    ).toEqual({ label: 'Koppelkans', name: 'Vergroenen + Sociale cohesie', lines: [] })
    const geld = cardFace(shape(FINANCIERING_CARD_TYPE, filled[FINANCIERING_CARD_TYPE]!), ctx)
    expect(geld.label).toBe('Financiering · Route 2')
    expect(geld.name.replace(/\s/g, ' ')).toBe('€ 250.000')
    expect(geld.lines).toEqual(['Beheerkosten · Realisatie'])
    expect(
      cardFace(
        shape(KERNINDICATOR_CARD_TYPE, { ...filled[KERNINDICATOR_CARD_TYPE]!, name: 'Bomen', unit: '%' }),
        ctx,
      ),
    ).toEqual({
      label: 'Kernindicator',
      name: 'Bomen',
      lines: [
        'Nulmeting: 12 % (2025)',
        'Streefwaarde: 30 % (2030)',
        'Laatste meting: 18 % (2027-04) · op weg',
      ],
    })
  })

  it('[SW2] a sturing card names its kind and state; "waar het systeem wringt" says so', () => {
    const toets = STURING_DEFAULT_PROPS.beleidstoets()
    toets.answers[0]!.answer = 'ja'
    expect(cardFace(shape('wt-sturing-card', toets), ctx)).toEqual({
      label: 'Sturing · Beleidstoets',
      name: '1 van 4 kernvragen beantwoord',
      lines: [],
    })
    const wringt = {
      ...financieringCardShape.defaultProps(),
      kind: 'wringt',
      description: 'Groen valt buiten de grex\nmeer',
    }
    expect(cardFace(shape(FINANCIERING_CARD_TYPE, wringt), ctx)).toEqual({
      label: 'Waar het systeem wringt',
      name: 'Groen valt buiten de grex',
      lines: [],
    })
  })
})

describe('[SW8] a sturing card forged without its kind’s fields', () => {
  it('[SW8] passes tldraw’s per-field check but reads as unreadable instead of breaking the canvas', () => {
    const forged = { kind: 'beleidstoets', w: 360, h: 260 }
    expect(validator(sturingCardProps).isValid(forged)).toBe(true)
    expect(sturingPropsValidator.isValid(forged)).toBe(false)
    expect(cardFace(shape('wt-sturing-card', forged), ctx)).toEqual({
      label: 'Sturing',
      name: 'Kaart onleesbaar',
      lines: [],
    })
  })
})
