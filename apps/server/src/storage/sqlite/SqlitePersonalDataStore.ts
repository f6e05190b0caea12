import { placementRowAsIs, retentionRow } from '../personalDataRows.ts'
import type { PersonalDataStore, RetentionState, RoundPlacementRow } from '../ports/PersonalDataStore.ts'
import type { StoredSession } from '../ports/SessionStore.ts'
import { sessionRow } from '../rows.ts'
import type { SqliteConnection } from './SqliteConnection.ts'

const TABLES = [
  `CREATE TABLE IF NOT EXISTS privacy_retention (
    board_id TEXT PRIMARY KEY,
    seen_seq INTEGER NOT NULL,
    last_edit_at INTEGER NOT NULL,
    erased_at INTEGER
  )`,
]

/** Names on ballots and in sessions, and what the retention job saw of each board, in the SQLite file. */
export class SqlitePersonalDataStore implements PersonalDataStore {
  readonly #sql

  constructor(conn: SqliteConnection) {
    for (const statement of TABLES) conn.prepare(statement).run()
    this.#sql = {
      placements: conn.prepare(
        `SELECT round_id, participant_key, value_id, name, organisation, klasse, twijfel, at FROM round_placements
         WHERE board_id = ? ORDER BY round_id, participant_key, value_id`,
      ),
      rename: conn.prepare(
        `UPDATE round_placements SET name = ?, organisation = ?
         WHERE board_id = ? AND round_id = ? AND participant_key = ?`,
      ),
      sessions: conn.prepare(
        'SELECT id, name, created_at, data FROM board_sessions WHERE board_id = ? ORDER BY created_at, id',
      ),
      rewrite: conn.prepare('UPDATE board_sessions SET name = ?, data = ? WHERE board_id = ? AND id = ?'),
      position: conn.prepare(
        `SELECT MAX(m) AS m FROM (
           SELECT MAX(seq) AS m FROM doc_updates WHERE board_id = ?
           UNION ALL SELECT covers_seq AS m FROM doc_snapshots WHERE board_id = ?)`,
      ),
      boardIds: conn.prepare('SELECT id FROM boards WHERE id > ? ORDER BY id LIMIT ?'),
      state: conn.prepare(
        'SELECT seen_seq, last_edit_at, erased_at FROM privacy_retention WHERE board_id = ?',
      ),
      saveState: conn.prepare(
        `INSERT INTO privacy_retention (board_id, seen_seq, last_edit_at, erased_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (board_id) DO UPDATE SET seen_seq = excluded.seen_seq, last_edit_at = excluded.last_edit_at,
           erased_at = excluded.erased_at`,
      ),
    }
  }

  async placementsOfBoard(boardId: string): Promise<RoundPlacementRow[]> {
    return this.#sql.placements.all(boardId).map(placementRowAsIs)
  }

  async renameParticipant(
    boardId: string,
    roundId: string,
    participantKey: string,
    name: string,
    organisation: string,
  ): Promise<number> {
    return Number(this.#sql.rename.run(name, organisation, boardId, roundId, participantKey).changes)
  }

  async sessionsOfBoard(boardId: string): Promise<StoredSession[]> {
    return this.#sql.sessions.all(boardId).map((row) => ({ ...sessionRow(row), data: String(row.data) }))
  }

  async rewriteSession(boardId: string, session: StoredSession): Promise<boolean> {
    return Number(this.#sql.rewrite.run(session.name, session.data, boardId, session.id).changes) > 0
  }

  async listBoardIds(after: string, limit: number): Promise<string[]> {
    return this.#sql.boardIds.all(after, limit).map((row) => String(row.id))
  }

  async logPosition(boardId: string): Promise<number> {
    return Number(this.#sql.position.get(boardId, boardId)?.m ?? 0)
  }

  async retentionState(boardId: string): Promise<RetentionState | null> {
    const row = this.#sql.state.get(boardId)
    return row ? retentionRow(row) : null
  }

  async saveRetentionState(boardId: string, state: RetentionState): Promise<void> {
    this.#sql.saveState.run(boardId, state.seenSeq, state.lastEditAt, state.erasedAt)
  }
}
