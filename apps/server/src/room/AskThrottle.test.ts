import { describe, expect, it } from 'vitest'
import { ASK_INTERVAL_MS, AskThrottle } from './AskThrottle.ts'
import { ManualClock } from './testing/ManualClock.ts'

function setup() {
  const clock = new ManualClock()
  const asked: string[] = []
  const members = new Set<{ id: string }>()
  const throttle = new AskThrottle<{ id: string }>({
    clock,
    scheduler: clock,
    ask: (s) => asked.push(s.id),
    mayAsk: (s) => members.has(s),
  })
  return { clock, asked, members, throttle }
}

describe('AskThrottle (after a dropped gap update, the client is asked for what the server lacks)', () => {
  it('asks at once, then at most once a second — and once more when the second is over', () => {
    const { clock, asked, members, throttle } = setup()
    const a = { id: 'a' }
    members.add(a)
    throttle.soon(a)
    expect(asked).toEqual(['a'])
    clock.advance(100)
    for (let i = 0; i < 50; i++) throttle.soon(a) // a flood of gap updates
    expect(asked).toEqual(['a'])
    clock.advance(ASK_INTERVAL_MS - 101)
    expect(asked).toEqual(['a'])
    clock.advance(1)
    expect(asked).toEqual(['a', 'a'])
    expect(clock.pendingTimers).toBe(0)
  })

  it('per connection; nothing for a connection that left or may not be asked', () => {
    const { clock, asked, members, throttle } = setup()
    const a = { id: 'a' }
    const b = { id: 'b' }
    const outsider = { id: 'observer' }
    members.add(a).add(b)
    throttle.soon(a)
    throttle.soon(b)
    throttle.soon(outsider)
    expect(asked).toEqual(['a', 'b'])
    throttle.soon(a)
    throttle.forget(a)
    members.delete(a)
    clock.advance(ASK_INTERVAL_MS * 2)
    expect(asked).toEqual(['a', 'b'])
    throttle.soon(b) // a second has passed: asked at once
    throttle.soon(b) // within the second: waits
    expect(asked).toEqual(['a', 'b', 'b'])
    expect(clock.pendingTimers).toBe(1)
    throttle.close()
    expect(clock.pendingTimers).toBe(0)
  })
})
