import type { StoredSession } from './SessionStore.ts'

/** A stored placement row as it is, with its round (`klasse` unchecked: an old row's name counts all the same). */
export type RoundPlacementRow = {
  roundId: string
  participantKey: string
  valueId: string
  name: string
  organisation: string
  klasse: string
  twijfel: boolean
  at: number
}

/**
 * What the retention job knows of a board. Edits carry no time in the document log, so the job notes the log's
 * position each time it looks: when it has grown since, the board was edited since the last look (`lastEditAt` is
 * then that look's time, at most one run late; a board is first seen as edited when the job first looks at it).
 */
export type RetentionState = {
  /** The log position the job last saw (`StoredDoc.lastSeq`). */
  seenSeq: number
  lastEditAt: number
  /** When the job erased its personal data, or null. */
  erasedAt: number | null
}

/**
 * What the AVG layer (`org/privacy`) reads and rewrites beyond the board's document: the names on ballots and in
 * named sessions, and when the retention job last erased a board. The other ports only add and read; these rewrite.
 * Contract: `test/contracts/personalDataStore.contract.ts`.
 */
export interface PersonalDataStore {
  /** Every placement row of every round of the board, also of ballot keys no longer valid (they hold names too). */
  placementsOfBoard(boardId: string): Promise<RoundPlacementRow[]>
  /**
   * Gives one participant's rows in one round another name and organisation (an erasure); their placements, times
   * and key stay. Returns how many rows changed.
   */
  renameParticipant(
    boardId: string,
    roundId: string,
    participantKey: string,
    name: string,
    organisation: string,
  ): Promise<number>
  /** The board's named sessions with their snapshots, oldest first. */
  sessionsOfBoard(boardId: string): Promise<StoredSession[]>
  /** Replaces a stored session's name and snapshot (an erasure rewrites what it holds); false when there is none. */
  rewriteSession(boardId: string, session: StoredSession): Promise<boolean>
  /** Board ids after `after` in id order, at most `limit` (the retention job walks every board). */
  listBoardIds(after: string, limit: number): Promise<string[]>
  /** The board's latest log position (`StoredDoc.lastSeq` of a full load), read without loading the document. */
  logPosition(boardId: string): Promise<number>
  /** What the retention job last saw of a board, or null before it first looked. */
  retentionState(boardId: string): Promise<RetentionState | null>
  saveRetentionState(boardId: string, state: RetentionState): Promise<void>
}
