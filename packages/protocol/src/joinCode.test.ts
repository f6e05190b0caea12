import { describe, expect, it } from 'vitest'
import { isJoinCode, JOIN_CODE_ALPHABET, normaliseJoinCode } from './joinCode.ts'

describe('join codes', () => {
  it('have no characters that look alike on a screen', () => {
    for (const c of '0O1IL') expect(JOIN_CODE_ALPHABET).not.toContain(c)
    expect(new Set(JOIN_CODE_ALPHABET).size).toBe(JOIN_CODE_ALPHABET.length)
  })

  it('are read as typed: any case, spaces and dashes between groups', () => {
    expect(normaliseJoinCode(' abc-234 ')).toBe('ABC234')
    expect(normaliseJoinCode('abc 234')).toBe('ABC234')
    expect(isJoinCode('ABC234')).toBe(true)
    expect(isJoinCode('ABC23')).toBe(false)
    expect(isJoinCode('ABC2345')).toBe(false)
    expect(isJoinCode('ABC10O')).toBe(false)
    expect(isJoinCode('abc234')).toBe(false)
  })
})
