import type { JoinCodeResponse, JoinResolveResponse } from '@waardentafel/protocol'
import { api } from '../api/client.ts'

/** The board's join code (facilitator only): the same one until the participant link ends or is revoked. */
export function fetchJoinCode(auth: { boardId: string; token: string }): Promise<JoinCodeResponse> {
  return api.call('issueJoinCode', { boardId: auth.boardId }, undefined, { bearer: auth.token })
}

/** The participant link a typed code stands for. */
export function resolveJoinCode(code: string): Promise<JoinResolveResponse> {
  return api.call('resolveJoinCode', { code })
}
