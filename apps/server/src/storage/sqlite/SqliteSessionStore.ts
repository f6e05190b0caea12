import type { SessionStore, StoredSession } from '../ports/SessionStore.ts'
import { sessionRow } from '../rows.ts'
import type { SqliteConnection } from './SqliteConnection.ts'

/** Named sessions of boards in SQLite. */
export class SqliteSessionStore implements SessionStore {
  readonly #sql

  constructor(conn: SqliteConnection) {
    this.#sql = {
      insertSession: conn.prepare(
        'INSERT INTO board_sessions (board_id, id, name, created_at, data) VALUES (?, ?, ?, ?, ?)',
      ),
      selectSessions: conn.prepare(
        'SELECT id, name, created_at FROM board_sessions WHERE board_id = ? ORDER BY created_at, id',
      ),
      selectSession: conn.prepare(
        'SELECT id, name, created_at, data FROM board_sessions WHERE board_id = ? AND id = ?',
      ),
    }
  }

  async saveSession(boardId: string, session: StoredSession): Promise<void> {
    this.#sql.insertSession.run(boardId, session.id, session.name, session.createdAt, session.data)
  }

  async listSessions(boardId: string): Promise<Omit<StoredSession, 'data'>[]> {
    return this.#sql.selectSessions.all(boardId).map(sessionRow)
  }

  async getSession(boardId: string, id: string): Promise<StoredSession | null> {
    const row = this.#sql.selectSession.get(boardId, id)
    return row ? { ...sessionRow(row), data: String(row.data) } : null
  }
}
