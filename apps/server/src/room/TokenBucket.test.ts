import { describe, expect, it } from 'vitest'
import { TokenBucket } from './TokenBucket.ts'

describe('TokenBucket', () => {
  it('lets a burst of its capacity through, then one token per 1/rate seconds', () => {
    let t = 0
    const bucket = new TokenBucket(20, 5, () => t)
    for (let i = 0; i < 5; i++) expect(bucket.take()).toBe(true)
    expect(bucket.take()).toBe(false)
    expect(bucket.msUntilToken()).toBeCloseTo(50)
    t += 49
    expect(bucket.take()).toBe(false)
    t += 1
    expect(bucket.take()).toBe(true)
    expect(bucket.take()).toBe(false)
  })

  it('never holds more than its capacity, however long it was idle', () => {
    let t = 0
    const bucket = new TokenBucket(10, 3, () => t)
    t += 60_000
    let taken = 0
    while (bucket.take()) taken++
    expect(taken).toBe(3)
  })
})
