import { randomBytes } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { compareBoards } from '@waardentafel/domain'
import { SaveSessionRequestSchema, type SessionSummary, type TokenPayload } from '@waardentafel/protocol'
import type { BoardService } from '../BoardService.ts'
import type { BoardTransfer } from '../BoardTransfer.ts'
import { AppError } from '../errors.ts'
import type { BoardRecord, BoardStorage } from '../storage/BoardStorage.ts'
import { readJsonBody } from './readJsonBody.ts'
import { sendJson } from './sendJson.ts'

export type SessionDeps = {
  storage: BoardStorage
  transfer: BoardTransfer
  boards: BoardService
  now?: () => number
}
type Context = {
  req: IncomingMessage
  res: ServerResponse
  query: URLSearchParams
  board: BoardRecord
  payload: TokenPayload
  baseUrl: string
}

/** Named snapshots of a board: save, list, compare, restore as a new board. */
export async function handleSessions(rest: string, ctx: Context, deps: SessionDeps): Promise<void> {
  const { req, res, query, board, payload, baseUrl } = ctx
  if (payload.r === 'observer') throw new AppError('FORBIDDEN', 'observers cannot use sessions')
  const facilitatorOnly = () => {
    if (payload.r !== 'facilitator') throw new AppError('FORBIDDEN', 'only the facilitator can do this')
  }
  const stored = async (id: string) => {
    const session = await deps.storage.getSession(board.id, id)
    if (!session) throw new AppError('SESSION_NOT_FOUND', `no session ${id}`)
    return session
  }
  if (rest === '' && req.method === 'POST') {
    facilitatorOnly()
    const parsed = SaveSessionRequestSchema.safeParse(await readJsonBody(req, 16 * 1024))
    if (!parsed.success) throw new AppError('INVALID_BODY', 'expected { "name": string }')
    const snapshot = await deps.transfer.snapshot(board)
    const summary: SessionSummary = {
      id: randomBytes(8).toString('base64url'),
      name: parsed.data.name,
      createdAt: (deps.now ?? Date.now)(),
    }
    await deps.storage.saveSession(board.id, { ...summary, data: JSON.stringify(snapshot) })
    return sendJson(res, 201, summary)
  }
  if (rest === '' && req.method === 'GET')
    return sendJson(res, 200, await deps.storage.listSessions(board.id))
  if (rest === 'compare' && req.method === 'GET') {
    const from = query.get('from')
    const to = query.get('to') ?? 'current'
    if (!from) throw new AppError('BAD_REQUEST', 'compare needs ?from=<session id>&to=<session id|current>')
    const before: unknown = JSON.parse((await stored(from)).data)
    const after: unknown =
      to === 'current' ? await deps.transfer.snapshot(board) : JSON.parse((await stored(to)).data)
    const result = compareBoards(before, after)
    if (!result.ok) throw new Error(`stored session unreadable: ${result.error.code}`)
    return sendJson(res, 200, result.comparison)
  }
  const restore = /^([^/]+)\/restore$/.exec(rest)
  if (restore && req.method === 'POST') {
    facilitatorOnly()
    const session = await stored(restore[1] ?? '')
    const restored = await deps.transfer.import(JSON.parse(session.data), `${board.title} — ${session.name}`)
    return sendJson(res, 201, {
      id: restored.id,
      title: restored.title,
      links: deps.boards.links(restored, baseUrl),
    })
  }
  throw new AppError('NOT_FOUND', 'no such endpoint')
}
