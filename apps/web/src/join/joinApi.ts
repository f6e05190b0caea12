import {
  type JoinCodeResponse,
  JoinCodeResponseSchema,
  type JoinResolveResponse,
  JoinResolveResponseSchema,
} from '@waardentafel/protocol'
import type { z } from 'zod'
import { ApiError } from '../api.ts'

async function call<T>(schema: z.ZodType<T>, path: string, init?: RequestInit): Promise<T> {
  let res: Response
  try {
    res = await fetch(path, init)
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

/** The board's join code (facilitator only): the same one until the participant link ends or is revoked. */
export function fetchJoinCode(auth: { boardId: string; token: string }): Promise<JoinCodeResponse> {
  return call(JoinCodeResponseSchema, `/api/boards/${encodeURIComponent(auth.boardId)}/join-code`, {
    method: 'POST',
    headers: { authorization: `Bearer ${auth.token}`, 'content-type': 'application/json' },
    body: '{}',
  })
}

/** The participant link a typed code stands for. */
export function resolveJoinCode(code: string): Promise<JoinResolveResponse> {
  return call(JoinResolveResponseSchema, `/api/join/${encodeURIComponent(code)}`)
}
