import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { ROUTE_NAMES, Routes, routePath } from '@waardentafel/protocol'
import { describe, expect, it } from 'vitest'
import { AppError } from '../errors.ts'
import { parseRequestTarget } from './requestTarget.ts'
import { createRouter } from './router.ts'

const router = createRouter()
const route = (method: string, raw: string) => {
  try {
    return router.match(method, parseRequestTarget(raw))
  } catch (error) {
    if (error instanceof AppError) return error.code
    throw error
  }
}
const api = (name: string, params: Record<string, string> = {}) => ({ kind: 'api', name, params })

describe('router', () => {
  it('routes every endpoint of docs/protocol.md', () => {
    expect(route('GET', '/healthz')).toEqual(api('health'))
    expect(route('HEAD', '/healthz')).toEqual(api('health'))
    expect(route('GET', '/api/config')).toEqual(api('config'))
    expect(route('POST', '/api/boards')).toEqual(api('createBoard'))
    expect(route('POST', '/api/boards/import?title=x')).toEqual(api('importBoard'))
    expect(route('GET', '/api/boards/abc/session')).toEqual(api('session', { boardId: 'abc' }))
    expect(route('POST', '/api/boards/abc/facilitation')).toEqual(api('facilitation', { boardId: 'abc' }))
    expect(route('POST', '/api/boards/abc/links')).toEqual(api('issueLink', { boardId: 'abc' }))
    expect(route('POST', '/api/boards/abc/links/revoke')).toEqual(api('revokeLinks', { boardId: 'abc' }))
    expect(route('POST', '/api/boards/abc/join-code')).toEqual(api('issueJoinCode', { boardId: 'abc' }))
    expect(route('GET', '/api/join/ABC234')).toEqual(api('resolveJoinCode', { code: 'ABC234' }))
    expect(route('POST', '/api/join/ABC234')).toBe('METHOD_NOT_ALLOWED')
    expect(route('GET', '/api/join/ABC234/x')).toBe('NOT_FOUND')
    expect(route('GET', '/api/boards/a%62c/programma?format=md')).toEqual(
      api('programma', { boardId: 'abc' }),
    )
    expect(route('POST', '/api/boards/abc/rounds/participant')).toEqual(
      api('issueParticipantKey', { boardId: 'abc' }),
    )
    expect(route('PUT', '/api/boards/abc/rounds/r1/placements')).toEqual(
      api('putPlacements', { boardId: 'abc', roundId: 'r1' }),
    )
    expect(route('GET', '/api/boards/abc/rounds/r1')).toEqual(
      api('roundReport', { boardId: 'abc', roundId: 'r1' }),
    )
    expect(route('GET', '/api/boards/abc/sessions')).toEqual(api('listSessions', { boardId: 'abc' }))
    expect(route('POST', '/api/boards/abc/sessions')).toEqual(api('saveSession', { boardId: 'abc' }))
    expect(route('GET', '/api/boards/abc/sessions/compare?from=s1')).toEqual(
      api('compareSessions', { boardId: 'abc' }),
    )
    expect(route('POST', '/api/boards/abc/sessions/s1/restore')).toEqual(
      api('restoreSession', { boardId: 'abc', sessionId: 's1' }),
    )
    expect(route('GET', '/b/abc?token=x')).toEqual({ kind: 'static' })
  })

  it('matches every route of the table by its own method and path', () => {
    for (const name of ROUTE_NAMES) {
      const { method, path } = Routes[name]
      const params = Object.fromEntries(
        [...path.matchAll(/:([A-Za-z]+)/g)].map(([, key]) => [key, `x-${key}`]),
      )
      expect(route(method, routePath(name, params as never))).toEqual(api(name, params))
    }
  })

  it('takes parameters from the strictly decoded segments', () => {
    expect(route('GET', '/api/boards/a%3Fb%25/rounds/r%C3%A9')).toEqual(
      api('roundReport', { boardId: 'a?b%', roundId: 'ré' }),
    )
    expect(route('GET', '/api/boards/import/session')).toEqual(api('session', { boardId: 'import' }))
  })

  it('refuses unknown endpoints, wrong methods and encoded separators with their codes', () => {
    expect(route('GET', '/api/boards')).toBe('METHOD_NOT_ALLOWED')
    expect(route('GET', '/api/boards/import')).toBe('METHOD_NOT_ALLOWED')
    expect(route('DELETE', '/api/boards/abc/links')).toBe('METHOD_NOT_ALLOWED')
    expect(route('POST', '/api/boards/abc/session')).toBe('METHOD_NOT_ALLOWED')
    expect(route('HEAD', '/api/config')).toBe('METHOD_NOT_ALLOWED')
    expect(route('GET', '/api/boards/abc/rounds/participant')).toBe('METHOD_NOT_ALLOWED')
    expect(route('PUT', '/api/boards/abc/rounds/participant/placements')).toEqual(
      api('putPlacements', { boardId: 'abc', roundId: 'participant' }),
    )
    expect(route('BREW', '/api/config')).toBe('METHOD_NOT_ALLOWED')
    expect(route('GET', '/api/boards//session')).toBe('NOT_FOUND')
    expect(route('GET', '/api/boards/abc')).toBe('NOT_FOUND')
    expect(route('GET', '/api/boards/abc/rounds')).toBe('NOT_FOUND')
    expect(route('GET', '/api/boards/abc/rounds/')).toBe('NOT_FOUND')
    expect(route('GET', '/api/config/')).toBe('NOT_FOUND')
    expect(route('GET', '/api/Config')).toBe('NOT_FOUND')
    expect(route('GET', '/api/nothing')).toBe('NOT_FOUND')
    expect(route('GET', '/api/boards/a%2Fb/session')).toBe('MALFORMED_REQUEST')
  })
})

describe('docs/protocol.md', () => {
  it('lists every route of the table by its method, path and name', () => {
    const doc = readFileSync(join(import.meta.dirname, '../../../../docs/protocol.md'), 'utf8')
    const missing = ROUTE_NAMES.filter(
      (name) =>
        !doc.includes(`| \`${Routes[name].method} ${Routes[name].path}\``) ||
        !doc.includes(`| \`${name}\` |`),
    )
    expect(missing).toEqual([])
  })
})
