import { randomBytes } from 'node:crypto'
import { compareBoards, stripPersonalRecords } from '@waardentafel/domain'
import type { CreateBoardResponse, SessionSummary } from '@waardentafel/protocol'
import type { AssetService } from '../assets/AssetService.ts'
import type { BoardService } from '../BoardService.ts'
import type { BoardTransfer } from '../BoardTransfer.ts'
import { AppError } from '../errors.ts'
import type { BoardRecord } from '../storage/ports/BoardStore.ts'
import type { SessionStore } from '../storage/ports/SessionStore.ts'
import type { Answer, Context } from './context.ts'

export type SessionDeps = {
  storage: SessionStore
  transfer: BoardTransfer
  boards: BoardService
  /** A restored board gets the pictures and maps of the board it came from. */
  assets?: Pick<AssetService, 'copyBoardAssets'>
  now?: () => number
}

// Named snapshots of a board: save, list, compare, restore as a new board (`/api/boards/:boardId/sessions…`).
// Who may do which is in the route table: saving and restoring are the facilitator's, observers see none of it.

async function stored(deps: SessionDeps, board: BoardRecord, id: string) {
  const session = await deps.storage.getSession(board.id, id)
  if (!session) throw new AppError('SESSION_NOT_FOUND', `no session ${id}`)
  return session
}

export async function saveSession(
  { board, body }: Context<'saveSession'>,
  deps: SessionDeps,
): Promise<SessionSummary> {
  const snapshot = await deps.transfer.snapshot(board)
  const summary: SessionSummary = {
    id: randomBytes(8).toString('base64url'),
    name: body.name,
    createdAt: (deps.now ?? Date.now)(),
  }
  await deps.storage.saveSession(board.id, { ...summary, data: JSON.stringify(snapshot) })
  return summary
}

export function listSessions(
  { board }: Context<'listSessions'>,
  deps: SessionDeps,
): Promise<SessionSummary[]> {
  return deps.storage.listSessions(board.id)
}

export async function compareSessions(
  { board, query }: Context<'compareSessions'>,
  deps: SessionDeps,
): Promise<Answer<'compareSessions'>> {
  const from = query.get('from')
  const to = query.get('to') ?? 'current'
  if (!from) throw new AppError('BAD_REQUEST', 'compare needs ?from=<session id>&to=<session id|current>')
  const before: unknown = JSON.parse((await stored(deps, board, from)).data)
  const after: unknown =
    to === 'current' ? await deps.transfer.snapshot(board) : JSON.parse((await stored(deps, board, to)).data)
  const result = compareBoards(before, after)
  if (!result.ok) throw new Error(`stored session unreadable: ${result.error.code}`)
  return result.comparison
}

const isSnapshotLike = (value: unknown): value is { records: unknown[] } =>
  typeof value === 'object' && value !== null && Array.isArray((value as { records?: unknown }).records)

export async function restoreSession(
  { board, params, baseUrl }: Context<'restoreSession'>,
  deps: SessionDeps,
): Promise<CreateBoardResponse> {
  const session = await stored(deps, board, params.sessionId)
  // A restore is a new board: it starts without the visitors of this one (tldraw `user` records; docs/privacy.md).
  const snapshot: unknown = JSON.parse(session.data)
  const restored = await deps.transfer.import(
    isSnapshotLike(snapshot) ? stripPersonalRecords(snapshot) : snapshot,
    `${board.title} — ${session.name}`,
  )
  await deps.assets?.copyBoardAssets(board.id, restored.id)
  return { id: restored.id, title: restored.title, links: deps.boards.links(restored, baseUrl) }
}
