import type { ClientConfig, CreateBoardResponse, SessionResponse } from '@waardentafel/protocol'
import { api } from './client.ts'

/** A new board; `organiserKey` when the server asks for one. */
export function createBoard(title: string, organiserKey?: string): Promise<CreateBoardResponse> {
  return api.call('createBoard', {}, { title }, { bearer: organiserKey })
}

/** The board, the role and the server's time for a link's token (the link check). */
export function getSession(boardId: string, token: string): Promise<SessionResponse> {
  return api.call('session', { boardId }, undefined, { bearer: token })
}

export function getClientConfig(): Promise<ClientConfig> {
  return api.call('config', {})
}
