import { describe, expect, it } from 'vitest'
import { RateLimiter } from './RateLimiter.ts'

describe('RateLimiter', () => {
  it('allows a burst of one second of messages, then refuses until time passes', () => {
    let t = 0
    const limiter = new RateLimiter(10, 1_000_000, () => t)
    for (let i = 0; i < 10; i++) expect(limiter.take(1)).toBe(true)
    expect(limiter.take(1)).toBe(false)
    t += 1000
    expect(limiter.take(1)).toBe(true)
  })

  it('limits bytes as well as messages', () => {
    let t = 0
    const limiter = new RateLimiter(1000, 100, () => t)
    expect(limiter.take(60)).toBe(true)
    expect(limiter.take(60)).toBe(false)
    t += 2000
    expect(limiter.take(90)).toBe(true)
  })
})
