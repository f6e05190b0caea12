import { describe, expect, it } from 'vitest'
import { ROUTE_NAMES, Routes, routePath } from './routeTable.ts'

describe('route table', () => {
  it('defines each method and path once', () => {
    const keys = ROUTE_NAMES.map((name) => `${Routes[name].method} ${Routes[name].path}`)
    expect(new Set(keys).size).toBe(keys.length)
  })

  it('fills path parameters, each encoded as one segment', () => {
    expect(routePath('putPlacements', { boardId: 'b1', roundId: 'r/1' })).toBe(
      '/api/boards/b1/rounds/r%2F1/placements',
    )
    expect(routePath('config', {})).toBe('/api/config')
    expect(() => routePath('session', { boardId: '' })).toThrow(/missing :boardId/)
  })
})
