import { randomBytes } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import {
  CloseCodes,
  FacilitationActionSchema,
  IssueLinkRequestSchema,
  type LinkResponse,
  RevokeLinksRequestSchema,
  type TokenPayload,
} from '@waardentafel/protocol'
import type { z } from 'zod'
import type { BoardService } from '../BoardService.ts'
import { AppError } from '../errors.ts'
import { type ActionResult, applyFacilitationAction } from '../facilitation/applyFacilitationAction.ts'
import type { RoomManager } from '../room/RoomManager.ts'
import type { BoardRecord, BoardStorage } from '../storage/BoardStorage.ts'
import { issueJoinCode } from './joinCodes.ts'
import { readJsonBody } from './readJsonBody.ts'
import { sendJson } from './sendJson.ts'

export type BoardActionDeps = {
  boards: BoardService
  rooms: RoomManager
  storage: BoardStorage
  now?: () => number
}

type Context = {
  req: IncomingMessage
  res: ServerResponse
  board: BoardRecord
  payload: TokenPayload
  baseUrl: string
}

async function body<T>(req: IncomingMessage, schema: z.ZodType<T>): Promise<T> {
  const parsed = schema.safeParse(await readJsonBody(req, 16 * 1024))
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new AppError('INVALID_BODY', `${issue?.path.join('.') || 'body'}: ${issue?.message}`)
  }
  return parsed.data
}

/**
 * The facilitator's actions on a board (`POST /api/boards/:id/{facilitation,links,links/revoke,join-code}`). Every one is
 * checked here, on the server: anyone else gets 403 FORBIDDEN, whatever their client shows.
 */
export async function handleBoardAction(action: string, ctx: Context, deps: BoardActionDeps): Promise<void> {
  const { req, res, board, payload, baseUrl } = ctx
  if (payload.r !== 'facilitator') throw new AppError('FORBIDDEN', 'only the facilitator can do this')
  const now = deps.now ?? Date.now
  switch (action) {
    case 'facilitation': {
      const request = await body(req, FacilitationActionSchema)
      const room = await deps.rooms.acquire(board.id)
      let result: ActionResult = {}
      try {
        await room.applyServerChange((doc) => {
          result = applyFacilitationAction(doc, request, now(), () => randomBytes(6).toString('base64url'))
        })
      } finally {
        deps.rooms.release(board.id)
      }
      return sendJson(res, 200, { ok: true, ...result })
    }
    case 'links': {
      const request = await body(req, IssueLinkRequestSchema)
      const issued = deps.boards.link(
        board,
        request.role,
        baseUrl,
        request.ttlDays && request.ttlDays * 86_400,
      )
      const response: LinkResponse = { role: request.role, ...issued }
      return sendJson(res, 201, response)
    }
    case 'links/revoke': {
      const { role } = await body(req, RevokeLinksRequestSchema)
      const updated = await deps.boards.revoke(board, role)
      const generation = updated.linkGenerations[role]
      closeRevoked(deps.rooms, board.id, role, generation)
      deps.rooms.announce(board.id, { kind: 'revoke', role, generation })
      const response: LinkResponse = { role, ...deps.boards.link(updated, role, baseUrl) }
      return sendJson(res, 200, response)
    }
    case 'join-code':
      return sendJson(
        res,
        200,
        await issueJoinCode(board, baseUrl, { storage: deps.storage, boards: deps.boards }),
      )
    default:
      throw new AppError('NOT_FOUND', 'no such action')
  }
}

/** Closes this instance's open sockets of a role whose links were revoked (final code 4403). */
export function closeRevoked(rooms: RoomManager, boardId: string, role: string, generation: number): void {
  const room = rooms.loadedRoom(boardId)
  room?.closeWhere(
    (s) => s.role === role && s.generation < generation,
    CloseCodes.FORBIDDEN.code,
    'TOKEN_REVOKED',
  )
}
