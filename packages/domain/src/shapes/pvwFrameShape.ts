import { z } from 'zod'
import { SCENARIOS } from '../method/sturingsinstrumenten.ts'
import { INVOLVEMENT_LEVELS } from './baathouderCardShape.ts'
import type { Props } from './migrations.ts'
import { initialMigration, shapeMigrationId } from './migrations.ts'
import type { ShapeDefinition } from './ShapeDefinition.ts'
import { PVW_FRAME_TYPE } from './shapeTypes.ts'

// A frame holding the parts of the Programma van Waarden that are written rather than placed: A (from the
// Quickscan sketch), C (leefwereld), E (samenwerken, sturen, rekenen) and F (borging). B and D come from the
// prioritering, spanningen and schillen boards. tldraw notes whose centre lies inside a frame add free entries.

export const PVW_FRAME_PARTS = ['A', 'C', 'E', 'F'] as const
export type PvwFramePart = (typeof PVW_FRAME_PARTS)[number]

export const TYPE_OPGAVEN = [
  'uitbreiding-grootschalig',
  'inbreiding-kleinschalig',
  'transformatie-renovatie',
] as const
export const SCHALEN = ['lokaal', 'regionaal', 'landelijk'] as const

const size = { w: z.number().positive(), h: z.number().positive() }

export const pvwFrameAPropsSchema = z.object({
  part: z.literal('A'),
  ...size,
  typeOpgave: z.enum(TYPE_OPGAVEN).nullable(),
  schaal: z.enum(SCHALEN).nullable(),
  grondEigendom: z.string(),
  wieWoontWerkt: z.string(),
  beleid: z.string(),
  /** What this area must and can mean for society; the core of part A. */
  ambitie: z.string(),
  horizonJaren: z.number().int().positive().nullable(),
  dominanteOpgaven: z.array(z.string()),
  /** Which type of neighbourhood, for whom. */
  voorWie: z.string(),
  /** What will explicitly not be done here. */
  nietDoen: z.string(),
})

export const betrokkenheidSchema = z.object({
  group: z.string(),
  level: z.enum(INVOLVEMENT_LEVELS),
  /** Phase or topic the level applies to (scenariofase, inrichting openbare ruimte, ...). */
  context: z.string(),
})

export const pvwFrameCPropsSchema = z.object({
  part: z.literal('C'),
  ...size,
  opgehaald: z.array(z.string()),
  betrokkenheid: z.array(betrokkenheidSchema),
  terugkoppeling: z.string(),
  toekomstigeGeneraties: z.string(),
  invloedOpB: z.string(),
})

export const instrumentChoiceSchema = z.object({
  /** A key of STURINGSINSTRUMENTEN, or a free name for an instrument the library lacks. */
  instrument: z.string(),
  scenario: z.enum(SCENARIOS),
  intent: z.string(),
})

export const pvwFrameEPropsSchema = z.object({
  part: z.literal('E'),
  ...size,
  samenwerken: z.string(),
  besluitToets: z.string(),
  /** Chosen steering instruments, in the order they are used. */
  instruments: z.array(instrumentChoiceSchema),
  rekenenBaten: z.string(),
  rekenenCofinanciering: z.string(),
  rekenenHorizonJaren: z.number().int().positive().nullable(),
  rekenenToelichting: z.string(),
})

export const kernindicatorSchema = z.object({
  name: z.string(),
  frequency: z.string(),
  reportTo: z.string(),
  /** Shape ids of the value cards the indicator monitors. */
  valueIds: z.array(z.string()),
})

export const pvwFrameFPropsSchema = z.object({
  part: z.literal('F'),
  ...size,
  knockOutCriteria: z.array(z.string()),
  gunningscriteria: z.array(z.string()),
  doorwerking: z.string(),
  kernindicatoren: z.array(kernindicatorSchema),
  /** Signatories without a baathouder card; cards with `signatory: true` are added automatically. */
  extraSignatories: z.array(z.string()),
  rentmeesterschap: z.string(),
  /** How the programme survives a change of wethouder, projectleider or ontwikkelaar. */
  borging: z.string(),
})

export const pvwFramePropsSchema = z.discriminatedUnion('part', [
  pvwFrameAPropsSchema,
  pvwFrameCPropsSchema,
  pvwFrameEPropsSchema,
  pvwFrameFPropsSchema,
])

export type PvwFrameAProps = z.infer<typeof pvwFrameAPropsSchema>
export type PvwFrameCProps = z.infer<typeof pvwFrameCPropsSchema>
export type PvwFrameEProps = z.infer<typeof pvwFrameEPropsSchema>
export type PvwFrameFProps = z.infer<typeof pvwFrameFPropsSchema>
export type PvwFrameProps = z.infer<typeof pvwFramePropsSchema>

export const PVW_FRAME_DEFAULT_PROPS: {
  readonly A: () => PvwFrameAProps
  readonly C: () => PvwFrameCProps
  readonly E: () => PvwFrameEProps
  readonly F: () => PvwFrameFProps
} = {
  A: () => ({
    part: 'A',
    w: 1000,
    h: 800,
    typeOpgave: null,
    schaal: null,
    grondEigendom: '',
    wieWoontWerkt: '',
    beleid: '',
    ambitie: '',
    horizonJaren: null,
    dominanteOpgaven: [],
    voorWie: '',
    nietDoen: '',
  }),
  C: () => ({
    part: 'C',
    w: 1000,
    h: 800,
    opgehaald: [],
    betrokkenheid: [],
    terugkoppeling: '',
    toekomstigeGeneraties: '',
    invloedOpB: '',
  }),
  E: () => ({
    part: 'E',
    w: 1000,
    h: 800,
    samenwerken: '',
    besluitToets: '',
    instruments: [],
    rekenenBaten: '',
    rekenenCofinanciering: '',
    rekenenHorizonJaren: null,
    rekenenToelichting: '',
  }),
  F: () => ({
    part: 'F',
    w: 1000,
    h: 800,
    knockOutCriteria: [],
    gunningscriteria: [],
    doorwerking: '',
    kernindicatoren: [],
    extraSignatories: [],
    rentmeesterschap: '',
    borging: '',
  }),
}

/** Defaults follow the record's own `part`; a frame without a valid part gets part A's. */
export function pvwFrameDefaultProps(part: unknown = 'A'): PvwFrameProps {
  const key = (PVW_FRAME_PARTS as readonly unknown[]).includes(part) ? (part as PvwFramePart) : 'A'
  return PVW_FRAME_DEFAULT_PROPS[key]()
}

export const pvwFrameMigrations = {
  sequence: [
    initialMigration(shapeMigrationId(PVW_FRAME_TYPE, 1), (props: Props) => pvwFrameDefaultProps(props.part)),
  ],
}

export const pvwFrameShape: ShapeDefinition<PvwFrameProps> = {
  type: PVW_FRAME_TYPE,
  propsSchema: pvwFramePropsSchema,
  defaultProps: () => pvwFrameDefaultProps('A'),
  migrations: pvwFrameMigrations,
  version: pvwFrameMigrations.sequence.length,
}
