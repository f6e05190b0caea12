import { createHash, randomInt } from 'node:crypto'
import type { TokenPayload } from '@waardentafel/protocol'
import { AppError } from '../errors.ts'
import type { BoardStore } from '../storage/ports/BoardStore.ts'

/** What ballots need of storage: issuing a key within bounds and checking one. */
export type BallotStore = Pick<BoardStore, 'issueParticipantKey' | 'hasParticipantKey'>

/** Bounds on issuing ballot keys (config `MAX_ROUND_KEYS_PER_BOARD`, `MAX_ROUND_KEYS_PER_LINK_ADDRESS`). */
export type BallotLimits = { perBoard: number; perLinkAddress: number; windowMs: number }

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
export function issuerOf(payload: TokenPayload, address: string): string {
  return createHash('sha256').update(JSON.stringify(payload)).update('\n').update(address).digest('hex')
}

/**
 * Issues a new ballot key for a board, within its bounds (per board in all; per issuer — link and address — per
 * window). Storage keeps only the key's hash.
 */
export async function issueBallot(
  storage: BallotStore,
  boardId: string,
  issuer: string,
  now: number,
  limits: BallotLimits,
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

/** The hash of a key issued for this board; PARTICIPANT_KEY_UNKNOWN for any other key. */
export async function checkKey(storage: BallotStore, boardId: string, key: string): Promise<string> {
  const keyHash = hashParticipantKey(key)
  if (!(await storage.hasParticipantKey(boardId, keyHash))) {
    throw new AppError('PARTICIPANT_KEY_UNKNOWN', 'this key was not issued for this board')
  }
  return keyHash
}
