import { describe, expect, it } from 'vitest'
import { RateLimiter } from './RateLimiter.ts'

describe('RateLimiter', () => {
  it('allows a burst of one second of messages, then reports how far ahead the sender is', () => {
    let t = 0
    const limiter = new RateLimiter(10, 1_000_000, () => t)
    for (let i = 0; i < 10; i++) expect(limiter.take(1)).toBe(0)
    expect(limiter.take(1)).toBeCloseTo(100)
    expect(limiter.take(1)).toBeCloseTo(200)
    t += 1000
    expect(limiter.take(1)).toBe(0)
  })

  it('limits bytes as well as messages', () => {
    let t = 0
    const limiter = new RateLimiter(1000, 100, () => t)
    expect(limiter.take(60)).toBe(0)
    expect(limiter.take(60)).toBeCloseTo(200)
    t += 2000
    expect(limiter.take(90)).toBe(0)
  })
})
