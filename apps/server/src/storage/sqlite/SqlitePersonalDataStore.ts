import { placementRowAsIs } from '../personalDataRows.ts'
import type { PersonalDataStore, RoundPlacementRow } from '../ports/PersonalDataStore.ts'
import type { StoredSession } from '../ports/SessionStore.ts'
import { sessionRow } from '../rows.ts'
import type { SqliteConnection } from './SqliteConnection.ts'

const TABLES = [
  `CREATE TABLE IF NOT EXISTS privacy_retention (
    board_id TEXT PRIMARY KEY,
    erased_at INTEGER NOT NULL
  )`,
]

/** Names on ballots and in sessions, and the retention job's marks, in the SQLite file. */
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
      erasedAt: conn.prepare('SELECT erased_at FROM privacy_retention WHERE board_id = ?'),
      markErased: conn.prepare(
        `INSERT INTO privacy_retention (board_id, erased_at) VALUES (?, ?)
         ON CONFLICT (board_id) DO UPDATE SET erased_at = excluded.erased_at`,
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

  async retentionErasedAt(boardId: string): Promise<number | null> {
    const row = this.#sql.erasedAt.get(boardId)
    return row ? Number(row.erased_at) : null
  }

  async markRetentionErased(boardId: string, at: number): Promise<void> {
    this.#sql.markErased.run(boardId, at)
  }
}
