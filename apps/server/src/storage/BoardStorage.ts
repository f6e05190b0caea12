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

/** One stored Yjs update with its position in the board's log. */
export type StoredUpdate = { seq: number; data: Uint8Array }

/**
 * A board's stored document after a given position: the snapshot only when it covers updates the reader has
 * not seen (it was compacted past them), then the updates after that point, in order.
 */
export type StoredDoc = {
  snapshot: Uint8Array | null
  updates: StoredUpdate[]
  /** Highest position covered by this answer (snapshot or update); the reader's next `after`. */
  lastSeq: number
}

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

/** One participant's latest placement of one value in a prioritising round. */
export type StoredPlacement = {
  /** The hash of the ballot key (`IssuedParticipantKey.keyHash`). */
  participantKey: string
  name: string
  organisation: string
  valueId: string
  klasse: string
  twijfel: boolean
  at: number
}

/** A named snapshot of a board ("Sessie 1 — Quickscan"); `data` is the board snapshot as JSON text. */
export type StoredSession = { id: string; name: string; createdAt: number; data: string }

/**
 * Merges a snapshot and updates into one update (done by the Yjs layer; storage stays format-agnostic). May run
 * elsewhere (a worker thread) and resolve later.
 */
export type MergeUpdates = (
  snapshot: Uint8Array | null,
  updates: Uint8Array[],
) => Uint8Array | Promise<Uint8Array>

/**
 * Durable storage of boards: one adapter per backend (SQLite, PostgreSQL), one contract suite for all
 * (`storageContract.ts`). An append is durable when its promise resolves; the room relays only after that.
 * Positions (`seq`) increase with commit order within a board, so a reader that tails a board with
 * `loadDoc(id, lastSeq)` never skips an update.
 */
export interface BoardStorage {
  /** `organiser`: who made the board (organiser key or client address, `limits/organiser.ts`), for quotas. */
  createBoard(board: BoardRecord, organiser?: string): Promise<void>
  /** How many boards an organiser made, and the bytes their documents and named sessions take in storage. */
  organiserUsage(organiser: string): Promise<OrganiserUsage>
  getBoard(id: string): Promise<BoardRecord | null>
  /** Raises a role's link generation by one and returns the new value. */
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
  /** Everything stored after position `after` (0 = the whole document). */
  loadDoc(boardId: string, after?: number): Promise<StoredDoc>
  /** Appends one update; resolves with its position once it is durable. */
  appendUpdate(boardId: string, update: Uint8Array): Promise<number>
  /** Appends updates in order in one transaction (group commit); resolves with their positions. */
  appendUpdates(boardId: string, updates: Uint8Array[]): Promise<number[]>
  /** Number of updates appended since the last compaction. */
  countUpdates(boardId: string): Promise<number>
  /**
   * Replaces the snapshot and the updates it covers by one merged snapshot. The merged snapshot is
   * written before the covered rows are deleted, in one transaction; updates appended while the merge ran are
   * kept, and a compaction never replaces a snapshot that covers more than it does.
   */
  compact(boardId: string, merge: MergeUpdates): Promise<void>
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
  /**
   * Stores placements of a round, keeping per participant and value the one with the latest `at` (a placement
   * older than the stored one is ignored), so devices and retries may deliver in any order. Placements whose
   * `participantKey` was not issued for this board are not stored.
   */
  savePlacements(boardId: string, roundId: string, placements: StoredPlacement[]): Promise<void>
  /** The round's placements of keys issued for this board (nothing else, whatever older rows hold). */
  listPlacements(boardId: string, roundId: string): Promise<StoredPlacement[]>
  saveSession(boardId: string, session: StoredSession): Promise<void>
  /** Sessions of a board, oldest first, without their data. */
  listSessions(boardId: string): Promise<Omit<StoredSession, 'data'>[]>
  getSession(boardId: string, id: string): Promise<StoredSession | null>
  close(): Promise<void>
}
