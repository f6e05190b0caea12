import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createBoardBuilder } from '../../test/support/boardBuilder.ts'
import { loadFixture } from '../../test/support/loadFixture.ts'
import { readBoard } from '../board/readBoard.ts'
import { baathouderCardDefaultProps } from '../shapes/baathouderCardShape.ts'
import { prioriteringDefaultProps } from '../shapes/prioriteringShape.ts'
import { valueCardDefaultProps } from '../shapes/valueCardShape.ts'
import { boardComparisonSchema } from './boardComparisonSchema.ts'
import { compareBoards } from './compareBoards.ts'
import { describeComparison } from './describeComparison.ts'

type Rec = {
  id: string
  typeName: string
  type?: string
  x: number
  y: number
  props: Record<string, unknown>
}
type Snapshot = { records: Rec[] }

const base = loadFixture('handreiking-voorbeeld') as Snapshot
const copy = (): Snapshot => JSON.parse(JSON.stringify(base)) as Snapshot
const rec = (s: Snapshot, id: string) => s.records.find((r) => r.id === id)!

function compared(before: unknown, after: unknown) {
  const result = compareBoards(before, after)
  if (!result.ok) throw new Error(result.error.details.join('\n'))
  return result.comparison
}

// The second session of the handreiking example: one value moved a column, one baathouder moved a ring, one
// tension was decided, and a few more edits that each exercise one kind of change.
function secondSession(): Snapshot {
  const s = copy()
  rec(s, 'shape:v-economische-vitaliteit').x += 400 // meekoppelen → vinger aan de pols (columns are 400 wide)
  rec(s, 'shape:v-identiteit').props.twijfel = true // stays meekoppelen, now with doubt
  rec(s, 'shape:b-ggd').x -= 120 // schil 2 → schil 3
  rec(s, 'shape:b-bewoners').props.involvement = 'shareholder' // same schil, up the ladder
  const tension = rec(s, 'shape:t-dynamiek-rust')
  tension.x += 500 // gewogen → besloten (columns are 500 wide)
  tension.props.decision = '  Horeca alleen aan de Hoofdstraat.  '
  rec(s, 'shape:t-betaalbaarheid').x -= 500 // gewogen → benoemd
  s.records = s.records.filter(
    (r) => r.id !== 'shape:b-zorgverzekeraar' && r.id !== 'shape:t-dichtheid-groen',
  )
  s.records.push({
    ...rec(s, 'shape:v-nabijheid'),
    id: 'shape:v-cultuurhistorie',
    x: 1270,
    props: { ...valueCardDefaultProps(), name: 'Cultuurhistorie' },
  })
  return s
}

describe('compareBoards', () => {
  it('finds nothing between a board and itself', () => {
    const comparison = compared(base, copy())
    expect(comparison.values).toEqual([])
    expect(comparison.baathouders).toEqual([])
    expect(comparison.tensions).toEqual({ added: [], decided: [], removed: [], statusChanged: [] })
    expect(comparison.summary.changes).toBe(0)
    expect(describeComparison(comparison.summary)).toBe(
      'Geen verschillen in waarden, baathouders of spanningen.',
    )
  })

  it('[C3–C7] lists each change of the second session, sorted by name', () => {
    const comparison = compared(base, secondSession())
    expect(comparison.values).toEqual([
      {
        id: 'shape:v-cultuurhistorie',
        name: 'Cultuurhistorie',
        from: null,
        to: 'nog-te-plaatsen',
        change: 'added',
      },
      {
        id: 'shape:v-identiteit',
        name: 'Identiteit van de plek',
        from: 'meekoppelen',
        to: 'meekoppelen',
        change: 'twijfel',
        twijfelFrom: false,
        twijfelTo: true,
      },
      {
        id: 'shape:v-economische-vitaliteit',
        name: 'Lokale economische vitaliteit',
        from: 'meekoppelen',
        to: 'vinger-aan-de-pols',
        change: 'moved',
      },
    ])
    expect(comparison.baathouders).toEqual([
      {
        id: 'shape:b-bewoners',
        name: 'Bewoners en omwonenden',
        fromRing: 3,
        toRing: 3,
        fromInvolvement: 'baathouder',
        toInvolvement: 'shareholder',
        change: 'involvement',
      },
      {
        id: 'shape:b-ggd',
        name: 'GGD',
        fromRing: 2,
        toRing: 3,
        fromInvolvement: 'baathouder',
        toInvolvement: 'baathouder',
        change: 'moved',
      },
      {
        id: 'shape:b-zorgverzekeraar',
        name: 'Zorgverzekeraar',
        fromRing: 4,
        toRing: null,
        fromInvolvement: 'shareholder',
        toInvolvement: null,
        change: 'removed',
      },
    ])
    expect(comparison.tensions).toEqual({
      added: [],
      decided: [
        {
          id: 'shape:t-dynamiek-rust',
          name: 'Economische dynamiek versus rust voor bewoners',
          decision: 'Horeca alleen aan de Hoofdstraat.',
        },
      ],
      removed: [{ id: 'shape:t-dichtheid-groen', name: 'Hogere dichtheid versus groen en koelte' }],
      statusChanged: [
        {
          id: 'shape:t-betaalbaarheid',
          name: 'Betaalbaarheid versus financiële haalbaarheid',
          from: 'gewogen',
          to: 'benoemd',
        },
      ],
    })
    expect(comparison.summary).toEqual({
      valuesAdded: 1,
      valuesRemoved: 0,
      valuesMoved: 1,
      twijfelChanged: 1,
      baathoudersAdded: 0,
      baathoudersRemoved: 1,
      baathoudersMoved: 1,
      involvementChanged: 1,
      tensionsAdded: 0,
      tensionsRemoved: 1,
      tensionsDecided: 1,
      tensionsStatusChanged: 1,
      changes: 9,
    })
    expect(boardComparisonSchema.parse(comparison)).toEqual(comparison)
    expect(describeComparison(comparison.summary)).toBe(
      '1 spanning besloten, 1 waarde verschoven, 1 waarde toegevoegd, twijfel bij 1 waarde gewijzigd, ' +
        '1 baathouder naar een andere schil, 1 baathouder met andere betrokkenheid, 1 baathouder verwijderd, ' +
        '1 spanning van status veranderd, 1 spanning verwijderd.',
    )
  })

  it('[C1] reads the same changes backwards: added becomes removed, from becomes to', () => {
    const forward = compared(base, secondSession())
    const backward = compared(secondSession(), base)
    const flip = {
      added: 'removed',
      removed: 'added',
      moved: 'moved',
      twijfel: 'twijfel',
      involvement: 'involvement',
    }
    expect(backward.values).toEqual(
      forward.values.map((v) => ({
        ...v,
        from: v.to,
        to: v.from,
        change: flip[v.change],
        ...(v.twijfelFrom === undefined ? {} : { twijfelFrom: v.twijfelTo, twijfelTo: v.twijfelFrom }),
      })),
    )
    expect(backward.baathouders).toEqual(
      forward.baathouders.map((b) => ({
        ...b,
        fromRing: b.toRing,
        toRing: b.fromRing,
        fromInvolvement: b.toInvolvement,
        toInvolvement: b.fromInvolvement,
        change: flip[b.change],
      })),
    )
    expect(backward.tensions.added.map((t) => t.id)).toEqual(forward.tensions.removed.map((t) => t.id))
    expect(backward.tensions.removed.map((t) => t.id)).toEqual(forward.tensions.added.map((t) => t.id))
  })

  it('[C5] counts a tension added straight into besloten as added, once', () => {
    const s = copy()
    s.records.push({
      ...rec(s, 'shape:t-dynamiek-rust'),
      id: 'shape:t-nieuw',
      x: 1100,
      props: { ...rec(s, 'shape:t-dynamiek-rust').props, name: 'Nieuw' },
    })
    const { tensions, summary } = compared(base, s)
    expect(tensions.added).toEqual([{ id: 'shape:t-nieuw', name: 'Nieuw', status: 'besloten' }])
    expect(tensions.decided).toEqual([])
    expect(summary.changes).toBe(1)
  })

  it('[C2][C6] orders equal names by id, and a card leaving every prioritering goes to null', () => {
    const board = (x: number) => {
      const b = createBoardBuilder('board:t', 't')
      const p = b.prioritering({ id: 'p', x: 0, y: 0, props: prioriteringDefaultProps() })
      for (const id of ['z', 'a', 'm']) {
        b.valueCard({ id, x: 70, y: 100, parentId: p, props: { ...valueCardDefaultProps(), name: 'Groen' } })
      }
      b.valueCard({ id: 'los', x, y: 100, props: { ...valueCardDefaultProps(), name: 'Alfa' } })
      b.baathouder({ id: 'b', x: 0, y: 0, props: { ...baathouderCardDefaultProps(), name: 'Gemeente' } })
      return b.snapshot()
    }
    const before = board(70)
    const after = board(5000)
    after.records = after.records.filter((r) => (r as { id: string }).id !== 'shape:m')
    after.records.push({
      ...(before.records.find((r) => (r as { id: string }).id === 'shape:m') as object),
      id: 'shape:n',
    })
    const { values, baathouders } = compared(before, after)
    expect(values.map((v) => [v.id, v.change, v.from, v.to])).toEqual([
      ['shape:los', 'moved', 'sturend', null],
      ['shape:m', 'removed', 'sturend', null],
      ['shape:n', 'added', null, 'sturend'],
    ])
    // Outside every schillen diagram both times: no ring change, nothing to report.
    expect(baathouders).toEqual([])
  })

  it('fails like readBoard, saying which snapshot is not a board', () => {
    const bad = compareBoards(base, { format: 'iets anders' })
    expect(bad.ok).toBe(false)
    if (!bad.ok) {
      expect(bad.error.code).toBe('BOARD-SNAPSHOT-INVALID')
      expect(bad.error.side).toBe('after')
      expect(bad.error.message.nl).toBe('Dit is geen geldig Waardentafel-bord.')
    }
    const both = compareBoards(null, 42)
    expect(!both.ok && both.error.side).toBe('before')
  })

  it('never throws, whatever it is given (property)', () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), (a, b) => {
        expect(typeof compareBoards(a, b).ok).toBe('boolean')
      }),
    )
  })
})

describe('compareBoards after moving one card (property)', () => {
  const cards = base.records.filter(
    (r) =>
      r.typeName === 'shape' && ['wt-value-card', 'wt-baathouder-card', 'wt-tension-card'].includes(r.type!),
  )
  const where = (s: unknown, id: string) => {
    const read = readBoard(s)
    if (!read.ok) throw new Error('unreadable')
    const b = read.board
    return (
      b.valueCards.find((c) => c.id === id)?.column ??
      b.baathouders.find((c) => c.id === id)?.ring ??
      b.tensions.find((c) => c.id === id)?.status ??
      null
    )
  }

  it('[C2] reports that card exactly when its class, schil or status changed, and nothing else', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...cards),
        fc.integer({ min: -1500, max: 1500 }),
        fc.integer({ min: -1500, max: 1500 }),
        (card, dx, dy) => {
          const after = copy()
          rec(after, card.id).x += dx
          rec(after, card.id).y += dy
          const { values, baathouders, tensions, summary } = compared(base, after)
          const ids = [
            ...values.map((v) => v.id),
            ...baathouders.map((b) => b.id),
            ...tensions.decided.map((t) => t.id),
            ...tensions.statusChanged.map((t) => t.id),
          ]
          const from = where(base, card.id)
          const to = where(after, card.id)
          // The centre circle and outside the diagram are both "no schil", as in the PvW.
          const schil = (r: unknown) => (r === 'centrum' ? null : r)
          expect(ids).toEqual(schil(from) === schil(to) ? [] : [card.id])
          expect(summary.changes).toBe(ids.length)
        },
      ),
      { numRuns: 200 },
    )
  })
})
