import { z } from 'zod'
import { SCENARIOS } from '../method/sturingsinstrumenten.ts'
import {
  GRONDBELEID_REGIMES,
  JURIDISCHE_BODEM_KEYS,
  PARCOURS_MOMENT_KEYS,
  TENDER_KEUZE_KEYS,
} from '../method/sturingskaders.ts'
import { TARGET_STATUSES, TRENDS } from '../monitoring/indicatorReport.ts'
import { AREA_PHASES } from '../phases/phases.ts'
import { FINANCIERING_ROUTES, LEVENSCYCLUS } from '../shapes/financieringCardShape.ts'
import { INDICATOR_DIRECTIONS } from '../shapes/kernindicatorCardShape.ts'
import { EVIDENCE_SOURCES } from '../shapes/spineFields.ts'
import { ANTWOORDEN, BODEM_STATUSES } from '../shapes/sturingCardShape.ts'

// What the process spine's cards add to the Programma van Waarden: the Kansenanalyse's evidence, koppelkansen and
// kompas justifications in B; financing and steering in E; the tender, the legal floor and monitoring in F. Every
// field has a default, so a PvW stored before these existed still reads.

const sources = z.array(z.string())
const valueRef = z.object({ valueId: z.string(), name: z.string() })

export const feitLineSchema = z.object({
  title: z.string(),
  values: z.array(valueRef),
  figures: z.array(
    z.object({
      label: z.string(),
      value: z.number().nullable(),
      unit: z.string(),
      source: z.enum(EVIDENCE_SOURCES),
      sourceNote: z.string(),
      date: z.string(),
    }),
  ),
  risks: z.array(z.string()),
  kansen: z.array(z.string()),
  sources,
})

export const onderbouwingLineSchema = z.object({
  valueId: z.string(),
  name: z.string(),
  current: z.number().nullable(),
  potential: z.number().nullable(),
  currentJustification: z.string(),
  currentSource: z.enum(EVIDENCE_SOURCES).nullable(),
  potentialJustification: z.string(),
  potentialSource: z.enum(EVIDENCE_SOURCES).nullable(),
  sourceNote: z.string(),
  sources,
})

export const koppelkansLineSchema = z.object({
  name: z.string(),
  description: z.string(),
  values: z.array(valueRef),
  baathouders: z.array(z.string()),
  beleidsdoel: z.string(),
  sources,
})

const route = z.enum(FINANCIERING_ROUTES).nullable()
const phase = z.enum(AREA_PHASES).nullable()

export const financieringSchema = z.object({
  bijdragen: z.array(
    z.object({
      description: z.string(),
      baathouder: z.string().nullable(),
      route,
      lifecycle: z.enum(LEVENSCYCLUS).nullable(),
      form: z.string().nullable(),
      amount: z.number().nullable(),
      phase,
      gebiedsfonds: z.boolean(),
      size: z.string().nullable(),
      conditions: z.string(),
      values: z.array(z.string()),
      sources,
    }),
  ),
  /** Known amounts (euro) per route and per area phase; `null` route or phase is "nog niet bepaald". */
  totalen: z.array(z.object({ route, phase, amount: z.number(), count: z.number() })),
  perRoute: z.object({ grex: z.number(), cofinanciering: z.number(), onbepaald: z.number() }),
  gebiedsfonds: z.object({ amount: z.number(), groot: z.number(), klein: z.number() }),
  wringt: z.array(z.object({ text: z.string(), sources })),
})

export const sturingSchema = z.object({
  beleidstoets: z.array(
    z.object({
      vraag: z.string(),
      answer: z.enum(ANTWOORDEN).nullable(),
      zorg: z.boolean(),
      note: z.string(),
      sources,
    }),
  ),
  grondbeleid: z
    .object({
      regime: z.enum(GRONDBELEID_REGIMES).nullable(),
      instruments: z.array(z.object({ onderwerp: z.string(), text: z.string() })),
      note: z.string(),
      sources,
    })
    .nullable(),
  parcours: z.array(
    z.object({
      order: z.number(),
      key: z.enum(PARCOURS_MOMENT_KEYS),
      moment: z.string(),
      instrument: z.string(),
      clause: z.string(),
      when: z.string(),
      sources,
    }),
  ),
  scenario: z.object({ scenario: z.enum(SCENARIOS).nullable(), note: z.string(), sources }).nullable(),
})

export const tenderSchema = z.object({
  keuzes: z.array(
    z.object({
      keuze: z.enum(TENDER_KEUZE_KEYS),
      label: z.string(),
      note: z.string(),
      /** Award criteria derived from the waardenkompas for this choice. */
      gunningscriteria: z.array(z.string()),
      sources,
    }),
  ),
  zwakste: z.array(z.object({ valueId: z.string(), name: z.string(), current: z.number() })),
  sterkste: z.array(z.object({ valueId: z.string(), name: z.string(), current: z.number() })),
})

export const juridischeBodemLineSchema = z.object({
  item: z.enum(JURIDISCHE_BODEM_KEYS),
  label: z.string(),
  status: z.enum(BODEM_STATUSES),
  note: z.string(),
  sources,
})

const measurement = z.object({ date: z.string(), value: z.number(), note: z.string() })

export const monitoringRowSchema = z.object({
  name: z.string(),
  unit: z.string(),
  direction: z.enum(INDICATOR_DIRECTIONS),
  owner: z.string(),
  baseline: measurement.nullable(),
  target: z.number().nullable(),
  targetDate: z.string(),
  latest: measurement.nullable(),
  previous: measurement.nullable(),
  trend: z.enum(TRENDS),
  targetStatus: z.enum(TARGET_STATUSES),
  nextDue: z.string().nullable(),
  overdue: z.boolean(),
  sources,
})

export const EMPTY_FINANCIERING: z.infer<typeof financieringSchema> = {
  bijdragen: [],
  totalen: [],
  perRoute: { grex: 0, cofinanciering: 0, onbepaald: 0 },
  gebiedsfonds: { amount: 0, groot: 0, klein: 0 },
  wringt: [],
}

export const EMPTY_STURING: z.infer<typeof sturingSchema> = {
  beleidstoets: [],
  grondbeleid: null,
  parcours: [],
  scenario: null,
}

export type FeitLine = z.infer<typeof feitLineSchema>
export type OnderbouwingLine = z.infer<typeof onderbouwingLineSchema>
export type KoppelkansLine = z.infer<typeof koppelkansLineSchema>
export type Financiering = z.infer<typeof financieringSchema>
export type Sturing = z.infer<typeof sturingSchema>
export type Tender = z.infer<typeof tenderSchema>
export type JuridischeBodemLine = z.infer<typeof juridischeBodemLineSchema>
export type MonitoringRow = z.infer<typeof monitoringRowSchema>
