import { describe, expect, it } from 'vitest'
import { CloseCodes, CloseReasons, describeCloseCode } from './closeCodes.ts'

describe('close codes', () => {
  it('final codes are exactly the ones the stock y-websocket client stops on (4400–4499)', () => {
    for (const entry of Object.values(CloseCodes)) {
      expect(entry.final).toBe(entry.code >= 4400 && entry.code < 4500)
    }
  })
  it('reasons with texts of their own belong to a known final code and have both languages', () => {
    const known = new Set<number>(Object.values(CloseCodes).map((e) => e.code))
    for (const entry of Object.values(CloseReasons)) {
      expect(known.has(entry.code)).toBe(true)
      expect(describeCloseCode(entry.code).final).toBe(true)
      expect(entry.nl.length > 0 && entry.en.length > 0).toBe(true)
    }
  })
  it('codes are unique', () => {
    const codes = Object.values(CloseCodes).map((e) => e.code)
    expect(new Set(codes).size).toBe(codes.length)
  })
  it('describes known and unknown codes', () => {
    expect(describeCloseCode(4410)).toEqual({ name: 'TOKEN_EXPIRED', final: true })
    expect(describeCloseCode(1006)).toEqual({ name: null, final: false })
    expect(describeCloseCode(4499)).toEqual({ name: null, final: true })
  })
})
