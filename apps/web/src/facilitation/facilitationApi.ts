import { boardComparisonSchema } from '@waardentafel/domain'
import {
  type FacilitationActionSchema,
  PARTICIPANT_KEY_HEADER,
  type PutPlacementsRequest,
  type Role,
} from '@waardentafel/protocol'
import type { z } from 'zod'
import { ApiError, api } from '../api/client.ts'

// The facilitation features' calls, by name, over the one client (api/client.ts): each is a route of the route
// table in packages/protocol, with the link's token as the bearer.

/** Who is asking: the board and the role token from the link. */
export type Auth = { boardId: string; token: string }
export type FacilitationActionInput = z.input<typeof FacilitationActionSchema>

const as = (auth: Auth) => ({ bearer: auth.token })

export function sendAction(auth: Auth, action: FacilitationActionInput) {
  return api.call('facilitation', { boardId: auth.boardId }, action, as(auth))
}

export function issueLink(auth: Auth, role: Role, ttlDays: number) {
  return api.call('issueLink', { boardId: auth.boardId }, { role, ttlDays }, as(auth))
}

export function revokeLinks(auth: Auth, role: Role) {
  return api.call('revokeLinks', { boardId: auth.boardId }, { role }, as(auth))
}

export function putPlacements(auth: Auth, roundId: string, body: PutPlacementsRequest) {
  return api.call('putPlacements', { boardId: auth.boardId, roundId }, body, as(auth))
}

/** A ballot key for this device, issued by the server (the only kind of key placements count with). */
export function issueParticipantKey(auth: Auth) {
  return api.call('issueParticipantKey', { boardId: auth.boardId }, undefined, as(auth))
}

/** The round's report; with a key, also that ballot's own placements (the key proves authorship). */
export function getRoundReport(auth: Auth, roundId: string, participantKey: string | null) {
  return api.call('roundReport', { boardId: auth.boardId, roundId }, undefined, {
    ...as(auth),
    ...(participantKey ? { headers: { [PARTICIPANT_KEY_HEADER]: participantKey } } : {}),
  })
}

export function saveSession(auth: Auth, name: string) {
  return api.call('saveSession', { boardId: auth.boardId }, { name }, as(auth))
}

export function listSessions(auth: Auth) {
  return api.call('listSessions', { boardId: auth.boardId }, undefined, as(auth))
}

/** What changed between two saved sessions; the route table leaves the comparison's shape to the domain. */
export async function compareSessions(auth: Auth, from: string, to: string) {
  const answer = await api.call('compareSessions', { boardId: auth.boardId }, undefined, {
    ...as(auth),
    query: { from, to },
  })
  const parsed = boardComparisonSchema.safeParse(answer)
  if (!parsed.success) throw new ApiError('BAD_RESPONSE', 'unexpected answer from compareSessions')
  return parsed.data
}

export function restoreSession(auth: Auth, sessionId: string) {
  return api.call('restoreSession', { boardId: auth.boardId, sessionId }, undefined, as(auth))
}
