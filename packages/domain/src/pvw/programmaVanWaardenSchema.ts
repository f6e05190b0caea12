import { z } from 'zod'
import { SEVERITIES } from '../findings.ts'
import { SCENARIOS } from '../method/sturingsinstrumenten.ts'
import { VALUE_KEYS } from '../method/values.ts'
import { AREA_PHASES, METHOD_PHASES } from '../phases/phases.ts'
import { CONTRIBUTION_KINDS, INVOLVEMENT_LEVELS, INVOLVEMENTS } from '../shapes/baathouderCardShape.ts'
import { SCHALEN, TYPE_OPGAVEN } from '../shapes/pvwFrameShape.ts'
import { SPANNINGEN_COLUMNS } from '../shapes/spanningenShape.ts'
import { BELEID_STATUSES } from '../shapes/valueCardShape.ts'
import {
  EMPTY_FINANCIERING,
  EMPTY_STURING,
  feitLineSchema,
  financieringSchema,
  juridischeBodemLineSchema,
  koppelkansLineSchema,
  monitoringRowSchema,
  onderbouwingLineSchema,
  sturingSchema,
  tenderSchema,
} from './spinePartsSchema.ts'

// The Programma van Waarden as data. Every line carries `sources`: the ids of the shapes it came from, so a
// reader of the document can always find the card behind a sentence. Bump PVW_VERSION on any breaking change.

export const PVW_FORMAT = 'waardentafel.pvw'
export const PVW_VERSION = 1

const sources = z.array(z.string())
export const lineSchema = z.object({ text: z.string(), sources })
export type Line = z.infer<typeof lineSchema>

export const VALUE_CLASSES = ['prioritair', 'secundair', 'vinger-aan-de-pols', 'ongeplaatst'] as const
export type ValueClass = (typeof VALUE_CLASSES)[number]

/**
 * The phase the board is in, which decides the words for the classes (handreiking, Quickscan stap 2 and
 * Kansenanalyse stap 4): in the Quickscan values are sturend / meekoppelen / vinger aan de pols; once the
 * waardenkompas is vastgesteld in the Kansenanalyse they are prioritair / secundair. The `klasse` keys stay
 * 'prioritair' / 'secundair' in both phases, so readers of the JSON need not know the phase.
 */
export const FASEN = ['quickscan', 'kansenanalyse'] as const
export type Fase = (typeof FASEN)[number]
const schil = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]).nullable()

export const valueLineSchema = z.object({
  valueId: z.string(),
  name: z.string(),
  valueKey: z.enum(VALUE_KEYS),
  klasse: z.enum(VALUE_CLASSES),
  twijfel: z.boolean(),
  explanation: z.string(),
  fysiek: z.string(),
  sociaal: z.string(),
  beleid: z.enum(BELEID_STATUSES),
  ambitions: z.array(z.string()),
  indicators: z.array(z.string()),
  sources,
})

export const tensionLineSchema = z.object({
  tensionId: z.string(),
  name: z.string(),
  gebiedsdeel: z.string(),
  status: z.enum([...SPANNINGEN_COLUMNS, 'ongeplaatst']),
  values: z.array(z.object({ valueId: z.string(), name: z.string() })),
  poles: z.array(z.object({ label: z.string(), upside: z.string(), downside: z.string() })),
  weighing: z.string(),
  decision: z.string(),
  sources,
})

export const ambitionLineSchema = z.object({
  valueId: z.string(),
  valueName: z.string(),
  text: z.string(),
  sources,
})

const contribution = z.object({
  kind: z.enum(CONTRIBUTION_KINDS),
  description: z.string(),
  conditions: z.string(),
})

export const baathouderLineSchema = z.object({
  baathouderId: z.string(),
  name: z.string(),
  organisation: z.string(),
  schil,
  involvement: z.enum(INVOLVEMENTS),
  baten: z.string(),
  trigger: z.string(),
  contributions: z.array(contribution),
  sources,
})

export const partASchema = z.object({
  ambitie: lineSchema.nullable(),
  horizonJaren: z.number().nullable(),
  dominanteOpgaven: z.array(lineSchema),
  voorWie: lineSchema.nullable(),
  nietDoen: lineSchema.nullable(),
  schets: z.object({
    typeOpgave: z.enum(TYPE_OPGAVEN).nullable(),
    schaal: z.enum(SCHALEN).nullable(),
    grondEigendom: lineSchema.nullable(),
    wieWoontWerkt: lineSchema.nullable(),
    beleid: lineSchema.nullable(),
    sources,
  }),
  aanvullingen: z.array(lineSchema),
})

export const partBSchema = z.object({
  prioritair: z.array(valueLineSchema),
  secundair: z.array(valueLineSchema),
  vingerAanDePols: z.array(valueLineSchema),
  ongeplaatst: z.array(valueLineSchema),
  spanningen: z.array(tensionLineSchema),
  ambities: z.array(ambitionLineSchema),
  feiten: z.array(feitLineSchema).default([]),
  onderbouwing: z.array(onderbouwingLineSchema).default([]),
  koppelkansen: z.array(koppelkansLineSchema).default([]),
})

export const betrokkenheidLineSchema = z.object({
  group: z.string(),
  level: z.enum(INVOLVEMENT_LEVELS),
  context: z.string(),
  sources,
})

export const partCSchema = z.object({
  opgehaald: z.array(lineSchema),
  invloedOpB: lineSchema.nullable(),
  betrokkenheid: z.array(betrokkenheidLineSchema),
  terugkoppeling: lineSchema.nullable(),
  toekomstigeGeneraties: lineSchema.nullable(),
  aanvullingen: z.array(lineSchema),
})

export const kernwaardeSchema = z.object({
  valueId: z.string(),
  name: z.string(),
  baathoudersPerSchil: z.array(z.object({ schil, baathouders: z.array(baathouderLineSchema) })),
  shareholders: z.array(baathouderLineSchema),
  sources,
})

const partyLine = z.object({ baathouderId: z.string(), name: z.string(), sources })

export const partDSchema = z.object({
  kernwaarden: z.array(kernwaardeSchema),
  /** Shareholders linked to no prioritaire value: kept, so nobody drops out of the document. */
  overigeShareholders: z.array(baathouderLineSchema),
  /**
   * Baathouder cards linked to no value card at all (cards added through the Overzicht start so): listed, so a
   * party placed in the schillendiagram is never missing from the document.
   */
  nietGekoppeld: z.array(baathouderLineSchema),
  gebiedscoalitie: z.array(partyLine),
  rentmeesters: z.array(partyLine),
  rentmeesterschap: lineSchema.nullable(),
})

export const partESchema = z.object({
  samenwerken: lineSchema.nullable(),
  besluitToets: lineSchema.nullable(),
  aanTafel: z.array(
    z.object({
      baathouderId: z.string(),
      name: z.string(),
      involvement: z.enum(INVOLVEMENTS),
      role: z.string().nullable(),
      level: z.enum(INVOLVEMENT_LEVELS).nullable(),
      sources,
    }),
  ),
  sturen: z.array(
    z.object({
      order: z.number(),
      instrument: z.string(),
      label: z.string(),
      scenario: z.enum(SCENARIOS),
      intent: z.string(),
      sources,
    }),
  ),
  rekenen: z.object({
    baten: lineSchema.nullable(),
    cofinanciering: lineSchema.nullable(),
    horizonJaren: z.number().nullable(),
    toelichting: lineSchema.nullable(),
    /** Money contributions on baathouder cards: the co-financing actually on the table. */
    geldbijdragen: z.array(
      z.object({ name: z.string(), description: z.string(), conditions: z.string(), sources }),
    ),
  }),
  financiering: financieringSchema.default(EMPTY_FINANCIERING),
  sturing: sturingSchema.default(EMPTY_STURING),
  aanvullingen: z.array(lineSchema),
})

export const partFSchema = z.object({
  knockOutCriteria: z.array(lineSchema),
  gunningscriteria: z.array(lineSchema),
  doorwerking: lineSchema.nullable(),
  kernindicatoren: z.array(
    z.object({
      name: z.string(),
      frequency: z.string(),
      reportTo: z.string(),
      values: z.array(z.string()),
      sources,
    }),
  ),
  ondertekenaars: z.array(z.object({ name: z.string(), zelfstandig: z.boolean(), sources })),
  rentmeesterschap: lineSchema.nullable(),
  borging: lineSchema.nullable(),
  tender: tenderSchema.nullable().default(null),
  juridischeBodem: z.array(juridischeBodemLineSchema).default([]),
  /** The kernindicator cards as the two-yearly report reads them, on the date the programme was built for. */
  monitoring: z.array(monitoringRowSchema).default([]),
  aanvullingen: z.array(lineSchema),
})

const perSchil = z.tuple([z.number(), z.number(), z.number(), z.number()])

export const waardenkompasSchema = z.object({
  values: z.array(
    z.object({
      valueId: z.string(),
      name: z.string(),
      klasse: z.enum(VALUE_CLASSES),
      current: z.number().nullable(),
      potential: z.number().nullable(),
      /** Number of baathouders (any involvement) per schil 1…4 linked to this value. */
      betrokkenheid: perSchil,
      shareholders: z.number(),
      sources,
    }),
  ),
  /** Baathouders (any involvement but stakeholder) per schil 1…4 that are linked to no value yet. */
  nietGekoppeld: z.object({ betrokkenheid: perSchil, sources }),
  /** All baathouders (any involvement but stakeholder) per schil 1…4, each counted once. */
  totaal: z.object({ betrokkenheid: perSchil, shareholders: z.number(), sources }),
})

export const quickscanSchema = z.object({
  gebied: z.object({
    naam: z.string(),
    typeOpgave: z.enum(TYPE_OPGAVEN).nullable(),
    schaal: z.enum(SCHALEN).nullable(),
    sources,
  }),
  sturend: z.array(z.string()),
  meekoppelen: z.array(z.string()),
  baathouders: z.array(
    z.object({
      baathouderId: z.string(),
      name: z.string(),
      schil,
      waarden: z.array(z.string()),
      baten: z.string(),
      sources,
    }),
  ),
})

export const findingSchema = z.object({
  code: z.string(),
  severity: z.enum(SEVERITIES),
  message: z.object({ nl: z.string(), en: z.string() }),
  cardIds: z.array(z.string()),
})

export const programmaVanWaardenSchema = z.object({
  format: z.literal(PVW_FORMAT),
  version: z.literal(PVW_VERSION),
  board: z.object({ id: z.string(), title: z.string(), createdAt: z.string().nullable() }),
  gebied: z.string(),
  fase: z.enum(FASEN),
  /** The project's phase in the method and in the area development, when known (workshop or caller). */
  procesfase: z.enum(METHOD_PHASES).nullable().default(null),
  gebiedsfase: z.enum(AREA_PHASES).nullable().default(null),
  /** The workshop details the document prints; names of people stay in the snapshot. */
  werksessie: z
    .object({ gemeente: z.string().optional(), gebied: z.string().optional(), datum: z.string().optional() })
    .nullable(),
  A: partASchema,
  B: partBSchema,
  C: partCSchema,
  D: partDSchema,
  E: partESchema,
  F: partFSchema,
  waardenkompas: waardenkompasSchema,
  quickscan: quickscanSchema,
  kwaliteitstoets: z.array(findingSchema),
  /** Problems found while reading the board (invalid or migrated cards). */
  invoer: z.array(findingSchema),
})

export type ProgrammaVanWaarden = z.infer<typeof programmaVanWaardenSchema>
export type ValueLine = z.infer<typeof valueLineSchema>
export type TensionLine = z.infer<typeof tensionLineSchema>
export type BaathouderLine = z.infer<typeof baathouderLineSchema>
export type PartA = z.infer<typeof partASchema>
export type PartB = z.infer<typeof partBSchema>
export type PartC = z.infer<typeof partCSchema>
export type PartD = z.infer<typeof partDSchema>
export type PartE = z.infer<typeof partESchema>
export type PartF = z.infer<typeof partFSchema>
export type Waardenkompas = z.infer<typeof waardenkompasSchema>
export type Quickscan = z.infer<typeof quickscanSchema>
