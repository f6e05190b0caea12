import { FacilitationStateSchema } from '@waardentafel/protocol'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { applyFacilitationAction } from './applyFacilitationAction.ts'

const state = (doc: Y.Doc) => FacilitationStateSchema.parse(doc.getMap('facilitation').toJSON())

describe('applyFacilitationAction', () => {
  it('runs the timer: start, pause keeps the remainder, resume continues, reset clears', () => {
    const doc = new Y.Doc()
    applyFacilitationAction(doc, { action: 'timer.start', durationMs: 300_000 }, 1_000)
    expect(state(doc).timer).toEqual({
      status: 'running',
      durationMs: 300_000,
      endsAt: 301_000,
      remainingMs: 300_000,
    })
    applyFacilitationAction(doc, { action: 'timer.pause' }, 61_000)
    expect(state(doc).timer).toMatchObject({ status: 'paused', endsAt: null, remainingMs: 240_000 })
    applyFacilitationAction(doc, { action: 'timer.resume' }, 100_000)
    expect(state(doc).timer).toMatchObject({ status: 'running', endsAt: 340_000 })
    applyFacilitationAction(doc, { action: 'timer.reset' }, 100_001)
    expect(state(doc).timer.status).toBe('idle')
  })

  it('numbers every summon, so the same viewport can be summoned twice', () => {
    const doc = new Y.Doc()
    const summon = { action: 'summon', pageId: 'page:page', x: 1, y: 2, z: 1, by: 'user:f' } as const
    applyFacilitationAction(doc, summon, 0)
    applyFacilitationAction(doc, summon, 0)
    expect(state(doc).summon?.seq).toBe(2)
  })

  it('sets and clears follow-me and the lock', () => {
    const doc = new Y.Doc()
    applyFacilitationAction(doc, { action: 'followMe', userId: 'user:f', name: 'Fenna' }, 0)
    expect(state(doc).followMe).toEqual({ userId: 'user:f', name: 'Fenna' })
    applyFacilitationAction(doc, { action: 'followMe.stop' }, 0)
    expect(state(doc).followMe).toBeNull()
    applyFacilitationAction(doc, { action: 'lock', structure: true, valueCards: false }, 0)
    expect(state(doc).lock).toEqual({ structure: true, valueCards: false })
  })
})
