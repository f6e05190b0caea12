import { FacilitationStateSchema } from '@waardentafel/protocol'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { applyFacilitationAction } from './applyFacilitationAction.ts'

let n = 0
const ids = () => `r${++n}`
const state = (doc: Y.Doc) => FacilitationStateSchema.parse(doc.getMap('facilitation').toJSON())

describe('applyFacilitationAction', () => {
  it('runs the timer: start, pause keeps the remainder, resume continues, reset clears', () => {
    const doc = new Y.Doc()
    applyFacilitationAction(doc, { action: 'timer.start', durationMs: 300_000 }, 1_000, ids)
    expect(state(doc).timer).toEqual({
      status: 'running',
      durationMs: 300_000,
      endsAt: 301_000,
      remainingMs: 300_000,
    })
    applyFacilitationAction(doc, { action: 'timer.pause' }, 61_000, ids)
    expect(state(doc).timer).toMatchObject({ status: 'paused', endsAt: null, remainingMs: 240_000 })
    applyFacilitationAction(doc, { action: 'timer.resume' }, 100_000, ids)
    expect(state(doc).timer).toMatchObject({ status: 'running', endsAt: 340_000 })
    applyFacilitationAction(doc, { action: 'timer.reset' }, 100_001, ids)
    expect(state(doc).timer.status).toBe('idle')
  })

  it('numbers every summon, so the same viewport can be summoned twice', () => {
    const doc = new Y.Doc()
    const summon = { action: 'summon', pageId: 'page:page', x: 1, y: 2, z: 1, by: 'user:f' } as const
    applyFacilitationAction(doc, summon, 0, ids)
    applyFacilitationAction(doc, summon, 0, ids)
    expect(state(doc).summon?.seq).toBe(2)
  })

  it('opens, closes and records the adoption of a prioritising round; unknown rounds are refused', () => {
    const doc = new Y.Doc()
    const { roundId } = applyFacilitationAction(
      doc,
      {
        action: 'round.open',
        title: 'Prioriteer vóór 12 december',
        deadline: '2026-12-12',
        anonymous: false,
        visibleBeforeClose: false,
        prioriteringId: null,
      },
      5,
      ids,
    )
    expect(roundId).toBeTruthy()
    applyFacilitationAction(doc, { action: 'round.close', roundId: roundId! }, 9, ids)
    applyFacilitationAction(doc, { action: 'round.adopt', roundId: roundId!, by: 'Fenna' }, 10, ids)
    expect(state(doc).rounds[roundId!]).toMatchObject({
      status: 'closed',
      closedAt: 9,
      adoption: { by: 'Fenna', at: 10 },
    })
    expect(() => applyFacilitationAction(doc, { action: 'round.close', roundId: 'nope' }, 11, ids)).toThrow(
      /no round/,
    )
  })

  it('turns private mode on and off and counts reveals', () => {
    const doc = new Y.Doc()
    applyFacilitationAction(doc, { action: 'privateMode', on: true }, 0, ids)
    applyFacilitationAction(doc, { action: 'privateMode.reveal' }, 0, ids)
    applyFacilitationAction(doc, { action: 'privateMode', on: false }, 0, ids)
    expect(state(doc).privateMode).toEqual({ on: false, revealSeq: 1 })
  })

  it('sets and clears follow-me and the lock', () => {
    const doc = new Y.Doc()
    applyFacilitationAction(doc, { action: 'followMe', userId: 'user:f', name: 'Fenna' }, 0, ids)
    expect(state(doc).followMe).toEqual({ userId: 'user:f', name: 'Fenna' })
    applyFacilitationAction(doc, { action: 'followMe.stop' }, 0, ids)
    expect(state(doc).followMe).toBeNull()
    applyFacilitationAction(doc, { action: 'lock', structure: true, valueCards: false }, 0, ids)
    expect(state(doc).lock).toEqual({ structure: true, valueCards: false })
  })
})
