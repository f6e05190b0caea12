import { PARTICIPANT_KEY_HEADER, type ParticipantKeyResponse, type RoundReport } from '@waardentafel/protocol'
import { clientAddress } from '../admission/clientAddress.ts'
import { issuerOf } from '../rounds/ballots.ts'
import type { RoundService } from '../rounds/RoundService.ts'
import type { Answer, Context } from './context.ts'

/**
 * The HTTP side of prioritising rounds: it reads who asks (token role, address, the `X-Participant-Key` header)
 * and hands over to the `RoundService`, which owns ballots, placements and what each asker may see.
 */
export type RoundDeps = { rounds: RoundService; trustProxy: boolean }

/** `POST /api/boards/:boardId/rounds/participant`: a new ballot for this device, the only way to place values. */
export async function issueKey(
  { req, res, board, payload }: Context<'issueParticipantKey'>,
  deps: RoundDeps,
): Promise<ParticipantKeyResponse> {
  const issuer = issuerOf(payload, clientAddress(req, deps.trustProxy))
  const issued = await deps.rounds.issueBallot(board.id, payload.r, issuer)
  if ('retryAfterSeconds' in issued) res.setHeader('retry-after', String(issued.retryAfterSeconds))
  if ('error' in issued) throw issued.error
  return { key: issued.key }
}

/** `PUT /api/boards/:boardId/rounds/:roundId/placements` */
export async function putPlacements(
  { board, params, body, payload }: Context<'putPlacements'>,
  deps: RoundDeps,
): Promise<Answer<'putPlacements'>> {
  const counted = await deps.rounds.submit(board.id, params.roundId, payload.r, body)
  return { ok: true, ...counted }
}

/** `GET /api/boards/:boardId/rounds/:roundId`, with the author's key in `X-Participant-Key` to ask for `mine`. */
export async function roundReport(
  { req, board, payload, params }: Context<'roundReport'>,
  deps: RoundDeps,
): Promise<RoundReport> {
  const header = req.headers[PARTICIPANT_KEY_HEADER]
  const key = typeof header === 'string' && header !== '' ? header : null
  return deps.rounds.report(board.id, params.roundId, { role: payload.r, key })
}
