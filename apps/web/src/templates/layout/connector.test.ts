import { describe, expect, it } from 'vitest'
import { connectorBetween } from './connector.ts'

describe('connectorBetween', () => {
  it('runs from the edge of one box to the edge of the other', () => {
    const segment = connectorBetween({ cx: 0, cy: 0, hw: 50, hh: 20 }, { cx: 300, cy: 0, hw: 100, hh: 40 })
    expect(segment?.x1).toBeCloseTo(50)
    expect(segment?.x2).toBeCloseTo(200)
    expect(segment?.y1).toBeCloseTo(0)
    expect(segment?.y2).toBeCloseTo(0)
  })

  it('leaves a box through its top or bottom when the other box lies mostly above or below', () => {
    const segment = connectorBetween({ cx: 0, cy: 0, hw: 50, hh: 20 }, { cx: 10, cy: 200, hw: 50, hh: 20 })
    expect(segment?.y1).toBeCloseTo(20)
    expect(segment?.y2).toBeCloseTo(180)
  })

  it('draws nothing for overlapping boxes', () => {
    expect(connectorBetween({ cx: 0, cy: 0, hw: 50, hh: 50 }, { cx: 40, cy: 0, hw: 50, hh: 50 })).toBeNull()
    expect(connectorBetween({ cx: 0, cy: 0, hw: 5, hh: 5 }, { cx: 0, cy: 0, hw: 5, hh: 5 })).toBeNull()
  })
})
