import { describe, expect, it } from 'vitest'
import { parseTypedNumber } from './typedNumber.ts'

describe('[SW5] numbers typed in the inspector', () => {
  it('[SW5] read as the language writes them: 250.000 is a quarter million in Dutch, 250,000 in English', () => {
    const nl = (s: string) => parseTypedNumber(s, 'nl')
    const en = (s: string) => parseTypedNumber(s, 'en')
    expect([nl('250.000'), nl('1.234.567,5'), nl('12,5'), nl('12.5'), nl('-3'), nl('1 000')]).toEqual([
      250_000, 1_234_567.5, 12.5, 12.5, -3, 1000,
    ])
    expect([en('250,000'), en('1,234.5'), en('12.5'), en('12,5')]).toEqual([250_000, 1234.5, 12.5, 12.5])
    expect([nl(''), nl('abc'), nl('1.2.3'), nl('12,')]).toEqual([null, null, null, null])
  })
})
