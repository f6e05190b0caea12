/** Metadata of a board, stored beside its document. */
export type BoardRecord = {
  id: string
  title: string
  createdAt: number
  /** Per role, the link generation still valid: revoking a role's links raises it. */
  linkGenerations: LinkGenerations
}

export type LinkGenerations = { facilitator: number; participant: number; observer: number }

export const INITIAL_GENERATIONS: LinkGenerations = { facilitator: 0, participant: 0, observer: 0 }

/**
 * A board's short join code for its participant link (`http/joinCodes.ts`). It opens the board while `generation`
 * is still the participant links' generation and until `expiresAt` (ms), like the link it stands for.
 */
export type JoinCode = { code: string; boardId: string; generation: number; expiresAt: number }

/** What one organiser's boards hold (quotas, `limits/OrganiserQuota.ts`). */
export type OrganiserUsage = { boards: number; bytes: number }

/**
 * A ballot key the server issued to a device for a board's prioritising rounds. Only the key's hash is stored: the
 * key itself is the author's proof, held by the device alone. `issuer` identifies the link and address it was
 * issued to (a hash), so issuing can be bounded per link and address.
 */
export type IssuedParticipantKey = { keyHash: string; issuer: string; issuedAt: number }

/** Bounds on issuing keys: `perBoard` in all; `perIssuer` within the last `windowMs` before the new key's time. */
export type ParticipantKeyLimits = { perBoard: number; perIssuer: number; windowMs: number }

export type IssueKeyResult =
  | { ok: true }
  | { ok: false; reason: 'board-full' }
  /** `retryAt`: when the issuer's oldest key in the window leaves it. */
  | { ok: false; reason: 'issuer-limit'; retryAt: number }

/**
 * Who may do what on a board: its metadata and link generations, its join code, the ballot keys issued for it, and
 * what its organiser's boards take (for quotas). Contract: `test/contracts/boardStore.contract.ts`.
 */
export interface BoardStore {
  /** `organiser`: who made the board (organiser key or client address, `limits/organiser.ts`), for quotas. */
  createBoard(board: BoardRecord, organiser?: string): Promise<void>
  /** How many boards an organiser made, and the bytes their documents and named sessions take in storage. */
  organiserUsage(organiser: string): Promise<OrganiserUsage>
  getBoard(id: string): Promise<BoardRecord | null>
  /** Raises a role's link generation by one and returns the new value; a `StorageError` 'unknown-board' if none. */
  bumpLinkGeneration(boardId: string, role: keyof LinkGenerations): Promise<number>
  /**
   * Makes `entry` its board's one join code (replacing an earlier one). False, and nothing stored, when the code
   * belongs to another board: the caller draws another.
   */
  saveJoinCode(entry: JoinCode): Promise<boolean>
  /** The board's join code, whether or not it is still valid. */
  joinCodeOfBoard(boardId: string): Promise<JoinCode | null>
  /** The entry of a code, whether or not it is still valid. */
  findJoinCode(code: string): Promise<JoinCode | null>
  /**
   * Records an issued ballot key unless a bound is reached; the check and the insert are one atomic step, so
   * concurrent requests (or instances) cannot overshoot a bound.
   */
  issueParticipantKey(
    boardId: string,
    key: IssuedParticipantKey,
    limits: ParticipantKeyLimits,
  ): Promise<IssueKeyResult>
  /** Whether this key hash was issued for this board. */
  hasParticipantKey(boardId: string, keyHash: string): Promise<boolean>
}
