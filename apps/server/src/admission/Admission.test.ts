import { describe, expect, it } from 'vitest'
import { type Admission, AdmissionControl } from './Admission.ts'
import { addressKey } from './clientAddress.ts'

function control(overrides: Partial<ConstructorParameters<typeof AdmissionControl>[0]> = {}) {
  let now = 1000
  const admission = new AdmissionControl({
    delayMs: 10,
    maxDelayMs: 80,
    maxPending: 3,
    halfLifeMs: 10_000,
    now: () => now,
    ...overrides,
  })
  return { admission, advance: (ms: number) => (now += ms) }
}
const wait = (a: Admission) => (a.admit ? a.waitMs : Number.NaN)

describe('AdmissionControl', () => {
  it('never delays or refuses an address without violations, however many upgrades it opens', () => {
    const { admission } = control()
    for (let i = 0; i < 1000; i++)
      expect(admission.admit('10.0.0.1')).toMatchObject({ admit: true, waitMs: 0 })
    expect(admission.size).toBe(0)
  })

  it('spaces the upgrades of a violating address, the spacing doubling per violation up to the cap', () => {
    const { admission, advance } = control()
    const spacing = () => {
      // The first upgrade after a quiet spell goes at once and reserves a slot; the next waits for it.
      advance(1000)
      admission.admit('a')
      const next = admission.admit('a')
      if (next.admit) next.done()
      return wait(next)
    }
    admission.violation('a')
    expect(spacing()).toBeCloseTo(10, 0)
    admission.violation('a')
    expect(spacing()).toBeCloseTo(20, 0)
    admission.violation('a')
    expect(spacing()).toBeCloseTo(40, 0)
    for (let i = 0; i < 20; i++) admission.violation('a')
    expect(spacing()).toBe(80)
    // Another address is not affected.
    expect(admission.admit('b')).toMatchObject({ admit: true, waitMs: 0 })
  })

  it('refuses beyond maxPending waiting upgrades, with the time until a slot frees', () => {
    const { admission } = control({ delayMs: 1000, maxDelayMs: 1000 })
    admission.violation('a')
    expect(wait(admission.admit('a'))).toBe(0)
    const waiting = [admission.admit('a'), admission.admit('a'), admission.admit('a')]
    expect(waiting.map(wait)).toEqual([1000, 2000, 3000])
    const refused = admission.admit('a')
    expect(refused).toEqual({ admit: false, retryAfterSeconds: 4 })
    // A waiting upgrade that is done (went ahead, or its socket closed) frees its place in the queue.
    const first = waiting[0]!
    if (first.admit) first.done()
    first.admit && first.done() // done twice counts once
    expect(admission.admit('a')).toMatchObject({ admit: true, waitMs: 4000 })
    expect(admission.admit('a').admit).toBe(false)
  })

  it('forgets an address that stops breaking the protocol (the count halves every half-life)', () => {
    const { admission, advance } = control()
    for (let i = 0; i < 100; i++) admission.violation('a')
    // Counted up to a little past where the spacing reaches its cap (6 here), so it is forgotten in a few
    // half-lives, not in log2(100): 6 → 0.75 after three (one violation left), 0.19 after five (none).
    advance(30_000)
    admission.admit('a')
    const next = admission.admit('a')
    expect(wait(next)).toBe(10)
    if (next.admit) next.done()
    advance(20_000)
    expect(admission.admit('a')).toMatchObject({ admit: true, waitMs: 0 })
    expect(admission.size).toBe(0)
  })

  it('does nothing when turned off (maxDelayMs 0)', () => {
    const { admission } = control({ maxDelayMs: 0 })
    for (let i = 0; i < 10; i++) admission.violation('a')
    expect(admission.admit('a')).toMatchObject({ admit: true, waitMs: 0 })
    expect(admission.size).toBe(0)
  })

  it('keeps its table bounded', () => {
    const { admission } = control({ maxAddresses: 100 })
    for (let i = 0; i < 1000; i++) admission.violation(`10.0.${i >> 8}.${i & 255}`)
    expect(admission.size).toBeLessThanOrEqual(100)
    // The most recent violator is still remembered.
    admission.admit('10.0.3.231')
    expect(wait(admission.admit('10.0.3.231'))).toBeGreaterThan(0)
  })
})

describe('addressKey', () => {
  it('takes IPv4 as it is, IPv4-mapped IPv6 as IPv4, IPv6 per /64', () => {
    expect(addressKey('203.0.113.7')).toBe('203.0.113.7')
    expect(addressKey('::ffff:203.0.113.7')).toBe('203.0.113.7')
    expect(addressKey('2001:db8:1:2:aaaa:bbbb:cccc:dddd')).toBe('2001:db8:1:2::/64')
    expect(addressKey('2001:db8:1:2::1')).toBe('2001:db8:1:2::/64')
    expect(addressKey('2001:db8::1')).toBe('2001:db8:0:0::/64')
    expect(addressKey('::1')).toBe('0:0:0:0::/64')
  })
})
