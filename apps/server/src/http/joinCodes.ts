import { randomInt } from 'node:crypto'
import {
  isJoinCode,
  JOIN_CODE_ALPHABET,
  JOIN_CODE_LENGTH,
  type JoinCodeResponse,
  type JoinResolveResponse,
  normaliseJoinCode,
} from '@waardentafel/protocol'
import type { BoardService } from '../BoardService.ts'
import { AppError } from '../errors.ts'
import type { BoardRecord, BoardStore, JoinCode } from '../storage/ports/BoardStore.ts'

export type JoinCodeDeps = { storage: BoardStore; boards: BoardService }

/** A code issued now is reused while its link has at least this long to go; after that a fresh one is issued. */
const REUSE_MIN_REMAINING_MS = 2 * 3_600_000
const DRAWS = 8

const draw = (): string =>
  Array.from(
    { length: JOIN_CODE_LENGTH },
    () => JOIN_CODE_ALPHABET[randomInt(JOIN_CODE_ALPHABET.length)],
  ).join('')

const joinUrl = (baseUrl: string, code: string) => new URL(`/${code}`, baseUrl).toString()

/** Whether a stored code still opens its board: same participant link generation, link not yet expired. */
function valid(entry: JoinCode, board: BoardRecord, now: number): boolean {
  return entry.generation === board.linkGenerations.participant && entry.expiresAt > now
}

/**
 * `POST /api/boards/:id/join-code` (facilitator only, checked by the caller): the board's current join code, or a
 * new one for a new participant link when there is none, it expired, or the participant links were revoked.
 */
export async function issueJoinCode(
  board: BoardRecord,
  baseUrl: string,
  deps: JoinCodeDeps,
): Promise<JoinCodeResponse> {
  const now = Date.now()
  const current = await deps.storage.joinCodeOfBoard(board.id)
  if (current && valid(current, board, now + REUSE_MIN_REMAINING_MS)) {
    return response(board, current, baseUrl, deps)
  }
  const { expiresAt } = deps.boards.link(board, 'participant', baseUrl)
  for (let i = 0; i < DRAWS; i++) {
    const entry: JoinCode = {
      code: draw(),
      boardId: board.id,
      generation: board.linkGenerations.participant,
      expiresAt: expiresAt * 1000,
    }
    if (await deps.storage.saveJoinCode(entry)) return response(board, entry, baseUrl, deps)
  }
  throw new AppError('INTERNAL', 'no free join code found')
}

/**
 * `GET /api/join/:code`: the participant link a code stands for. A wrong, expired or revoked code is one answer,
 * JOIN_CODE_UNKNOWN, and `onMiss` runs first (it counts the miss against the address and may refuse with 429).
 */
export async function resolveJoinCode(
  typed: string,
  baseUrl: string,
  deps: JoinCodeDeps & { onMiss: () => Promise<void> },
): Promise<JoinResolveResponse> {
  const now = Date.now()
  const code = normaliseJoinCode(typed)
  const entry = isJoinCode(code) ? await deps.storage.findJoinCode(code) : null
  const board = entry ? await deps.storage.getBoard(entry.boardId) : null
  if (!entry || !board || !valid(entry, board, now)) {
    await deps.onMiss()
    throw new AppError('JOIN_CODE_UNKNOWN', 'no board has this code (it may have expired)')
  }
  const { link, expiresAt } = participantLink(board, entry, baseUrl, deps)
  return { board: { id: board.id, title: board.title }, link, expiresAt }
}

function response(
  board: BoardRecord,
  entry: JoinCode,
  baseUrl: string,
  deps: JoinCodeDeps,
): JoinCodeResponse {
  const { link, expiresAt } = participantLink(board, entry, baseUrl, deps)
  return { code: entry.code, url: joinUrl(baseUrl, entry.code), link, expiresAt }
}

/**
 * A participant link that ends exactly when the code does. The signer counts the lifetime from its own whole second;
 * in the rare case that second ticked over between the two clocks, signing again lands on it.
 */
function participantLink(board: BoardRecord, entry: JoinCode, baseUrl: string, deps: JoinCodeDeps) {
  const exp = Math.floor(entry.expiresAt / 1000)
  const sign = () => deps.boards.link(board, 'participant', baseUrl, exp - Math.floor(Date.now() / 1000))
  const first = sign()
  return first.expiresAt === exp ? first : sign()
}
