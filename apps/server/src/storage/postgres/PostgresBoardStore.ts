import { parseGenerations } from '../parseGenerations.ts'
import type {
  BoardRecord,
  BoardStore,
  IssuedParticipantKey,
  IssueKeyResult,
  JoinCode,
  LinkGenerations,
  OrganiserUsage,
  ParticipantKeyLimits,
} from '../ports/BoardStore.ts'
import { joinCodeRow } from '../rows.ts'
import { StorageError } from '../StorageError.ts'
import type { PostgresConnection } from './PostgresConnection.ts'

/** Boards, their join codes and ballot keys in PostgreSQL. */
export class PostgresBoardStore implements BoardStore {
  readonly #conn: PostgresConnection

  constructor(conn: PostgresConnection) {
    this.#conn = conn
  }

  async createBoard(board: BoardRecord, organiser?: string): Promise<void> {
    await this.#conn.query(
      `INSERT INTO ${this.#conn.t('boards')} (id, title, created_at, link_generations, organiser)
       VALUES ($1, $2, $3, $4, $5)`,
      [board.id, board.title, board.createdAt, JSON.stringify(board.linkGenerations), organiser ?? null],
    )
  }

  async organiserUsage(organiser: string): Promise<OrganiserUsage> {
    const t = (table: string) => this.#conn.t(table)
    const { rows } = await this.#conn.query(
      `SELECT (SELECT COUNT(*) FROM ${t('boards')} WHERE organiser = $1) AS boards,
         COALESCE((SELECT SUM(octet_length(u.data)) FROM ${t('doc_updates')} u
                   JOIN ${t('boards')} b ON b.id = u.board_id WHERE b.organiser = $1), 0)
         + COALESCE((SELECT SUM(octet_length(s.data)) FROM ${t('doc_snapshots')} s
                   JOIN ${t('boards')} b ON b.id = s.board_id WHERE b.organiser = $1), 0)
         + COALESCE((SELECT SUM(octet_length(x.data)) FROM ${t('board_sessions')} x
                   JOIN ${t('boards')} b ON b.id = x.board_id WHERE b.organiser = $1), 0) AS bytes`,
      [organiser],
    )
    return { boards: Number(rows[0]?.boards ?? 0), bytes: Number(rows[0]?.bytes ?? 0) }
  }

  async getBoard(id: string): Promise<BoardRecord | null> {
    const { rows } = await this.#conn.query(
      `SELECT id, title, created_at, link_generations::text AS gens FROM ${this.#conn.t('boards')} WHERE id = $1`,
      [id],
    )
    const row = rows[0]
    if (!row) return null
    return {
      id: String(row.id),
      title: String(row.title),
      createdAt: Number(row.created_at),
      linkGenerations: parseGenerations(String(row.gens)),
    }
  }

  async bumpLinkGeneration(boardId: string, role: keyof LinkGenerations): Promise<number> {
    // One statement reads and raises the generation, so concurrent revocations each count.
    const { rows } = await this.#conn.query(
      `UPDATE ${this.#conn.t('boards')}
       SET link_generations = jsonb_set(link_generations, ARRAY[$2::text],
                                        to_jsonb(COALESCE((link_generations->>$2)::int, 0) + 1))
       WHERE id = $1 RETURNING (link_generations->>$2)::int AS generation`,
      [boardId, role],
    )
    if (!rows[0]) throw new StorageError('unknown-board', `no board ${boardId}`)
    return Number(rows[0].generation)
  }

  async saveJoinCode(entry: JoinCode): Promise<boolean> {
    try {
      await this.#conn.query(
        `INSERT INTO ${this.#conn.t('join_codes')} (board_id, code, generation, expires_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (board_id) DO UPDATE SET code = EXCLUDED.code, generation = EXCLUDED.generation,
           expires_at = EXCLUDED.expires_at`,
        [entry.boardId, entry.code, entry.generation, entry.expiresAt],
      )
      return true
    } catch (error) {
      // 23505: the code is another board's (UNIQUE(code)).
      if ((error as { code?: string }).code === '23505') return false
      throw error
    }
  }

  async joinCodeOfBoard(boardId: string): Promise<JoinCode | null> {
    const { rows } = await this.#conn.query(
      `SELECT board_id, code, generation, expires_at FROM ${this.#conn.t('join_codes')} WHERE board_id = $1`,
      [boardId],
    )
    return joinCodeRow(rows[0])
  }

  async findJoinCode(code: string): Promise<JoinCode | null> {
    const { rows } = await this.#conn.query(
      `SELECT board_id, code, generation, expires_at FROM ${this.#conn.t('join_codes')} WHERE code = $1`,
      [code],
    )
    return joinCodeRow(rows[0])
  }

  async issueParticipantKey(
    boardId: string,
    key: IssuedParticipantKey,
    limits: ParticipantKeyLimits,
  ): Promise<IssueKeyResult> {
    const table = this.#conn.t('round_participants')
    // The board's advisory lock serialises issuing across instances: count and insert cannot interleave.
    return this.#conn.transaction(`${boardId}:round-keys`, async (client): Promise<IssueKeyResult> => {
      const { rows } = await client.query(
        `SELECT COUNT(*) AS total,
                COUNT(*) FILTER (WHERE issuer = $2 AND issued_at > $3) AS recent,
                MIN(issued_at) FILTER (WHERE issuer = $2 AND issued_at > $3) AS oldest
         FROM ${table} WHERE board_id = $1`,
        [boardId, key.issuer, key.issuedAt - limits.windowMs],
      )
      const row = rows[0]
      if (Number(row?.total ?? 0) >= limits.perBoard) return { ok: false, reason: 'board-full' }
      if (Number(row?.recent ?? 0) >= limits.perIssuer) {
        return { ok: false, reason: 'issuer-limit', retryAt: Number(row?.oldest) + limits.windowMs }
      }
      await client.query(
        `INSERT INTO ${table} (board_id, key_hash, issuer, issued_at) VALUES ($1, $2, $3, $4)`,
        [boardId, key.keyHash, key.issuer, key.issuedAt],
      )
      return { ok: true }
    })
  }

  async hasParticipantKey(boardId: string, keyHash: string): Promise<boolean> {
    const { rows } = await this.#conn.query(
      `SELECT 1 FROM ${this.#conn.t('round_participants')} WHERE board_id = $1 AND key_hash = $2`,
      [boardId, keyHash],
    )
    return rows.length > 0
  }
}
