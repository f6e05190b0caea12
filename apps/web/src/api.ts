import {
  type ClientConfig,
  ClientConfigSchema,
  type CreateBoardResponse,
  CreateBoardResponseSchema,
  type SessionResponse,
  SessionResponseSchema,
} from '@waardentafel/protocol'
import type { z } from 'zod'

/** An API refusal with the server's documented code (or NETWORK / BAD_RESPONSE). */
export class ApiError extends Error {
  readonly code: string
  constructor(code: string, message: string) {
    super(message)
    this.code = code
  }
}

async function request<T>(schema: z.ZodType<T>, path: string, init?: RequestInit): Promise<T> {
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

export function createBoard(title: string, organiserKey?: string): Promise<CreateBoardResponse> {
  return request(CreateBoardResponseSchema, '/api/boards', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(organiserKey ? { authorization: `Bearer ${organiserKey}` } : {}),
    },
    body: JSON.stringify({ title }),
  })
}

export function getSession(boardId: string, token: string): Promise<SessionResponse> {
  return request(SessionResponseSchema, `/api/boards/${encodeURIComponent(boardId)}/session`, {
    headers: { authorization: `Bearer ${token}` },
  })
}

export function getClientConfig(): Promise<ClientConfig> {
  return request(ClientConfigSchema, '/api/config')
}
