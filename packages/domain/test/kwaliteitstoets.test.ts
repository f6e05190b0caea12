import { describe, expect, it } from 'vitest'
import { KWALITEITSTOETS_CHECKS } from '../src/pvw/kwaliteitstoetsChecks.ts'
import { valueCardDefaultProps } from '../src/shapes/valueCardShape.ts'
import { columnSlot } from './fixtures/build/layout.ts'
import { createBoardBuilder } from './support/boardBuilder.ts'
import { pvwOf } from './support/loadFixture.ts'

function boardWithColumns(columns: number[], withTension: boolean) {
  const b = createBoardBuilder('board:t', 't')
  const prio = b.prioritering({ id: 'p', x: 0, y: 0, props: { w: 1600, h: 900, title: '' } })
  const ids = columns.map((c, i) =>
    b.valueCard({
      id: `v${i}`,
      ...columnSlot(c, i % 3),
      parentId: prio,
      props: { ...valueCardDefaultProps(), name: `W${i}` },
    }),
  )
  if (withTension) {
    const t = b.tension({
      id: 't',
      x: 0,
      y: 2000,
      props: {
        name: 'x',
        gebiedsdeel: '',
        poles: [
          { label: 'a', upside: '', downside: '' },
          { label: 'b', upside: '', downside: '' },
        ],
        weighing: '',
        decision: '',
        w: 100,
        h: 100,
      },
    })
    b.link('l0', t, ids[0]!)
  }
  return b.snapshot()
}

const codesOf = (snapshot: unknown) => pvwOf(snapshot).kwaliteitstoets.map((f) => f.code)

describe('kwaliteitstoets', () => {
  it('every check has a Dutch and English message and a known severity', () => {
    for (const [code, check] of Object.entries(KWALITEITSTOETS_CHECKS)) {
      expect(code).toMatch(/^PVW-[A-Z]+(-[A-Z]+)+$/)
      expect(check.nl.length).toBeGreaterThan(10)
      expect(check.en.length).toBeGreaterThan(10)
    }
  })

  it('PVW-B-NO-CHOICES when every value steers, or none does', () => {
    expect(codesOf(boardWithColumns([0, 0, 0], true))).toContain('PVW-B-NO-CHOICES')
    expect(codesOf(boardWithColumns([1, 2, 1], true))).toContain('PVW-B-NO-CHOICES')
    expect(codesOf(boardWithColumns([0, 1, 2], true))).not.toContain('PVW-B-NO-CHOICES')
  })

  it('PVW-B-NO-TENSIONS without tensions; a named but unweighed tension is flagged on its own', () => {
    expect(codesOf(boardWithColumns([0, 1], false))).toContain('PVW-B-NO-TENSIONS')
    const withTension = codesOf(boardWithColumns([0, 1], true))
    expect(withTension).not.toContain('PVW-B-NO-TENSIONS')
    expect(withTension).toContain('PVW-B-TENSION-NOT-WEIGHED')
    expect(withTension).toContain('PVW-B-TENSION-NO-VALUES')
  })

  it('a sturende value without baathouders is an error, and lacks ambition and indicator', () => {
    const pvw = pvwOf(boardWithColumns([0, 1], true))
    const forV0 = pvw.kwaliteitstoets
      .filter((f) => f.cardIds.includes('shape:v0'))
      .map((f) => [f.code, f.severity])
    expect(forV0).toEqual(
      expect.arrayContaining([
        ['PVW-B-NO-AMBITION', 'warning'],
        ['PVW-B-NO-INDICATOR', 'warning'],
        ['PVW-D-NO-BAATHOUDER', 'error'],
      ]),
    )
  })
})
