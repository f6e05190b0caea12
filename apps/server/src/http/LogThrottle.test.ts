import { describe, expect, it } from 'vitest'
import { LogThrottle } from './LogThrottle.ts'

describe('LogThrottle', () => {
  it('[N4] lets one line per kind and address through per interval, then reports what it left out', () => {
    let now = 0
    const throttle = new LogThrottle({ intervalMs: 1000, now: () => now })
    expect(throttle.take('MALFORMED_REQUEST', 'a')).toEqual({ log: true, suppressed: 0 })
    for (let i = 0; i < 99; i++) expect(throttle.take('MALFORMED_REQUEST', 'a').log).toBe(false)
    // Another kind or another address has its own line.
    expect(throttle.take('BODY_ABORTED', 'a').log).toBe(true)
    expect(throttle.take('MALFORMED_REQUEST', 'b').log).toBe(true)
    now = 1000
    expect(throttle.take('MALFORMED_REQUEST', 'a')).toEqual({ log: true, suppressed: 99 })
    expect(throttle.take('MALFORMED_REQUEST', 'a').log).toBe(false)
  })

  it('[N4] bounds the lines per kind over all addresses (a flood from many addresses)', () => {
    let now = 0
    const throttle = new LogThrottle({ intervalMs: 1000, perKindPerInterval: 5, now: () => now })
    let lines = 0
    for (let i = 0; i < 1000; i++)
      if (throttle.take('MALFORMED_REQUEST', `10.0.${i >> 8}.${i & 255}`).log) lines++
    expect(lines).toBe(5)
    now = 1000
    const next = throttle.take('MALFORMED_REQUEST', '10.9.9.9')
    expect(next).toEqual({ log: true, suppressed: 995 })
  })

  it('forgets the oldest addresses beyond its capacity', () => {
    const throttle = new LogThrottle({
      intervalMs: 1000,
      perKindPerInterval: 1e9,
      capacity: 10,
      now: () => 0,
    })
    for (let i = 0; i < 11; i++) throttle.take('K', `a${i}`)
    // a0 was forgotten, so it may log again; a10 is remembered.
    expect(throttle.take('K', 'a0').log).toBe(true)
    expect(throttle.take('K', 'a10').log).toBe(false)
  })
})
