import { createHash, randomInt } from 'node:crypto'
import {
  aggregateRound,
  BOARD_SNAPSHOT_FORMAT,
  BOARD_SNAPSHOT_VERSION,
  PRIORITERING_TYPE,
  type RoundPlacement,
  readBoard,
  VALUE_CARD_TYPE,
} from '@waardentafel/domain'
import {
  FACILITATION_MAP,
  PARTICIPANT_KEY_HEADER,
  type ParticipantKeyResponse,
  type Placement,
  type PutPlacementsRequest,
  type Role,
  type Round,
  type RoundReport,
  RoundSchema,
  type TokenPayload,
} from '@waardentafel/protocol'
import { RECORDS_MAP_NAME, SCHEMA_MAP_NAME } from '@waardentafel/tldraw-yjs'
import * as Y from 'yjs'
import { clientAddress } from '../admission/clientAddress.ts'
import { AppError } from '../errors.ts'
import type { RoomManager } from '../room/RoomManager.ts'
import type { BoardRecord, BoardStorage, StoredPlacement } from '../storage/BoardStorage.ts'
import type { Answer, Context } from './context.ts'

export type RoundDeps = {
  storage: BoardStorage
  rooms: RoomManager
  /** Bounds on issuing ballot keys (config `MAX_ROUND_KEYS_PER_BOARD`, `MAX_ROUND_KEYS_PER_LINK_ADDRESS`). */
  roundKeys: { perBoard: number; perLinkAddress: number; windowMs: number }
  trustProxy: boolean
  now?: () => number
}

// A ballot key: 26 characters of an alphabet without 0/O and 1/I/L (the key doubles as a code typed over to
// another device), each drawn uniformly: 26 × log2(31) ≈ 128.8 bits, so a key cannot be guessed.
const KEY_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'
const KEY_LENGTH = 26

export function newParticipantKey(): string {
  let key = ''
  for (let i = 0; i < KEY_LENGTH; i++) key += KEY_ALPHABET[randomInt(KEY_ALPHABET.length)]
  return key
}

/** What storage keeps of a key: its SHA-256. The key itself stays on the device that proves authorship with it. */
export function hashParticipantKey(key: string): string {
  return createHash('sha256').update(key).digest('hex')
}

/** The link (the whole signed payload identifies one token) and the address a key was issued to, hashed. */
function issuerOf(payload: TokenPayload, address: string): string {
  return createHash('sha256').update(JSON.stringify(payload)).update('\n').update(address).digest('hex')
}

/**
 * The value cards a round covers, read from the board's document. Only what decides that is read — value cards,
 * waarden-prioritering templates and the shapes they hang under — not the whole board (this runs on every save
 * and every poll of the report).
 */
export function roundValueIds(doc: Y.Doc, prioriteringId: string | null): string[] {
  const records = doc.getMap<unknown>(RECORDS_MAP_NAME)
  const parentOf = new Map<string, string>()
  const wanted: string[] = []
  for (const [id, value] of records) {
    if (!(value instanceof Y.Map) || value.get('typeName') !== 'shape') continue
    const parentId = value.get('parentId')
    if (typeof parentId === 'string') parentOf.set(id, parentId)
    const type = value.get('type')
    if (type === VALUE_CARD_TYPE || type === PRIORITERING_TYPE) wanted.push(id)
  }
  const needed = new Set<string>()
  for (const id of wanted) {
    // Up to the page: a card's position on the page needs every shape above it.
    for (let at: string | undefined = id; at !== undefined && !needed.has(at); at = parentOf.get(at)) {
      needed.add(at)
    }
  }
  const subset = [...needed].flatMap((id) => {
    const value = records.get(id)
    return value instanceof Y.Map ? [value.toJSON()] : []
  })
  const sequences = (doc.getMap<unknown>(SCHEMA_MAP_NAME).toJSON() as { sequences?: unknown }).sequences
  const read = readBoard({
    format: BOARD_SNAPSHOT_FORMAT,
    version: BOARD_SNAPSHOT_VERSION,
    board: { id: 'round', title: 'round', createdAt: new Date(0).toISOString() },
    ...(sequences && typeof sequences === 'object' ? { schema: { schemaVersion: 2, sequences } } : {}),
    records: subset,
  })
  const cards = read.ok ? read.board.valueCards : []
  return cards
    .filter((card) => prioriteringId === null || card.templateId === prioriteringId)
    .map((card) => card.id)
}

/** The round as the facilitator opened it (from the board's facilitation state) and the values it covers. */
async function loadRound(
  deps: RoundDeps,
  board: BoardRecord,
  roundId: string,
): Promise<{ round: Round; valueIds: string[] }> {
  const room = await deps.rooms.acquire(board.id)
  try {
    const parsed = RoundSchema.safeParse(
      (room.doc.getMap(FACILITATION_MAP).get('rounds') as Record<string, unknown>)?.[roundId],
    )
    if (!parsed.success) throw new AppError('ROUND_NOT_FOUND', `no round ${roundId}`)
    return { round: parsed.data, valueIds: roundValueIds(room.doc, parsed.data.prioriteringId) }
  } finally {
    deps.rooms.release(board.id)
  }
}

/** A stored row as a placement of one of the three classes (rows of other classes are not placements). */
function asPlacement(p: StoredPlacement): RoundPlacement | null {
  return p.klasse === 'sturend' || p.klasse === 'meekoppelen' || p.klasse === 'vinger-aan-de-pols'
    ? { participantKey: p.participantKey, valueId: p.valueId, klasse: p.klasse, twijfel: p.twijfel, at: p.at }
    : null
}

const withoutKey = ({ valueId, klasse, twijfel, at }: RoundPlacement): Placement => ({
  valueId,
  klasse,
  twijfel,
  at,
})

/** `POST /api/boards/:boardId/rounds/participant`: a new ballot for this device, the only way to place values. */
export async function issueKey(
  { req, res, board, payload }: Context<'issueParticipantKey'>,
  deps: RoundDeps,
): Promise<ParticipantKeyResponse> {
  const now = (deps.now ?? Date.now)()
  const issuer = issuerOf(payload, clientAddress(req, deps.trustProxy))
  const issued = await issueBallot(deps.storage, board.id, issuer, now, deps.roundKeys)
  if ('retryAfterSeconds' in issued) res.setHeader('retry-after', String(issued.retryAfterSeconds))
  if ('error' in issued) throw issued.error
  return { key: issued.key }
}

/**
 * Issues a new ballot key for a board, within its bounds (per board in all; per issuer — link and address — per
 * window). Storage keeps only the key's hash.
 */
export async function issueBallot(
  storage: BoardStorage,
  boardId: string,
  issuer: string,
  now: number,
  limits: RoundDeps['roundKeys'],
): Promise<{ key: string } | { error: AppError; retryAfterSeconds?: number }> {
  const key = newParticipantKey()
  const result = await storage.issueParticipantKey(
    boardId,
    { keyHash: hashParticipantKey(key), issuer, issuedAt: now },
    { perBoard: limits.perBoard, perIssuer: limits.perLinkAddress, windowMs: limits.windowMs },
  )
  if (result.ok) return { key }
  if (result.reason === 'board-full') {
    return {
      error: new AppError('PARTICIPANT_KEY_LIMIT', `this board has ${limits.perBoard} ballots, the maximum`),
    }
  }
  return {
    error: new AppError('PARTICIPANT_KEY_RATE_LIMITED', 'too many ballots from this link and address'),
    retryAfterSeconds: Math.max(1, Math.ceil((result.retryAt - now) / 1000)),
  }
}

/** `PUT /api/boards/:boardId/rounds/:roundId/placements` */
export async function putPlacements(
  { board, params, body }: Context<'putPlacements'>,
  deps: RoundDeps,
): Promise<Answer<'putPlacements'>> {
  // The key is checked before the round is loaded: an invented key costs one indexed lookup, no document.
  await checkKey(deps.storage, board.id, body.participant.key)
  const { round, valueIds } = await loadRound(deps, board, params.roundId)
  const counted = await submitPlacements(deps.storage, board.id, round, valueIds, body)
  return { ok: true, ...counted }
}

/** The hash of a key issued for this board; PARTICIPANT_KEY_UNKNOWN for any other key. */
async function checkKey(storage: BoardStorage, boardId: string, key: string): Promise<string> {
  const keyHash = hashParticipantKey(key)
  if (!(await storage.hasParticipantKey(boardId, keyHash))) {
    throw new AppError('PARTICIPANT_KEY_UNKNOWN', 'this key was not issued for this board')
  }
  return keyHash
}

/**
 * Stores a ballot's placements: only with a key issued for this board, only while the round is open. Placements
 * of values no longer in the round (a card deleted meanwhile) are dropped, not refused: the rest counts.
 */
export async function submitPlacements(
  storage: BoardStorage,
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

/** `GET /api/boards/:boardId/rounds/:roundId`, with the author's key in `X-Participant-Key` to ask for `mine`. */
export async function roundReport(
  { req, board, payload, params }: Context<'roundReport'>,
  deps: RoundDeps,
): Promise<RoundReport> {
  const header = req.headers[PARTICIPANT_KEY_HEADER]
  const key = typeof header === 'string' && header !== '' ? header : null
  const { round, valueIds } = await loadRound(deps, board, params.roundId)
  return buildReport(deps.storage, board.id, round, valueIds, { role: payload.r, key })
}

/**
 * The round as this asker may see it. Everyone with a role: progress and, when visible, the aggregate — of
 * ballots with issued keys only. The author (proving it with the key): their own placements. The facilitator of a
 * named round: each person's placements. Nobody else ever receives an individual placement.
 */
export async function buildReport(
  storage: BoardStorage,
  boardId: string,
  round: Round,
  valueIds: readonly string[],
  asker: { role: Role; key: string | null },
): Promise<RoundReport> {
  if (asker.key !== null && asker.role === 'observer')
    throw new AppError('FORBIDDEN', 'observers have no ballot')
  const askedHash = asker.key === null ? null : await checkKey(storage, boardId, asker.key)
  const stored = await storage.listPlacements(boardId, round.id)
  const placements = stored.flatMap((p) => asPlacement(p) ?? [])
  const aggregate = aggregateRound(placements, valueIds)
  // A person's name and organisation as they gave them last.
  const people = new Map<string, StoredPlacement>()
  for (const p of stored) {
    const held = people.get(p.participantKey)
    if (!held || p.at > held.at) people.set(p.participantKey, p)
  }
  const inRound = new Set(valueIds)
  const visible = asker.role === 'facilitator' || round.visibleBeforeClose || round.status === 'closed'
  const named = !round.anonymous
  return {
    round,
    progress: aggregate.participants.map((p) => ({
      name: named ? (people.get(p.key)?.name ?? null) : null,
      organisation: named ? (people.get(p.key)?.organisation ?? null) : null,
      placed: p.placed,
      done: p.done,
    })),
    valueCount: valueIds.length,
    results: visible ? aggregate.values : null,
    toDiscuss: visible ? aggregate.toDiscuss : null,
    mine: askedHash === null ? [] : placements.filter((p) => p.participantKey === askedHash).map(withoutKey),
    ballots:
      asker.role === 'facilitator' && named
        ? aggregate.participants.map((p) => ({
            name: people.get(p.key)?.name ?? '',
            organisation: people.get(p.key)?.organisation ?? '',
            placements: placements
              .filter((q) => q.participantKey === p.key && inRound.has(q.valueId))
              .map(withoutKey),
          }))
        : null,
  }
}
