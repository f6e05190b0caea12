import type { IncomingMessage, ServerResponse } from 'node:http'
import { aggregateRound, readBoard } from '@waardentafel/domain'
import {
  FACILITATION_MAP,
  PutPlacementsRequestSchema,
  type Round,
  type RoundReport,
  RoundSchema,
  type TokenPayload,
} from '@waardentafel/protocol'
import type { BoardTransfer } from '../BoardTransfer.ts'
import { AppError } from '../errors.ts'
import type { RoomManager } from '../room/RoomManager.ts'
import type { BoardRecord, BoardStorage } from '../storage/BoardStorage.ts'
import { readJsonBody } from './readJsonBody.ts'
import { sendJson } from './sendJson.ts'

export type RoundDeps = { storage: BoardStorage; rooms: RoomManager; transfer: BoardTransfer }
type Context = {
  req: IncomingMessage
  res: ServerResponse
  url: URL
  board: BoardRecord
  payload: TokenPayload
}

/** The round as the facilitator opened it (from the board's facilitation state) and the values it covers. */
async function loadRound(
  deps: RoundDeps,
  board: BoardRecord,
  roundId: string,
): Promise<{ round: Round; valueIds: string[] }> {
  const room = await deps.rooms.acquire(board.id)
  let round: Round | undefined
  try {
    const parsed = RoundSchema.safeParse(
      (room.doc.getMap(FACILITATION_MAP).get('rounds') as Record<string, unknown>)?.[roundId],
    )
    round = parsed.success ? parsed.data : undefined
  } finally {
    deps.rooms.release(board.id)
  }
  if (!round) throw new AppError('ROUND_NOT_FOUND', `no round ${roundId}`)
  const read = readBoard(await deps.transfer.snapshot(board))
  const cards = read.ok ? read.board.valueCards : []
  const valueIds = cards
    .filter((card) => round.prioriteringId === null || card.templateId === round.prioriteringId)
    .map((card) => card.id)
  return { round, valueIds }
}

/** `PUT /api/boards/:id/rounds/:roundId/placements` and `GET /api/boards/:id/rounds/:roundId`. */
export async function handleRound(
  roundId: string,
  sub: string | undefined,
  ctx: Context,
  deps: RoundDeps,
): Promise<void> {
  const { req, res, url, board, payload } = ctx
  if (sub === 'placements') {
    if (req.method !== 'PUT') throw new AppError('METHOD_NOT_ALLOWED', 'use PUT')
    if (payload.r === 'observer') throw new AppError('FORBIDDEN', 'observers do not prioritise')
    const parsed = PutPlacementsRequestSchema.safeParse(await readJsonBody(req, 256 * 1024))
    if (!parsed.success) throw new AppError('INVALID_BODY', 'expected { participant, placements[] }')
    const { round, valueIds } = await loadRound(deps, board, roundId)
    if (round.status === 'closed') throw new AppError('ROUND_CLOSED', 'this round is closed')
    const known = new Set(valueIds)
    const { participant, placements } = parsed.data
    // Placements of values no longer in the round (a card deleted meanwhile) are dropped, not refused: the rest counts.
    const accepted = placements.filter((p) => known.has(p.valueId))
    await deps.storage.savePlacements(
      board.id,
      roundId,
      accepted.map((p) => ({
        ...p,
        participantKey: participant.key,
        name: participant.name,
        organisation: participant.organisation,
      })),
    )
    return sendJson(res, 200, {
      ok: true,
      accepted: accepted.length,
      ignored: placements.length - accepted.length,
    })
  }
  if (sub !== undefined) throw new AppError('NOT_FOUND', 'no such endpoint')
  if (req.method !== 'GET') throw new AppError('METHOD_NOT_ALLOWED', 'use GET')
  const { round, valueIds } = await loadRound(deps, board, roundId)
  const stored = await deps.storage.listPlacements(board.id, roundId)
  const aggregate = aggregateRound(
    stored.flatMap((p) =>
      p.klasse === 'sturend' || p.klasse === 'meekoppelen' || p.klasse === 'vinger-aan-de-pols'
        ? [
            {
              participantKey: p.participantKey,
              valueId: p.valueId,
              klasse: p.klasse,
              twijfel: p.twijfel,
              at: p.at,
            },
          ]
        : [],
    ),
    valueIds,
  )
  const people = new Map(stored.map((p) => [p.participantKey, p]))
  const visible = payload.r === 'facilitator' || round.visibleBeforeClose || round.status === 'closed'
  const me = url.searchParams.get('participant')
  const report: RoundReport = {
    round,
    progress: aggregate.participants.map((p) => ({
      name: round.anonymous ? null : (people.get(p.key)?.name ?? null),
      organisation: round.anonymous ? null : (people.get(p.key)?.organisation ?? null),
      placed: p.placed,
      done: p.done,
    })),
    valueCount: valueIds.length,
    results: visible ? aggregate.values : null,
    toDiscuss: visible ? aggregate.toDiscuss : null,
    mine: me
      ? stored
          .filter((p) => p.participantKey === me)
          .flatMap((p) =>
            p.klasse === 'sturend' || p.klasse === 'meekoppelen' || p.klasse === 'vinger-aan-de-pols'
              ? [{ valueId: p.valueId, klasse: p.klasse, twijfel: p.twijfel, at: p.at }]
              : [],
          )
      : [],
  }
  return sendJson(res, 200, report)
}
