import { kernindicatorCardShape } from '@waardentafel/domain'
import { describe, expect, it } from 'vitest'
import { indicatorChart, yearOf } from './indicatorChart.ts'

describe('[SW7] a kernindicator’s chart against its streefwaarde', () => {
  it('[SW7] nulmeting and measurements in date order, left to right; the streefwaarde a line at its height', () => {
    const props = {
      ...kernindicatorCardShape.defaultProps(),
      baseline: { date: '2025', value: 10, note: '' },
      measurements: [
        { date: '2029', value: 20, note: '' },
        { date: '2027', value: 15, note: '' },
      ],
      target: 30,
      targetDate: '2033',
    }
    const chart = indicatorChart(props, 100, 50, 0)
    expect(chart?.points.map((p) => [p.date, p.x, p.y])).toEqual([
      ['2025', 0, 50],
      ['2027', 25, 37.5],
      ['2029', 50, 25],
    ])
    expect([chart?.targetX, chart?.targetY]).toEqual([100, 0])
  })

  it('[SW7] nothing to draw without two dated figures; partial dates are fractional years', () => {
    const bare = kernindicatorCardShape.defaultProps()
    expect(indicatorChart(bare, 100, 50)).toBeNull()
    expect(indicatorChart({ ...bare, baseline: { date: '2025', value: 1, note: '' } }, 100, 50)).toBeNull()
    expect([yearOf('2025'), yearOf('2025-07'), yearOf(''), yearOf('25')]).toEqual([2025, 2025.5, null, null])
  })
})
