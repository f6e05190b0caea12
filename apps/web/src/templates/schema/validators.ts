import { T } from 'tldraw'

// Small building blocks that mirror zod's checks in tldraw's validator language. tldraw validates every record
// on every write, local or remote, so these run on the hot path: keep them plain.

/** zod's z.number().positive(): tldraw's T.positiveNumber also accepts 0, so check it ourselves. */
export const positive = T.number.check('positive', (n) => {
  if (!(n > 0)) throw new Error(`Expected a number > 0, got ${n}`)
})

/** zod's z.number().int().positive(). */
export const positiveInt = T.integer.check('positive', (n) => {
  if (!(n > 0)) throw new Error(`Expected an integer > 0, got ${n}`)
})

/** A 0–5 score or no score yet (z.number().min(0).max(5).nullable()). */
export const score = T.number
  .check('0…5', (n) => {
    if (n < 0 || n > 5) throw new Error(`Expected a score from 0 to 5, got ${n}`)
  })
  .nullable()

/** z.enum(values) for a readonly tuple of strings. */
export function oneOf<const V extends readonly string[]>(values: V): T.Validator<V[number]> {
  return T.literalEnum(...values)
}

/** z.array(item).min(n). */
export function arrayMin<I>(item: T.Validatable<I>, min: number): T.Validator<I[]> {
  return T.arrayOf(item).check(`at least ${min}`, (items) => {
    if (items.length < min) throw new Error(`Expected at least ${min} items, got ${items.length}`)
  })
}
