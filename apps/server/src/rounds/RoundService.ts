import {
  FACILITATION_MAP,
  type PutPlacementsRequest,
  type Role,
  type Round,
  type RoundReport,
  RoundSchema,
} from '@waardentafel/protocol'
import type * as Y from 'yjs'
import { AppError } from '../errors.ts'
import type { RoundStore } from '../storage/ports/RoundStore.ts'
import { type BallotLimits, type BallotStore, checkKey, issueBallot } from './ballots.ts'
import { roundValueIds } from './roundValueIds.ts'
import { roundView } from './roundView.ts'

/** What rounds need of storage: ballots, and the placements of each round. */
export type RoundStorage = BallotStore & RoundStore

/** Where a board's live document is read (the room manager): held while read, released after. */
export type BoardDocs = {
  acquire(boardId: string): Promise<{ doc: Y.Doc }>
  release(boardId: string): void
}

/**
 * Prioritising rounds, apart from HTTP: who may hold a ballot, what a ballot may place, and what each asker may
 * see (`roundView`). The round itself (opened, closed, anonymous…) is facilitation state in the board's document;
 * placements live in storage, keyed by the hash of a ballot key the server issued.
 */
export class RoundService {
  readonly #storage: RoundStorage
  readonly #docs: BoardDocs
  readonly #limits: BallotLimits
  readonly #now: () => number

  constructor(deps: { storage: RoundStorage; docs: BoardDocs; limits: BallotLimits; now?: () => number }) {
    this.#storage = deps.storage
    this.#docs = deps.docs
    this.#limits = deps.limits
    this.#now = deps.now ?? Date.now
  }

  /** A new ballot for a device with a participant's or facilitator's link; observers do not prioritise. */
  issueBallot(boardId: string, role: Role, issuer: string) {
    if (role === 'observer') throw new AppError('FORBIDDEN', 'observers do not prioritise')
    return issueBallot(this.#storage, boardId, issuer, this.#now(), this.#limits)
  }

  async submit(boardId: string, roundId: string, role: Role, request: PutPlacementsRequest) {
    if (role === 'observer') throw new AppError('FORBIDDEN', 'observers do not prioritise')
    // The key is checked before the round is loaded: an invented key costs one indexed lookup, no document.
    await checkKey(this.#storage, boardId, request.participant.key)
    const { round, valueIds } = await this.load(boardId, roundId)
    return submitPlacements(this.#storage, boardId, round, valueIds, request)
  }

  async report(boardId: string, roundId: string, asker: { role: Role; key: string | null }) {
    const { round, valueIds } = await this.load(boardId, roundId)
    return buildReport(this.#storage, boardId, round, valueIds, asker)
  }

  /** The round as the facilitator opened it (from the board's facilitation state) and the values it covers. */
  async load(boardId: string, roundId: string): Promise<{ round: Round; valueIds: string[] }> {
    const { doc } = await this.#docs.acquire(boardId)
    try {
      const rounds = doc.getMap(FACILITATION_MAP).get('rounds') as Record<string, unknown> | undefined
      const parsed = RoundSchema.safeParse(rounds?.[roundId])
      if (!parsed.success) throw new AppError('ROUND_NOT_FOUND', `no round ${roundId}`)
      return { round: parsed.data, valueIds: roundValueIds(doc, parsed.data.prioriteringId) }
    } finally {
      this.#docs.release(boardId)
    }
  }
}

/**
 * Stores a ballot's placements: only with a key issued for this board, only while the round is open. Placements
 * of values no longer in the round (a card deleted meanwhile) are dropped, not refused: the rest counts.
 */
export async function submitPlacements(
  storage: RoundStorage,
  boardId: string,
  round: Round,
  valueIds: readonly string[],
  { participant, placements }: PutPlacementsRequest,
): Promise<{ accepted: number; ignored: number }> {
  const keyHash = await checkKey(storage, boardId, participant.key)
  if (round.status === 'closed') throw new AppError('ROUND_CLOSED', 'this round is closed')
  const known = new Set(valueIds)
  const accepted = placements.filter((p) => known.has(p.valueId))
  await storage.savePlacements(
    boardId,
    round.id,
    accepted.map((p) => ({
      ...p,
      participantKey: keyHash,
      name: participant.name,
      organisation: participant.organisation,
    })),
  )
  return { accepted: accepted.length, ignored: placements.length - accepted.length }
}

/** The report as this asker may see it (`roundView`); a key that was not issued here is refused. */
export async function buildReport(
  storage: RoundStorage,
  boardId: string,
  round: Round,
  valueIds: readonly string[],
  asker: { role: Role; key: string | null },
): Promise<RoundReport> {
  if (asker.key !== null && asker.role === 'observer') {
    throw new AppError('FORBIDDEN', 'observers have no ballot')
  }
  const keyHash = asker.key === null ? null : await checkKey(storage, boardId, asker.key)
  const stored = await storage.listPlacements(boardId, round.id)
  return roundView(round, valueIds, stored, { role: asker.role, keyHash })
}
