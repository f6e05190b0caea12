import { describe, expect, it } from 'vitest'
import type { Route } from '../http/router.ts'
import { requestKind } from './requestKind.ts'

const api = (name: string, params: Record<string, string> = { boardId: 'b' }) =>
  ({ kind: 'api', name, params }) as Route

describe('requestKind', () => {
  it('counts board creation, import and restore as the expensive kinds', () => {
    expect(requestKind(api('createBoard', {}))).toBe('create')
    expect(requestKind(api('importBoard', {}))).toBe('import')
    expect(requestKind(api('restoreSession', { boardId: 'b', sessionId: 's1' }))).toBe('create')
  })
  it('separates joining from other reads, and reads from writes', () => {
    expect(requestKind(api('session'))).toBe('join')
    expect(requestKind(api('resolveJoinCode', { code: 'ABC234' }))).toBe('join')
    expect(requestKind(api('snapshot'))).toBe('read')
    expect(requestKind(api('listSessions'))).toBe('read')
    expect(requestKind(api('saveSession'))).toBe('write')
    expect(requestKind(api('putPlacements', { boardId: 'b', roundId: 'r' }))).toBe('write')
    expect(requestKind(api('roundReport', { boardId: 'b', roundId: 'r' }))).toBe('read')
    expect(requestKind(api('facilitation'))).toBe('write')
  })
  it('puts the web app, its config and the health check in the static budget', () => {
    expect(requestKind({ kind: 'static' })).toBe('static')
    expect(requestKind(api('config', {}))).toBe('static')
    expect(requestKind(api('health', {}))).toBe('static')
  })
})
