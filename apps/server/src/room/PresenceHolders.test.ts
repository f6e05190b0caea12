import { describe, expect, it } from 'vitest'
import { MAX_REMEMBERED_HOLDERS, PresenceHolders } from './PresenceHolders.ts'

describe('PresenceHolders', () => {
  it('remembers a freed id’s role and link generation for its memory time, then forgets it', () => {
    let now = 1000
    const holders = new PresenceHolders(60_000, () => now)
    holders.held(1, 'facilitator', 3)
    // Held: nobody joined after it was freed, so even the same role may only take it with a newer clock.
    expect(holders.mayTake(1, 'facilitator', 3, 5)).toBe('echo-possible')
    holders.freed(1, 10)
    expect(holders.mayTake(1, 'participant', 3, 11)).toBe('no')
    expect(holders.mayTake(1, 'observer', 3, 11)).toBe('no')
    expect(holders.mayTake(1, 'facilitator', 2, 11)).toBe('no')
    expect(holders.mayTake(1, 'facilitator', 3, 11)).toBe('fresh')
    expect(holders.mayTake(1, 'facilitator', 4, 9)).toBe('echo-possible')
    now += 60_000
    expect(holders.mayTake(1, 'participant', 0, 0)).toBe('fresh')
    expect(holders.size).toBe(0)
  })

  it('learns roles stamped on other instances; keeps at most MAX_REMEMBERED_HOLDERS ids', () => {
    const holders = new PresenceHolders(60_000, () => 0)
    holders.remote(7, 'facilitator', 1)
    holders.remote(7, null, 2)
    expect(holders.mayTake(7, 'participant', 0, 3)).toBe('no')
    expect(holders.mayTake(7, 'facilitator', 0, 3)).toBe('fresh')
    for (let id = 100; id < 100 + MAX_REMEMBERED_HOLDERS; id++) holders.held(id, 'participant', 0)
    expect(holders.size).toBe(MAX_REMEMBERED_HOLDERS)
    expect(holders.mayTake(7, 'participant', 0, 3)).toBe('fresh') // the least recently touched went first
  })

  it('with no memory time, a freed id is forgotten at once', () => {
    const holders = new PresenceHolders(0, () => 0)
    holders.held(1, 'facilitator', 0)
    holders.freed(1, 1)
    expect(holders.mayTake(1, 'participant', 0, 2)).toBe('fresh')
  })
})
