import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { better, indicatorReport } from '../src/monitoring/indicatorReport.ts'
import { kernindicatorCardDefaultProps } from '../src/shapes/kernindicatorCardShape.ts'

const card = (over: Partial<ReturnType<typeof kernindicatorCardDefaultProps>>) => ({
  id: 'shape:i',
  props: { ...kernindicatorCardDefaultProps(), name: 'Hittestress', ...over },
})

describe('the two-yearly report', () => {
  it('[PH19] per indicator: the latest measurement against nulmeting and streefwaarde, the trend and the next meetmoment', () => {
    const lower = card({
      direction: 'lager-is-beter',
      unit: 'dagen',
      baseline: { date: '2026-05-01', value: 20, note: '' },
      target: 10,
      intervalYears: 2,
      measurements: [
        { date: '2028-05-01', value: 16, note: '' },
        { date: '2030-05-01', value: 17, note: '' },
      ],
    })
    const [row] = indicatorReport([lower], '2031-01-01')
    expect(row).toMatchObject({
      trend: 'slechter',
      targetStatus: 'op-weg',
      nextDue: '2032-05-01',
      overdue: false,
    })
    expect(indicatorReport([lower], '2032-06-01')[0]!.overdue).toBe(true)
    const reached = card({ target: 10, measurements: [{ date: '2027', value: 12, note: '' }] })
    expect(indicatorReport([reached], '2027-06-01')[0]).toMatchObject({
      targetStatus: 'gehaald',
      trend: 'onbekend',
    })
    const behind = card({
      baseline: { date: '2026', value: 5, note: '' },
      target: 10,
      measurements: [{ date: '2028', value: 4, note: '' }],
    })
    expect(indicatorReport([behind], '')[0]).toMatchObject({
      targetStatus: 'achter',
      trend: 'slechter',
      overdue: false,
    })
    expect(indicatorReport([card({ name: '  ' })], '2030-01-01')).toEqual([])
  })

  it('[PH19] the report does not depend on the order measurements were entered; a later entry on the same date corrects', () => {
    const measurement = fc.record({
      date: fc.integer({ min: 2020, max: 2040 }).map(String),
      value: fc.integer({ min: -100, max: 100 }),
      note: fc.constant(''),
    })
    fc.assert(
      fc.property(
        fc.uniqueArray(measurement, { selector: (m) => m.date, maxLength: 12 }),
        fc.boolean(),
        (ms, up) => {
          const direction = up ? 'hoger-is-beter' : 'lager-is-beter'
          const a = indicatorReport([card({ direction, measurements: ms })], '2030')[0]!
          const b = indicatorReport([card({ direction, measurements: [...ms].reverse() })], '2030')[0]!
          expect(b).toEqual(a)
          const sorted = [...ms].sort((x, y) => x.date.localeCompare(y.date))
          expect(a.latest).toEqual(sorted.at(-1) ?? null)
          if (a.latest && a.previous) {
            expect(a.trend).toBe(
              (['slechter', 'gelijk', 'beter'] as const)[
                better(direction, a.previous.value, a.latest.value) + 1
              ],
            )
          }
        },
      ),
      { numRuns: 300, seed: 19 },
    )
    const corrected = card({
      measurements: [
        { date: '2028', value: 1, note: 'fout' },
        { date: '2028', value: 2, note: 'gecorrigeerd' },
      ],
    })
    expect(indicatorReport([corrected], '')[0]!.latest).toEqual({
      date: '2028',
      value: 2,
      note: 'gecorrigeerd',
    })
  })
})
