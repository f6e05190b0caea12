import { describe, expect, it } from 'vitest'
import { CARD_GAP, freeSlotInArea, freeSlotOnRing } from './freeSlot.ts'

describe('freeSlotInArea', () => {
  const area = { x: 0, y: 100, w: 500, h: 400 }
  const size = { w: 220, h: 120 }

  it('fills row by row without overlapping cards already there', () => {
    const first = freeSlotInArea(area, size, [])
    const second = freeSlotInArea(area, size, [first])
    const third = freeSlotInArea(area, size, [first, second])
    expect(second.y).toBe(first.y)
    expect(second.x).toBe(first.x + size.w + CARD_GAP)
    expect(third.y).toBe(first.y + size.h + CARD_GAP)
    expect(third.x).toBe(first.x)
  })

  it('keeps every slot inside the area', () => {
    const taken = []
    for (let i = 0; i < 4; i++) {
      const slot = freeSlotInArea(area, size, taken)
      expect(slot.x).toBeGreaterThanOrEqual(area.x)
      expect(slot.x + slot.w).toBeLessThanOrEqual(area.x + area.w)
      expect(slot.y + slot.h).toBeLessThanOrEqual(area.y + area.h)
      taken.push(slot)
    }
  })

  it('falls back to the first slot when the area is full', () => {
    const full = [{ x: 0, y: 0, w: 1000, h: 1000 }]
    expect(freeSlotInArea(area, size, full)).toEqual(freeSlotInArea(area, size, []))
  })
})

describe('freeSlotOnRing', () => {
  it('starts up right on the ring (clear of the ring names) and moves on when that spot is taken', () => {
    const size = { w: 200, h: 100 }
    const top = freeSlotOnRing({ x: 0, y: 0 }, 500, size, [])
    expect(top.x + size.w / 2).toBeCloseTo(500 * Math.SQRT1_2)
    expect(top.y + size.h / 2).toBeCloseTo(-500 * Math.SQRT1_2)
    const next = freeSlotOnRing({ x: 0, y: 0 }, 500, size, [top])
    const distance = Math.hypot(next.x + size.w / 2, next.y + size.h / 2)
    expect(distance).toBeCloseTo(500)
    expect(next).not.toEqual(top)
  })
})
