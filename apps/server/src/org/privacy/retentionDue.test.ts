import { describe, expect, it } from 'vitest'
import { addMonths, retentionDue } from './retentionDue.ts'

const at = (iso: string) => Date.parse(iso)

describe('retention: when a board is due', () => {
  it('[AV11] adds calendar months in UTC, the 31st becoming the last day of a shorter month', () => {
    expect(new Date(addMonths(at('2026-01-31T10:00:00Z'), 1)).toISOString()).toBe('2026-02-28T10:00:00.000Z')
    expect(new Date(addMonths(at('2024-02-29T00:00:00Z'), 24)).toISOString()).toBe('2026-02-28T00:00:00.000Z')
    expect(new Date(addMonths(at('2026-12-07T23:00:00Z'), 24)).toISOString()).toBe('2028-12-07T23:00:00.000Z')
  })

  it('[AV11] is due from exactly `months` after the last edit, and not again until a later edit', () => {
    const edit = at('2026-03-01T12:00:00Z')
    expect(retentionDue({ lastEditAt: edit, erasedAt: null }, 24, at('2028-03-01T11:59:59Z'))).toBe(false)
    expect(retentionDue({ lastEditAt: edit, erasedAt: null }, 24, at('2028-03-01T12:00:00Z'))).toBe(true)
    const erased = at('2028-03-02T00:00:00Z')
    expect(retentionDue({ lastEditAt: edit, erasedAt: erased }, 24, at('2031-01-01T00:00:00Z'))).toBe(false)
    const later = at('2029-01-01T00:00:00Z')
    expect(retentionDue({ lastEditAt: later, erasedAt: erased }, 24, at('2031-01-01T00:00:00Z'))).toBe(true)
    expect(retentionDue({ lastEditAt: edit, erasedAt: null }, 1, at('2026-04-01T12:00:00Z'))).toBe(true)
  })
})
