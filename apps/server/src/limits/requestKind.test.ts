import { describe, expect, it } from 'vitest'
import { requestKind } from './requestKind.ts'

describe('requestKind', () => {
  it('counts board creation, import and restore as the expensive kinds', () => {
    expect(requestKind('POST', { kind: 'createBoard' })).toBe('create')
    expect(requestKind('POST', { kind: 'importBoard' })).toBe('import')
    expect(requestKind('POST', { kind: 'sessions', boardId: 'b', rest: 's1/restore' })).toBe('create')
  })
  it('separates joining from other reads, and reads from writes', () => {
    expect(requestKind('GET', { kind: 'boardRead', boardId: 'b', what: 'session' })).toBe('join')
    expect(requestKind('GET', { kind: 'boardRead', boardId: 'b', what: 'snapshot' })).toBe('read')
    expect(requestKind('GET', { kind: 'sessions', boardId: 'b', rest: '' })).toBe('read')
    expect(requestKind('POST', { kind: 'sessions', boardId: 'b', rest: '' })).toBe('write')
    expect(requestKind('PUT', { kind: 'rounds', boardId: 'b', roundId: 'r', sub: 'placements' })).toBe(
      'write',
    )
    expect(requestKind('GET', { kind: 'rounds', boardId: 'b', roundId: 'r', sub: undefined })).toBe('read')
    expect(requestKind('POST', { kind: 'boardAction', boardId: 'b', action: 'facilitation' })).toBe('write')
  })
  it('puts the web app, its config and the health check in the static budget', () => {
    expect(requestKind('GET', { kind: 'static' })).toBe('static')
    expect(requestKind('GET', { kind: 'config' })).toBe('static')
    expect(requestKind('GET', { kind: 'health' })).toBe('static')
  })
})
