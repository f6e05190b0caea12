import { AppError } from '../errors.ts'
import type { RequestTarget } from './requestTarget.ts'

export type BoardAction = 'facilitation' | 'links' | 'links/revoke' | 'join-code'
export type BoardRead = 'session' | 'snapshot' | 'programma'

/** What a request asks for, decided from its method and target alone (nothing is read or authorised yet). */
export type Route =
  | { kind: 'health' }
  | { kind: 'config' }
  | { kind: 'createBoard' }
  | { kind: 'importBoard' }
  | { kind: 'boardAction'; boardId: string; action: BoardAction }
  | { kind: 'boardRead'; boardId: string; what: BoardRead }
  | { kind: 'rounds'; boardId: string; roundId: string; sub: string | undefined }
  | { kind: 'sessions'; boardId: string; rest: string }
  | { kind: 'joinCode'; code: string }
  | { kind: 'static' }

const READS: ReadonlySet<string> = new Set<BoardRead>(['session', 'snapshot', 'programma'])

const only = (method: string | undefined, allowed: string) => {
  if (method !== allowed) throw new AppError('METHOD_NOT_ALLOWED', `use ${allowed}`)
}

/**
 * The route table. Throws only AppErrors (NOT_FOUND, METHOD_NOT_ALLOWED, MALFORMED_REQUEST): whatever the
 * method and target, it never throws anything else (`routes.test.ts` checks that over generated targets).
 * Segments are already percent-decoded; one that decodes to something with a `/` in it cannot be an id here.
 */
export function routeOf(method: string | undefined, target: RequestTarget): Route {
  const s = target.segments
  if (target.path === '/healthz') return { kind: 'health' }
  if (s[0] !== 'api') return { kind: 'static' }
  if (s.some((segment) => segment.includes('/'))) {
    throw new AppError('MALFORMED_REQUEST', 'an encoded / inside a path segment')
  }
  if (s.length === 2 && s[1] === 'config') {
    only(method, 'GET')
    return { kind: 'config' }
  }
  if (s[1] === 'join' && s.length === 3 && s[2] !== '') {
    only(method, 'GET')
    return { kind: 'joinCode', code: s[2]! }
  }
  if (s[1] !== 'boards' || s.length < 3 || s[2] === '') {
    if (s.length === 2 && s[1] === 'boards') {
      only(method, 'POST')
      return { kind: 'createBoard' }
    }
    throw new AppError('NOT_FOUND', 'no such endpoint')
  }
  const boardId = s[2]!
  if (s.length === 3) {
    if (boardId !== 'import') throw new AppError('NOT_FOUND', 'no such endpoint')
    only(method, 'POST')
    return { kind: 'importBoard' }
  }
  const what = s[3]!
  if (
    (s.length === 4 && (what === 'facilitation' || what === 'links' || what === 'join-code')) ||
    (s.length === 5 && what === 'links' && s[4] === 'revoke')
  ) {
    only(method, 'POST')
    return { kind: 'boardAction', boardId, action: s.length === 5 ? 'links/revoke' : what }
  }
  if (s.length === 4 && READS.has(what)) {
    only(method, 'GET')
    return { kind: 'boardRead', boardId, what: what as BoardRead }
  }
  if (what === 'sessions') return { kind: 'sessions', boardId, rest: s.slice(4).join('/') }
  if (what === 'rounds' && s.length >= 5 && s[4] !== '') {
    return { kind: 'rounds', boardId, roundId: s[4]!, sub: s[5] }
  }
  throw new AppError('NOT_FOUND', 'no such endpoint')
}
