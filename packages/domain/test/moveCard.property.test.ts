import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { readBoard } from '../src/board/readBoard.ts'
import type { ProgrammaVanWaarden } from '../src/pvw/programmaVanWaardenSchema.ts'
import { loadFixture, pvwOf } from './support/loadFixture.ts'

// Moving one card on the canvas must change exactly the parts its position feeds, and nothing else.

type Rec = { id: string; typeName: string; type?: string; x: number; y: number; parentId?: string }
type Snapshot = { records: Rec[] }

const base = loadFixture('handreiking-voorbeeld') as Snapshot
const before = pvwOf(base)
const KEYS = ['A', 'B', 'C', 'D', 'E', 'F', 'waardenkompas', 'quickscan', 'kwaliteitstoets'] as const

const movable = base.records.filter(
  (r) =>
    r.typeName === 'shape' &&
    ['wt-value-card', 'wt-baathouder-card', 'wt-tension-card', 'note'].includes(r.type!),
)

function moved(id: string, dx: number, dy: number): Snapshot {
  const copy = JSON.parse(JSON.stringify(base)) as Snapshot
  const rec = copy.records.find((r) => r.id === id)!
  rec.x += dx
  rec.y += dy
  return copy
}

function changed(a: ProgrammaVanWaarden, b: ProgrammaVanWaarden): Set<string> {
  return new Set(KEYS.filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k])))
}

function placement(snapshot: Snapshot, id: string): unknown {
  const read = readBoard(snapshot)
  if (!read.ok) throw new Error('unreadable')
  const b = read.board
  return (
    b.valueCards.find((c) => c.id === id)?.column ??
    b.baathouders.find((c) => c.id === id)?.ring ??
    b.tensions.find((c) => c.id === id)?.status ??
    b.notes.find((c) => c.id === id)?.part ??
    null
  )
}

describe('moving one card (property)', () => {
  it('changes only the parts and checks that depend on that card’s position', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...movable),
        fc.integer({ min: -2500, max: 2500 }),
        fc.integer({ min: -2500, max: 2500 }),
        (card, dx, dy) => {
          const snapshot = moved(card.id, dx, dy)
          const after = pvwOf(snapshot)
          const diff = changed(before, after)
          const wasAt = placement(base, card.id)
          const isAt = placement(snapshot, card.id)
          let allowed: string[]
          if (card.type === 'wt-value-card') {
            allowed = ['B', 'D', 'waardenkompas', 'quickscan', 'kwaliteitstoets']
            if (wasAt !== isAt) expect(diff.has('B')).toBe(true)
          } else if (card.type === 'wt-baathouder-card') {
            allowed = ['D', 'waardenkompas', 'quickscan', 'kwaliteitstoets']
            if (wasAt !== isAt) expect(diff.has('waardenkompas') || diff.has('kwaliteitstoets')).toBe(true)
          } else if (card.type === 'wt-tension-card') {
            allowed = ['B', 'kwaliteitstoets']
            if (wasAt !== isAt) expect(diff.has('B')).toBe(true)
          } else {
            allowed = [wasAt, isAt].filter((p): p is string => typeof p === 'string')
            for (const part of allowed) if (wasAt !== isAt) expect(diff.has(part)).toBe(true)
          }
          for (const key of diff)
            expect(allowed, `${card.id} moved by (${dx}, ${dy}) changed ${key}`).toContain(key)
        },
      ),
      { numRuns: 150 },
    )
  })

  it('moving the whole board changes nothing', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e5, max: 1e5 }), fc.integer({ min: -1e5, max: 1e5 }), (dx, dy) => {
        const copy = JSON.parse(JSON.stringify(base)) as Snapshot
        for (const r of copy.records) {
          if (r.typeName === 'shape' && r.parentId?.startsWith('page:')) {
            r.x += dx
            r.y += dy
          }
        }
        expect(changed(before, pvwOf(copy))).toEqual(new Set())
      }),
      { numRuns: 30 },
    )
  })
})
