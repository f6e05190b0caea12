import {
  INVOLVEMENT_LEVELS,
  type PrioriteringProps,
  PVW_FRAME_PARTS,
  SCENARIOS,
  SCHALEN,
  type SchillenProps,
  type SpanningenProps,
  TYPE_OPGAVEN,
} from '@waardentafel/domain'
import { type RecordProps, T } from 'tldraw'
import type { PrioriteringShape, SchillenShape, SpanningenShape } from './shapeTypes.ts'
import { oneOf, positive, positiveInt } from './validators.ts'

// tldraw validators for the structure shapes (templates and PvW frames), mirroring the domain's zod schemas.

export const prioriteringProps: RecordProps<PrioriteringShape> = {
  w: positive,
  h: positive,
  title: T.string,
} satisfies { [K in keyof PrioriteringProps]: T.Validatable<PrioriteringProps[K]> }

export const schillenProps: RecordProps<SchillenShape> = {
  w: positive,
  areaName: T.string,
} satisfies { [K in keyof SchillenProps]: T.Validatable<SchillenProps[K]> }

export const spanningenProps: RecordProps<SpanningenShape> = {
  w: positive,
  h: positive,
  title: T.string,
} satisfies { [K in keyof SpanningenProps]: T.Validatable<SpanningenProps[K]> }

const betrokkenheid = T.object({ group: T.string, level: oneOf(INVOLVEMENT_LEVELS), context: T.string })
const instrumentChoice = T.object({ instrument: T.string, scenario: oneOf(SCENARIOS), intent: T.string })
const kernindicator = T.object({
  name: T.string,
  frequency: T.string,
  reportTo: T.string,
  valueIds: T.arrayOf(T.string),
})

/** Fields per PvW part, as in the domain's discriminated union. */
export const pvwPartFields = {
  A: {
    typeOpgave: oneOf(TYPE_OPGAVEN).nullable(),
    schaal: oneOf(SCHALEN).nullable(),
    grondEigendom: T.string,
    wieWoontWerkt: T.string,
    beleid: T.string,
    ambitie: T.string,
    horizonJaren: positiveInt.nullable(),
    dominanteOpgaven: T.arrayOf(T.string),
    voorWie: T.string,
    nietDoen: T.string,
  },
  C: {
    opgehaald: T.arrayOf(T.string),
    betrokkenheid: T.arrayOf(betrokkenheid),
    terugkoppeling: T.string,
    toekomstigeGeneraties: T.string,
    invloedOpB: T.string,
  },
  E: {
    samenwerken: T.string,
    besluitToets: T.string,
    instruments: T.arrayOf(instrumentChoice),
    rekenenBaten: T.string,
    rekenenCofinanciering: T.string,
    rekenenHorizonJaren: positiveInt.nullable(),
    rekenenToelichting: T.string,
  },
  F: {
    knockOutCriteria: T.arrayOf(T.string),
    gunningscriteria: T.arrayOf(T.string),
    doorwerking: T.string,
    kernindicatoren: T.arrayOf(kernindicator),
    extraSignatories: T.arrayOf(T.string),
    rentmeesterschap: T.string,
    borging: T.string,
  },
} as const

// tldraw validates props key by key (T.object over this map), so a discriminated union cannot be expressed
// directly: every part's fields are optional here, and pvwFramePropsValidator below is the exact union. The app
// only ever writes whole, part-consistent props (insertPvwFrames, the inspector), checked with that union.
const optionalFields: Record<string, T.Validatable<unknown>> = {}
for (const fields of Object.values(pvwPartFields)) {
  for (const [key, validator] of Object.entries(fields)) {
    optionalFields[key] = (validator as T.Validator<unknown>).optional()
  }
}

export const pvwFrameProps = {
  part: oneOf(PVW_FRAME_PARTS),
  w: positive,
  h: positive,
  ...optionalFields,
} as Record<string, T.Validatable<unknown>>

/** The exact union: part, size and precisely that part's fields. */
export const pvwFramePropsValidator = T.union('part', {
  A: T.object({ part: T.literal('A'), w: positive, h: positive, ...pvwPartFields.A }),
  C: T.object({ part: T.literal('C'), w: positive, h: positive, ...pvwPartFields.C }),
  E: T.object({ part: T.literal('E'), w: positive, h: positive, ...pvwPartFields.E }),
  F: T.object({ part: T.literal('F'), w: positive, h: positive, ...pvwPartFields.F }),
})

/** The binding carries no data: the link is the fact. */
export const tensionLinkProps = {}
