import { randomBytes } from 'node:crypto'
import { CloseCodes, type LinkResponse } from '@waardentafel/protocol'
import type { BoardService } from '../BoardService.ts'
import { type ActionResult, applyFacilitationAction } from '../facilitation/applyFacilitationAction.ts'
import type { RoomManager } from '../room/RoomManager.ts'
import type { BoardStorage } from '../storage/BoardStorage.ts'
import type { Answer, Context } from './context.ts'
import { issueJoinCode } from './joinCodes.ts'

export type BoardActionDeps = {
  boards: BoardService
  rooms: RoomManager
  storage: BoardStorage
  now?: () => number
}

// The facilitator's actions on a board (`POST /api/boards/:boardId/{facilitation,links,links/revoke,join-code}`).
// The route table allows them to the facilitator's token only, checked on the server whatever a client shows.

/** One facilitation action, written into the board's document by the server. */
export async function facilitate(
  { board, body }: Context<'facilitation'>,
  deps: BoardActionDeps,
): Promise<Answer<'facilitation'>> {
  const now = deps.now ?? Date.now
  const room = await deps.rooms.acquire(board.id)
  let result: ActionResult = {}
  try {
    await room.applyServerChange((doc) => {
      result = applyFacilitationAction(doc, body, now(), () => randomBytes(6).toString('base64url'))
    })
  } finally {
    deps.rooms.release(board.id)
  }
  return { ok: true, ...result }
}

/** A new link for a role, optionally with its own lifetime. */
export async function issueLink(
  { board, body, baseUrl }: Context<'issueLink'>,
  deps: BoardActionDeps,
): Promise<LinkResponse> {
  const issued = deps.boards.link(board, body.role, baseUrl, body.ttlDays && body.ttlDays * 86_400)
  return { role: body.role, ...issued }
}

/** Every earlier link of the role stops working, here and on the other instances; a fresh one is returned. */
export async function revokeLinks(
  { board, body: { role }, baseUrl }: Context<'revokeLinks'>,
  deps: BoardActionDeps,
): Promise<LinkResponse> {
  const updated = await deps.boards.revoke(board, role)
  const generation = updated.linkGenerations[role]
  closeRevoked(deps.rooms, board.id, role, generation)
  deps.rooms.announce(board.id, { kind: 'revoke', role, generation })
  return { role, ...deps.boards.link(updated, role, baseUrl) }
}

export function issueBoardJoinCode(
  { board, baseUrl }: Context<'issueJoinCode'>,
  deps: BoardActionDeps,
): Promise<Answer<'issueJoinCode'>> {
  return issueJoinCode(board, baseUrl, { storage: deps.storage, boards: deps.boards })
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
