import { placementRowAsIs, retentionRow } from '../personalDataRows.ts'
import type { PersonalDataStore, RetentionState, RoundPlacementRow } from '../ports/PersonalDataStore.ts'
import type { StoredSession } from '../ports/SessionStore.ts'
import { sessionRow } from '../rows.ts'
import type { PostgresConnection } from './PostgresConnection.ts'

/** Names on ballots and in sessions, and what the retention job saw of each board, in PostgreSQL. */
export class PostgresPersonalDataStore implements PersonalDataStore {
  readonly #conn: PostgresConnection
  #ready: Promise<void> | null = null

  constructor(conn: PostgresConnection) {
    this.#conn = conn
  }

  /** The table, made once before the first query (instances starting together take turns under one lock). */
  #tables(): Promise<void> {
    this.#ready ??= this.#conn
      .transaction('waardentafel:privacy-tables', async (client) => {
        await client.query(`CREATE TABLE IF NOT EXISTS ${this.#conn.t('privacy_retention')} (
          board_id TEXT PRIMARY KEY, seen_seq BIGINT NOT NULL, last_edit_at BIGINT NOT NULL, erased_at BIGINT)`)
      })
      .catch((error) => {
        this.#ready = null // tried again by the next call (the database may come up later)
        throw error
      })
    return this.#ready
  }

  async #query(sql: string, params: unknown[]) {
    await this.#tables()
    return this.#conn.query(sql, params)
  }

  async placementsOfBoard(boardId: string): Promise<RoundPlacementRow[]> {
    const { rows } = await this.#query(
      `SELECT round_id, participant_key, value_id, name, organisation, klasse, twijfel, at
       FROM ${this.#conn.t('round_placements')} WHERE board_id = $1 ORDER BY round_id, participant_key, value_id`,
      [boardId],
    )
    return rows.map(placementRowAsIs)
  }

  async renameParticipant(
    boardId: string,
    roundId: string,
    participantKey: string,
    name: string,
    organisation: string,
  ): Promise<number> {
    const { rowCount } = await this.#query(
      `UPDATE ${this.#conn.t('round_placements')} SET name = $1, organisation = $2
       WHERE board_id = $3 AND round_id = $4 AND participant_key = $5`,
      [name, organisation, boardId, roundId, participantKey],
    )
    return rowCount ?? 0
  }

  async sessionsOfBoard(boardId: string): Promise<StoredSession[]> {
    const { rows } = await this.#query(
      `SELECT id, name, created_at, data FROM ${this.#conn.t('board_sessions')}
       WHERE board_id = $1 ORDER BY created_at, id`,
      [boardId],
    )
    return rows.map((row) => ({ ...sessionRow(row), data: String(row.data) }))
  }

  async rewriteSession(boardId: string, session: StoredSession): Promise<boolean> {
    const { rowCount } = await this.#query(
      `UPDATE ${this.#conn.t('board_sessions')} SET name = $1, data = $2 WHERE board_id = $3 AND id = $4`,
      [session.name, session.data, boardId, session.id],
    )
    return (rowCount ?? 0) > 0
  }

  async listBoardIds(after: string, limit: number): Promise<string[]> {
    const { rows } = await this.#query(
      `SELECT id FROM ${this.#conn.t('boards')} WHERE id COLLATE "C" > $1 ORDER BY id COLLATE "C" LIMIT $2`,
      [after, limit],
    )
    return rows.map((row) => String(row.id))
  }

  async logPosition(boardId: string): Promise<number> {
    // `board_seqs` hands out the board's positions (PostgresDocumentLog): its `last` is the latest one.
    const { rows } = await this.#query(`SELECT last FROM ${this.#conn.t('board_seqs')} WHERE board_id = $1`, [
      boardId,
    ])
    return rows[0] ? Number(rows[0].last) : 0
  }

  async retentionState(boardId: string): Promise<RetentionState | null> {
    const { rows } = await this.#query(
      `SELECT seen_seq, last_edit_at, erased_at FROM ${this.#conn.t('privacy_retention')} WHERE board_id = $1`,
      [boardId],
    )
    return rows[0] ? retentionRow(rows[0]) : null
  }

  async saveRetentionState(boardId: string, state: RetentionState): Promise<void> {
    await this.#query(
      `INSERT INTO ${this.#conn.t('privacy_retention')} (board_id, seen_seq, last_edit_at, erased_at)
       VALUES ($1, $2, $3, $4)
       ON CONFLICT (board_id) DO UPDATE SET seen_seq = EXCLUDED.seen_seq, last_edit_at = EXCLUDED.last_edit_at,
         erased_at = EXCLUDED.erased_at`,
      [boardId, state.seenSeq, state.lastEditAt, state.erasedAt],
    )
  }
}
