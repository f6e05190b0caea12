import {
  BAATHOUDER_ROLES,
  type BaathouderCardProps,
  BELEID_STATUSES,
  CONTRIBUTION_KINDS,
  INVOLVEMENT_LEVELS,
  INVOLVEMENTS,
  type TensionCardProps,
  VALUE_KEYS,
  type ValueCardProps,
} from '@waardentafel/domain'
import { type RecordProps, T } from 'tldraw'
import type { BaathouderCardShape, TensionCardShape, ValueCardShape } from './shapeTypes.ts'
import { arrayMin, oneOf, positive, score } from './validators.ts'

// tldraw validators for the card shapes, field by field the same as the domain's zod schemas
// (packages/domain/src/shapes/*). cardProps.test.ts checks that the two agree.

export const valueCardProps: RecordProps<ValueCardShape> = {
  valueKey: oneOf(VALUE_KEYS),
  name: T.string,
  explanation: T.string,
  fysiek: T.string,
  sociaal: T.string,
  twijfel: T.boolean,
  scoreCurrent: score,
  scorePotential: score,
  ambitions: T.arrayOf(T.string),
  indicators: T.arrayOf(T.string),
  beleid: oneOf(BELEID_STATUSES),
  w: positive,
  h: positive,
} satisfies { [K in keyof ValueCardProps]: T.Validatable<ValueCardProps[K]> }

const contribution = T.object({
  kind: oneOf(CONTRIBUTION_KINDS),
  description: T.string,
  conditions: T.string,
})

export const baathouderCardProps: RecordProps<BaathouderCardShape> = {
  name: T.string,
  organisation: T.string,
  category: T.string,
  involvement: oneOf(INVOLVEMENTS),
  role: oneOf(BAATHOUDER_ROLES).nullable(),
  level: oneOf(INVOLVEMENT_LEVELS).nullable(),
  valueIds: T.arrayOf(T.string),
  baten: T.string,
  trigger: T.string,
  contributions: T.arrayOf(contribution),
  rentmeester: T.boolean,
  signatory: T.boolean,
  w: positive,
  h: positive,
} satisfies { [K in keyof BaathouderCardProps]: T.Validatable<BaathouderCardProps[K]> }

const pole = T.object({ label: T.string, upside: T.string, downside: T.string })

export const tensionCardProps: RecordProps<TensionCardShape> = {
  name: T.string,
  gebiedsdeel: T.string,
  poles: arrayMin(pole, 2),
  weighing: T.string,
  decision: T.string,
  w: positive,
  h: positive,
} satisfies { [K in keyof TensionCardProps]: T.Validatable<TensionCardProps[K]> }
