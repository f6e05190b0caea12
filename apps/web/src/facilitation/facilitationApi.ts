import { boardComparisonSchema } from '@waardentafel/domain'
import {
  CreateBoardResponseSchema,
  type FacilitationActionSchema,
  LinkResponseSchema,
  PARTICIPANT_KEY_HEADER,
  ParticipantKeyResponseSchema,
  type PutPlacementsRequest,
  type Role,
  RoundReportSchema,
  SessionSummarySchema,
} from '@waardentafel/protocol'
import { z } from 'zod'
import { ApiError } from '../api.ts'

/** Who is asking: the board and the role token from the link. */
export type Auth = { boardId: string; token: string }
export type FacilitationActionInput = z.input<typeof FacilitationActionSchema>

// Answers from the server are `unknown` until parsed: the shapes below are what the UI relies on.
const ActionResultSchema = z.looseObject({ ok: z.boolean().optional(), roundId: z.string().optional() })

async function call<T>(auth: Auth, schema: z.ZodType<T>, path: string, init?: RequestInit): Promise<T> {
  let res: Response
  try {
    res = await fetch(`/api/boards/${encodeURIComponent(auth.boardId)}${path}`, {
      ...init,
      headers: {
        authorization: `Bearer ${auth.token}`,
        ...(init?.body ? { 'content-type': 'application/json' } : {}),
        ...(init?.headers as Record<string, string> | undefined),
      },
    })
  } catch {
    throw new ApiError('NETWORK', 'server not reachable')
  }
  const body: unknown = await res.json().catch(() => null)
  if (!res.ok) {
    const error = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error
    throw new ApiError(String(error?.code ?? `HTTP_${res.status}`), String(error?.message ?? res.statusText))
  }
  const parsed = schema.safeParse(body)
  if (!parsed.success) throw new ApiError('BAD_RESPONSE', 'unexpected response')
  return parsed.data
}

const post = (body: unknown): RequestInit => ({ method: 'POST', body: JSON.stringify(body) })

export function sendAction(auth: Auth, action: FacilitationActionInput) {
  return call(auth, ActionResultSchema, '/facilitation', post(action))
}

export function issueLink(auth: Auth, role: Role, ttlDays: number) {
  return call(auth, LinkResponseSchema, '/links', post({ role, ttlDays }))
}

export function revokeLinks(auth: Auth, role: Role) {
  return call(auth, LinkResponseSchema, '/links/revoke', post({ role }))
}

export function putPlacements(auth: Auth, roundId: string, body: PutPlacementsRequest) {
  return call(auth, z.unknown(), `/rounds/${encodeURIComponent(roundId)}/placements`, {
    method: 'PUT',
    body: JSON.stringify(body),
  })
}

/** A ballot key for this device, issued by the server (the only kind of key placements count with). */
export function issueParticipantKey(auth: Auth) {
  return call(auth, ParticipantKeyResponseSchema, '/rounds/participant', post({}))
}

/** The round's report; with a key, also that ballot's own placements (the key proves authorship). */
export function getRoundReport(auth: Auth, roundId: string, participantKey: string | null) {
  const init = participantKey ? { headers: { [PARTICIPANT_KEY_HEADER]: participantKey } } : undefined
  return call(auth, RoundReportSchema, `/rounds/${encodeURIComponent(roundId)}`, init)
}

export function saveSession(auth: Auth, name: string) {
  return call(auth, SessionSummarySchema, '/sessions', post({ name }))
}

export function listSessions(auth: Auth) {
  return call(auth, z.array(SessionSummarySchema), '/sessions')
}

export function compareSessions(auth: Auth, from: string, to: string) {
  const query = `?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`
  return call(auth, boardComparisonSchema, `/sessions/compare${query}`)
}

export function restoreSession(auth: Auth, sessionId: string) {
  return call(auth, CreateBoardResponseSchema, `/sessions/${encodeURIComponent(sessionId)}/restore`, post({}))
}
