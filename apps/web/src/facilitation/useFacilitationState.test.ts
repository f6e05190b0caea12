import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { currentRound, readFacilitationState } from './useFacilitationState.ts'

const round = (id: string, status: 'open' | 'closed', openedAt: number) => ({
  id,
  title: `Ronde ${id}`,
  deadline: null,
  anonymous: false,
  visibleBeforeClose: false,
  prioriteringId: null,
  status,
  openedAt,
  closedAt: status === 'closed' ? openedAt + 1 : null,
  adoption: null,
})

describe('reading the facilitation map', () => {
  it('gives defaults for an empty map', () => {
    const state = readFacilitationState(new Y.Doc().getMap('facilitation'))
    expect(state.timer.status).toBe('idle')
    expect(state.summon).toBe(null)
    expect(state.lock).toEqual({ structure: false, valueCards: false })
    expect(state.rounds).toEqual({})
  })

  it('keeps readable fields and rounds when one field or one round is unreadable', () => {
    const map = new Y.Doc().getMap<unknown>('facilitation')
    map.set('timer', { status: 'exploded' })
    map.set('lock', { structure: true, valueCards: false })
    map.set('rounds', { a: round('a', 'closed', 1), b: { id: 'b' }, c: round('c', 'open', 2) })
    const state = readFacilitationState(map)
    expect(state.timer.status).toBe('idle')
    expect(state.lock.structure).toBe(true)
    expect(Object.keys(state.rounds).sort()).toEqual(['a', 'c'])
    expect(currentRound(state)?.id).toBe('c')
  })
})
