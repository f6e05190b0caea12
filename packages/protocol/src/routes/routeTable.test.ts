import { describe, expect, expectTypeOf, it } from 'vitest'
import type { CreateBoardResponse } from '../api.ts'
import {
  ROUTE_NAMES,
  type RouteParams,
  type RouteQuery,
  type RouteRequest,
  type RouteResponse,
  Routes,
  routePath,
} from './routeTable.ts'

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

describe('route table types', () => {
  it("carry each route's params, body, query and response", () => {
    expectTypeOf<RouteParams<'putPlacements'>>().toEqualTypeOf<{
      readonly boardId: string
      readonly roundId: string
    }>()
    expectTypeOf<keyof RouteParams<'config'>>().toEqualTypeOf<never>()
    expectTypeOf<RouteRequest<'createBoard'>>().toEqualTypeOf<{ title: string }>()
    expectTypeOf<RouteRequest<'session'>>().toEqualTypeOf<undefined>()
    expectTypeOf<RouteQuery<'compareSessions'>>().toEqualTypeOf<{ from: string; to?: string | undefined }>()
    expectTypeOf<RouteResponse<'restoreSession'>>().toEqualTypeOf<CreateBoardResponse>()
  })
})
