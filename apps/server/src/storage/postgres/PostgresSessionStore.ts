import type { SessionStore, StoredSession } from '../ports/SessionStore.ts'
import { sessionRow } from '../rows.ts'
import type { PostgresConnection } from './PostgresConnection.ts'

/** Named sessions of boards in PostgreSQL. */
export class PostgresSessionStore implements SessionStore {
  readonly #conn: PostgresConnection

  constructor(conn: PostgresConnection) {
    this.#conn = conn
  }

  async saveSession(boardId: string, session: StoredSession): Promise<void> {
    await this.#conn.query(
      `INSERT INTO ${this.#conn.t('board_sessions')} (board_id, id, name, created_at, data) VALUES ($1, $2, $3, $4, $5)`,
      [boardId, session.id, session.name, session.createdAt, session.data],
    )
  }

  async listSessions(boardId: string): Promise<Omit<StoredSession, 'data'>[]> {
    const { rows } = await this.#conn.query(
      `SELECT id, name, created_at FROM ${this.#conn.t('board_sessions')} WHERE board_id = $1 ORDER BY created_at, id`,
      [boardId],
    )
    return rows.map(sessionRow)
  }

  async getSession(boardId: string, id: string): Promise<StoredSession | null> {
    const { rows } = await this.#conn.query(
      `SELECT id, name, created_at, data FROM ${this.#conn.t('board_sessions')} WHERE board_id = $1 AND id = $2`,
      [boardId, id],
    )
    const row = rows[0]
    return row ? { ...sessionRow(row), data: String(row.data) } : null
  }
}
