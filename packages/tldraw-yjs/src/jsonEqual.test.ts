import { describe, expect, it } from 'vitest'
import { jsonEqual } from './jsonEqual.ts'

describe('jsonEqual', () => {
  it('compares nested objects and arrays by value', () => {
    expect(jsonEqual({ a: [1, { b: 'c' }] }, { a: [1, { b: 'c' }] })).toBe(true)
    expect(jsonEqual({ a: [1, { b: 'c' }] }, { a: [1, { b: 'd' }] })).toBe(false)
    expect(jsonEqual([1, 2], [1, 2, 3])).toBe(false)
    expect(jsonEqual({ a: 1 }, { a: 1, b: 2 })).toBe(false)
    expect(jsonEqual([], {})).toBe(false)
    expect(jsonEqual(null, {})).toBe(false)
  })

  it('treats an undefined key like a missing one', () => {
    expect(jsonEqual({ a: 1, b: undefined }, { a: 1 })).toBe(true)
  })
})
