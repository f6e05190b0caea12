import { describe, expect, it } from 'vitest'
import { BytePacer } from './BytePacer.ts'

describe('BytePacer', () => {
  it('lets a burst through, then asks readers to wait so that together they keep to the rate', () => {
    let now = 0
    const pacer = new BytePacer(1000, 500, () => now) // 1,000 bytes/s, 500 at once
    expect(pacer.take(500)).toBe(0)
    expect(pacer.take(100)).toBe(100) // 100 bytes over: 100 ms
    now += 100
    expect(pacer.take(0)).toBe(0)
    // Two readers sharing it: the second waits for the first's bytes too.
    expect(pacer.take(200)).toBe(200)
    expect(pacer.take(200)).toBe(400)
    now += 10_000
    expect(pacer.take(500)).toBe(0) // refilled up to the burst, no further
    expect(pacer.take(1)).toBe(1)
  })
})
