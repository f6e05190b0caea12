import { describe, expect, it } from 'vitest'
import { CARD_GAP, freeSlotInArea, freeSlotInRing, type Rect, type Ring, ringOverflow } from './freeSlot.ts'

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

describe('freeSlotInRing', () => {
  // The schillen diagram as the app draws it: 1,800 wide, bands of 180, baathouder cards of 240 × 120.
  const band = 180
  const ringOf = (n: number): Ring => ({ centre: { x: 900, y: 900 }, inner: n * band, outer: (n + 1) * band })
  const size = { w: 240, h: 120 }

  it('[R1] puts cards wholly inside their schil, never on a line, while the schil has room for that', () => {
    for (const n of [1, 2, 3, 4]) {
      const ring = ringOf(n)
      const taken: Rect[] = []
      // A 240-wide card fits between two lines 180 apart only near the bottom and the top of a ring (sideways it
      // spans the band): two per schil, the first at the bottom, clear of the schil's name at the top.
      const fits = n === 4 ? 3 : 2
      for (let i = 0; i < fits; i++) {
        const slot = freeSlotInRing(ring, size, taken)
        expect(ringOverflow(ring, slot), `schil ${n}, card ${i + 1}`).toBe(0)
        expect(
          taken.some(
            (t) => t.x < slot.x + slot.w && slot.x < t.x + t.w && t.y < slot.y + slot.h && slot.y < t.y + t.h,
          ),
        ).toBe(false)
        taken.push(slot)
      }
    }
  })

  it('[R1] when a schil is full, the next card still has its centre in that schil and covers no card if it can', () => {
    const ring = ringOf(1)
    const taken: Rect[] = []
    for (let i = 0; i < 12; i++) {
      const slot = freeSlotInRing(ring, size, taken)
      const centre = Math.hypot(slot.x + size.w / 2 - 900, slot.y + size.h / 2 - 900)
      expect(centre).toBeGreaterThanOrEqual(ring.inner)
      expect(centre).toBeLessThanOrEqual(ring.outer)
      taken.push(slot)
    }
  })

  it('measures how far a card sticks out of a ring', () => {
    const ring = ringOf(2)
    // Straight above the centre, in the middle of the band: inside.
    expect(ringOverflow(ring, { x: 900 - 120, y: 900 - 450 - 60, w: 240, h: 120 })).toBe(0)
    // Beside the centre at the same radius, 240 wide across a 180 band: out on both lines.
    expect(ringOverflow(ring, { x: 900 + 450 - 120, y: 900 - 60, w: 240, h: 120 })).toBeGreaterThan(0)
  })
})
