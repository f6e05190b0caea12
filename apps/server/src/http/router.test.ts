import { describe, expect, it } from 'vitest'
import { AppError } from '../errors.ts'
import { parseRequestTarget } from './requestTarget.ts'
import { routeOf } from './routes.ts'

const route = (method: string, raw: string) => {
  try {
    return routeOf(method, parseRequestTarget(raw))
  } catch (error) {
    if (error instanceof AppError) return error.code
    throw error
  }
}

describe('route table', () => {
  it('routes every endpoint of docs/protocol.md', () => {
    expect(route('GET', '/healthz')).toEqual({ kind: 'health' })
    expect(route('GET', '/api/config')).toEqual({ kind: 'config' })
    expect(route('POST', '/api/boards')).toEqual({ kind: 'createBoard' })
    expect(route('POST', '/api/boards/import?title=x')).toEqual({ kind: 'importBoard' })
    expect(route('POST', '/api/boards/abc/facilitation')).toEqual({
      kind: 'boardAction',
      boardId: 'abc',
      action: 'facilitation',
    })
    expect(route('POST', '/api/boards/abc/links/revoke')).toMatchObject({ action: 'links/revoke' })
    expect(route('POST', '/api/boards/abc/join-code')).toMatchObject({
      kind: 'boardAction',
      action: 'join-code',
    })
    expect(route('GET', '/api/join/ABC234')).toEqual({ kind: 'joinCode', code: 'ABC234' })
    expect(route('POST', '/api/join/ABC234')).toBe('METHOD_NOT_ALLOWED')
    expect(route('GET', '/api/join/ABC234/x')).toBe('NOT_FOUND')
    expect(route('GET', '/api/boards/a%62c/programma?format=md')).toEqual({
      kind: 'boardRead',
      boardId: 'abc',
      what: 'programma',
    })
    expect(route('PUT', '/api/boards/abc/rounds/r1/placements')).toEqual({
      kind: 'rounds',
      boardId: 'abc',
      roundId: 'r1',
      sub: 'placements',
    })
    expect(route('POST', '/api/boards/abc/sessions/s1/restore')).toEqual({
      kind: 'sessions',
      boardId: 'abc',
      rest: 's1/restore',
    })
    expect(route('GET', '/b/abc?token=x')).toEqual({ kind: 'static' })
  })

  it('refuses unknown endpoints, wrong methods and encoded separators with their codes', () => {
    expect(route('GET', '/api/boards')).toBe('METHOD_NOT_ALLOWED')
    expect(route('DELETE', '/api/boards/abc/links')).toBe('METHOD_NOT_ALLOWED')
    expect(route('POST', '/api/boards/abc/session')).toBe('METHOD_NOT_ALLOWED')
    expect(route('GET', '/api/boards//session')).toBe('NOT_FOUND')
    expect(route('GET', '/api/boards/abc/rounds')).toBe('NOT_FOUND')
    expect(route('GET', '/api/nothing')).toBe('NOT_FOUND')
    expect(route('GET', '/api/boards/a%2Fb/session')).toBe('MALFORMED_REQUEST')
  })
})
