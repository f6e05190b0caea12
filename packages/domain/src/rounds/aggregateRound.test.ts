import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { aggregateRound, disagreementOf } from './aggregateRound.ts'
import { compareCodeUnits } from './mergePlacements.ts'
import { ROUND_CLASSES, type RoundClass, type RoundPlacement } from './RoundPlacement.ts'

// A strict copy of RoundValueResultSchema in packages/protocol/src/rounds.ts: the server sends these results as
// they are, so an extra or missing field must fail here.
const roundValueResultSchema = z.strictObject({
  valueId: z.string(),
  counts: z.strictObject({ sturend: z.number(), meekoppelen: z.number(), 'vinger-aan-de-pols': z.number() }),
  twijfel: z.number(),
  total: z.number(),
  majority: z.enum(ROUND_CLASSES).nullable(),
  consensus: z.number(),
  disagreement: z.number(),
})

let clock = 0
const place = (
  participantKey: string,
  valueId: string,
  klasse: RoundClass,
  twijfel = false,
): RoundPlacement => ({
  participantKey,
  valueId,
  klasse,
  twijfel,
  at: ++clock,
})

describe('aggregateRound', () => {
  const placements = [
    ...['p1', 'p2', 'p3', 'p4'].map((p) => place(p, 'v:eens', 'sturend')),
    place('p1', 'v:gelijk', 'sturend'),
    place('p2', 'v:gelijk', 'sturend', true),
    place('p3', 'v:gelijk', 'meekoppelen'),
    place('p4', 'v:gelijk', 'meekoppelen'),
    place('p1', 'v:verdeeld', 'sturend'),
    place('p2', 'v:verdeeld', 'sturend'),
    place('p3', 'v:verdeeld', 'meekoppelen', true),
    place('p4', 'v:verdeeld', 'vinger-aan-de-pols'),
    place('p1', 'v:ander-bord', 'sturend'),
    place('p5', 'v:ander-bord', 'meekoppelen'),
  ]
  const round = aggregateRound(placements, ['v:eens', 'v:gelijk', 'v:verdeeld', 'v:leeg'])

  it('[R4] counts per class, with majority, consensus and disagreement', () => {
    const [eens, gelijk, verdeeld, leeg] = round.values
    expect(eens).toEqual({
      valueId: 'v:eens',
      counts: { sturend: 4, meekoppelen: 0, 'vinger-aan-de-pols': 0 },
      twijfel: 0,
      total: 4,
      majority: 'sturend',
      consensus: 1,
      disagreement: 0,
    })
    // A tie has no majority; consensus is still the share of the largest class.
    expect(gelijk).toMatchObject({
      counts: { sturend: 2, meekoppelen: 2 },
      twijfel: 1,
      majority: null,
      consensus: 0.5,
    })
    expect(gelijk!.disagreement).toBeCloseTo(Math.log(2) / Math.log(3), 12)
    expect(verdeeld).toMatchObject({ total: 4, majority: 'sturend', consensus: 0.5, twijfel: 1 })
    expect(verdeeld!.disagreement).toBeCloseTo((1.5 * Math.log(2)) / Math.log(3), 12)
    expect(leeg).toEqual({
      valueId: 'v:leeg',
      counts: { sturend: 0, meekoppelen: 0, 'vinger-aan-de-pols': 0 },
      twijfel: 0,
      total: 0,
      majority: null,
      consensus: 0,
      disagreement: 0,
    })
    for (const v of round.values) expect(roundValueResultSchema.parse(v)).toEqual(v)
  })

  it('[R2][R5] lists what to discuss, strongest disagreement first, and ignores values outside the round', () => {
    expect(round.toDiscuss).toEqual(['v:verdeeld', 'v:gelijk'])
    expect(round.values.map((v) => v.valueId)).not.toContain('v:ander-bord')
  })

  it('[R3] tracks progress per participant; someone who placed only values outside the round is not in it', () => {
    expect(round.participants).toEqual([
      { key: 'p1', placed: 3, done: false },
      { key: 'p2', placed: 3, done: false },
      { key: 'p3', placed: 3, done: false },
      { key: 'p4', placed: 3, done: false },
    ])
    const three = aggregateRound(placements, ['v:eens', 'v:gelijk', 'v:verdeeld', 'v:eens'])
    expect(three.participants.every((p) => p.done)).toBe(true)
  })

  it('[R5] breaks equal disagreement by more twijfel first, then by value id', () => {
    const result = aggregateRound(
      [
        // 2–1–0 and 0–1–2: the same disagreement.
        place('a', 'v:b', 'sturend'),
        place('b', 'v:b', 'sturend'),
        place('c', 'v:b', 'meekoppelen'),
        place('a', 'v:a', 'vinger-aan-de-pols'),
        place('b', 'v:a', 'vinger-aan-de-pols'),
        place('c', 'v:a', 'meekoppelen'),
        place('a', 'v:c', 'meekoppelen', true),
        place('b', 'v:c', 'meekoppelen'),
        place('c', 'v:c', 'sturend'),
      ],
      ['v:a', 'v:b', 'v:c'],
    )
    expect(result.values[0]!.disagreement).toBe(result.values[1]!.disagreement)
    expect(result.toDiscuss).toEqual(['v:c', 'v:a', 'v:b'])
  })

  it('[R2] merges raw rows first: only the latest placement of a participant counts', () => {
    const result = aggregateRound(
      [
        { participantKey: 'a', valueId: 'v', klasse: 'vinger-aan-de-pols', twijfel: true, at: 30 },
        { participantKey: 'a', valueId: 'v', klasse: 'sturend', twijfel: false, at: 10 },
      ],
      ['v'],
    )
    expect(result.values[0]).toMatchObject({
      counts: { 'vinger-aan-de-pols': 1, sturend: 0 },
      twijfel: 1,
      total: 1,
    })
    expect(result.participants).toEqual([{ key: 'a', placed: 1, done: true }])
  })
})

describe('aggregateRound (property)', () => {
  const VALUES = ['v:a', 'v:b', 'v:c', 'v:d']
  const placements = fc.uniqueArray(
    fc.record({
      participantKey: fc.constantFrom('p1', 'p2', 'p3', 'p4', 'p5', 'p6'),
      valueId: fc.constantFrom(...VALUES, 'v:elders'),
      klasse: fc.constantFrom(...ROUND_CLASSES),
      twijfel: fc.boolean(),
      at: fc.nat(),
    }),
    { selector: (p) => `${p.participantKey} ${p.valueId}`, maxLength: 30 },
  )

  it('keeps its invariants and does not depend on the order of the placements', () => {
    fc.assert(
      fc.property(
        placements.chain((ps) =>
          fc.tuple(fc.constant(ps), fc.shuffledSubarray(ps, { minLength: ps.length, maxLength: ps.length })),
        ),
        ([ps, shuffled]) => {
          const result = aggregateRound(ps, VALUES)
          expect(aggregateRound(shuffled, VALUES)).toEqual(result)
          for (const v of result.values) {
            const mine = ps.filter((p) => p.valueId === v.valueId)
            const counts = ROUND_CLASSES.map((c) => v.counts[c])
            const largest = Math.max(...counts)
            expect(v.total).toBe(mine.length)
            expect(counts.reduce((a, b) => a + b, 0)).toBe(v.total)
            expect(v.twijfel).toBe(mine.filter((p) => p.twijfel).length)
            expect(v.disagreement).toBeGreaterThanOrEqual(0)
            expect(v.disagreement).toBeLessThanOrEqual(1)
            // Disagreement is zero exactly when at most one class is used.
            expect(v.disagreement === 0).toBe(counts.filter((n) => n > 0).length <= 1)
            expect(v.majority === null).toBe(v.total === 0 || counts.filter((n) => n === largest).length > 1)
            if (v.total > 0) expect(v.consensus).toBe(largest / v.total)
            expect(result.toDiscuss.includes(v.valueId)).toBe(v.disagreement > 0 && v.total >= 2)
          }
          const order = result.toDiscuss.map((id) => result.values.find((v) => v.valueId === id)!)
          for (let i = 1; i < order.length; i++) {
            const [a, b] = [order[i - 1]!, order[i]!]
            const rank =
              b.disagreement - a.disagreement ||
              b.twijfel - a.twijfel ||
              compareCodeUnits(a.valueId, b.valueId)
            expect(rank).toBeLessThan(0)
          }
          for (const p of result.participants) {
            expect(p.placed).toBe(
              new Set(
                ps
                  .filter((x) => x.participantKey === p.key && VALUES.includes(x.valueId))
                  .map((x) => x.valueId),
              ).size,
            )
            expect(p.done).toBe(p.placed === VALUES.length)
          }
        },
      ),
      { numRuns: 300 },
    )
  })

  it('disagreement depends only on the multiset of counts', () => {
    fc.assert(
      fc.property(fc.tuple(fc.nat(50), fc.nat(50), fc.nat(50)), ([a, b, c]) => {
        const d = disagreementOf([a, b, c])
        for (const perm of [
          [a, c, b],
          [b, a, c],
          [b, c, a],
          [c, a, b],
          [c, b, a],
        ])
          expect(disagreementOf(perm)).toBe(d)
      }),
    )
    expect(disagreementOf([1, 1, 1])).toBeCloseTo(1, 12)
  })
})
