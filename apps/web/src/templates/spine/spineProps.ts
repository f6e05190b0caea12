import {
  ANTWOORDEN,
  AREA_PHASES,
  BIJDRAGE_OMVANG,
  BIJDRAGE_VORMEN,
  BODEM_STATUSES,
  EVIDENCE_SOURCES,
  type EvidenceCardProps,
  FINANCIERING_KINDS,
  FINANCIERING_ROUTES,
  type FinancieringCardProps,
  GRONDBELEID_INSTRUMENTEN,
  GRONDBELEID_REGIMES,
  INDICATOR_DIRECTIONS,
  JURIDISCHE_BODEM,
  KERNVRAGEN,
  type KernindicatorCardProps,
  type KompasOnderbouwingProps,
  type KoppelkansCardProps,
  LEVENSCYCLUS,
  PARCOURS_MOMENTEN,
  SCENARIOS,
  STURING_KINDS,
  TENDER_KEUZES,
} from '@waardentafel/domain'
import { T } from 'tldraw'
import { oneOf, positive } from '../schema/validators.ts'

// tldraw validators for the spine's cards, field by field the same as the domain's zod schemas
// (packages/domain/src/shapes/*Card*.ts); spineProps.test.ts checks that the two agree on valid and invalid props.
// tldraw runs them on every write, local or from the network, so a prop the domain would refuse never lands.

const keys = <K extends string>(rows: readonly { key: K }[]) => rows.map((r) => r.key) as [K, ...K[]]

/** z.string().max(n). */
function text(max: number): T.Validator<string> {
  return T.string.check(`≤ ${max} characters`, (s) => {
    if (s.length > max) throw new Error(`Expected at most ${max} characters, got ${s.length}`)
  })
}

/** z.array(item).max(n). */
function arrayMax<I>(item: T.Validatable<I>, max: number): T.Validator<I[]> {
  return T.arrayOf(item).check(`≤ ${max} items`, (items) => {
    if (items.length > max) throw new Error(`Expected at most ${max} items, got ${items.length}`)
  })
}

/** The domain's partialDateSchema: '', yyyy, yyyy-mm or yyyy-mm-dd. */
const PARTIAL_DATE = /^(\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?)?$/
const partialDate = T.string.check('partial date', (s) => {
  if (!PARTIAL_DATE.test(s)) throw new Error(`Expected yyyy, yyyy-mm or yyyy-mm-dd, got "${s}"`)
})
const datedOnly = partialDate.check('dated', (s) => {
  if (s === '') throw new Error('A measurement has a date')
})

/** z.number().finite(): T.number already refuses NaN and ±Infinity. */
const figure = T.number
const valueIds = arrayMax(T.string, 100)
const source = oneOf(EVIDENCE_SOURCES)

const figureRow = T.object({
  label: text(500),
  value: figure.nullable(),
  unit: text(50),
  source,
  sourceNote: text(500),
  date: partialDate,
})

export const evidenceCardProps = {
  valueIds,
  title: text(500),
  figures: arrayMax(figureRow, 500),
  risks: arrayMax(text(2000), 100),
  kansen: arrayMax(text(2000), 100),
  w: positive,
  h: positive,
} satisfies { [K in keyof EvidenceCardProps]: T.Validatable<EvidenceCardProps[K]> }

export const kompasOnderbouwingProps = {
  valueIds,
  currentJustification: text(4000),
  currentSource: source.nullable(),
  potentialJustification: text(4000),
  potentialSource: source.nullable(),
  sourceNote: text(1000),
  w: positive,
  h: positive,
} satisfies { [K in keyof KompasOnderbouwingProps]: T.Validatable<KompasOnderbouwingProps[K]> }

export const koppelkansCardProps = {
  name: text(500),
  description: text(4000),
  valueIds,
  baathouderIds: arrayMax(T.string, 100),
  beleidsdoel: text(1000),
  w: positive,
  h: positive,
} satisfies { [K in keyof KoppelkansCardProps]: T.Validatable<KoppelkansCardProps[K]> }

const amount = T.number.check('0 … 10¹²', (n) => {
  if (n < 0 || n > 1e12) throw new Error(`Expected an amount from 0 to 10^12, got ${n}`)
})

export const financieringCardProps = {
  kind: oneOf(FINANCIERING_KINDS),
  route: oneOf(FINANCIERING_ROUTES).nullable(),
  lifecycle: oneOf(LEVENSCYCLUS).nullable(),
  form: oneOf(BIJDRAGE_VORMEN).nullable(),
  amount: amount.nullable(),
  phase: oneOf(AREA_PHASES).nullable(),
  baathouderId: T.string.nullable(),
  valueIds,
  gebiedsfonds: T.boolean,
  size: oneOf(BIJDRAGE_OMVANG).nullable(),
  description: text(4000),
  conditions: text(4000),
  w: positive,
  h: positive,
} satisfies { [K in keyof FinancieringCardProps]: T.Validatable<FinancieringCardProps[K]> }

const measurement = T.object({ date: datedOnly, value: figure, note: text(1000) })
const intervalYears = T.integer.check('1 … 50', (n) => {
  if (n < 1 || n > 50) throw new Error(`Expected 1 to 50 years, got ${n}`)
})

export const kernindicatorCardProps = {
  name: text(500),
  valueIds,
  unit: text(50),
  direction: oneOf(INDICATOR_DIRECTIONS),
  baseline: measurement.nullable(),
  target: figure.nullable(),
  targetDate: partialDate,
  frequency: text(200),
  intervalYears: intervalYears.nullable(),
  owner: text(200),
  reportTo: text(500),
  source: source.nullable(),
  measurements: arrayMax(measurement, 1000),
  w: positive,
  h: positive,
} satisfies { [K in keyof KernindicatorCardProps]: T.Validatable<KernindicatorCardProps[K]> }

// The sturing card is a discriminated union on `kind`. tldraw validates props key by key, so (as for the PvW
// frame, schema/structureProps.ts) every kind's fields are optional in the record validator and
// sturingPropsValidator is the exact union; the app only writes whole, kind-consistent props.
const note = text(4000)
const kernvraag = oneOf(keys(KERNVRAGEN))
const sturingFields = {
  beleidstoets: {
    answers: arrayMax(
      T.object({ vraag: kernvraag, answer: oneOf(ANTWOORDEN).nullable(), note }),
      KERNVRAGEN.length,
    ),
  },
  grondbeleid: {
    regime: oneOf(GRONDBELEID_REGIMES).nullable(),
    instruments: arrayMax(oneOf(keys(GRONDBELEID_INSTRUMENTEN)), GRONDBELEID_INSTRUMENTEN.length),
    note,
  },
  parcours: {
    moments: arrayMax(
      T.object({
        moment: oneOf(keys(PARCOURS_MOMENTEN)),
        instrument: text(200),
        clause: text(4000),
        when: text(50),
      }),
      50,
    ),
  },
  scenario: { scenario: oneOf(SCENARIOS).nullable(), note },
  tender: {
    choices: arrayMax(T.object({ keuze: oneOf(keys(TENDER_KEUZES)), note }), TENDER_KEUZES.length),
  },
  juridisch: {
    items: arrayMax(
      T.object({ item: oneOf(keys(JURIDISCHE_BODEM)), status: oneOf(BODEM_STATUSES), note }),
      JURIDISCHE_BODEM.length,
    ),
  },
} as const

const optionalSturingFields: Record<string, T.Validatable<unknown>> = {}
for (const fields of Object.values(sturingFields)) {
  for (const [key, validator] of Object.entries(fields)) {
    optionalSturingFields[key] = (validator as T.Validator<unknown>).optional()
  }
}

export const sturingCardProps = {
  kind: oneOf(STURING_KINDS),
  w: positive,
  h: positive,
  ...optionalSturingFields,
} as Record<string, T.Validatable<unknown>>

const size = { w: positive, h: positive }
/** The exact union: kind, size and precisely that kind's fields. */
export const sturingPropsValidator = T.union('kind', {
  beleidstoets: T.object({ kind: T.literal('beleidstoets'), ...size, ...sturingFields.beleidstoets }),
  grondbeleid: T.object({ kind: T.literal('grondbeleid'), ...size, ...sturingFields.grondbeleid }),
  parcours: T.object({ kind: T.literal('parcours'), ...size, ...sturingFields.parcours }),
  scenario: T.object({ kind: T.literal('scenario'), ...size, ...sturingFields.scenario }),
  tender: T.object({ kind: T.literal('tender'), ...size, ...sturingFields.tender }),
  juridisch: T.object({ kind: T.literal('juridisch'), ...size, ...sturingFields.juridisch }),
})
