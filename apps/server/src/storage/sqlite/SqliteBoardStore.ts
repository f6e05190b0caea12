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
import type { SqliteConnection } from './SqliteConnection.ts'

/** Boards, their join codes and ballot keys in SQLite. */
export class SqliteBoardStore implements BoardStore {
  readonly #conn: SqliteConnection
  readonly #sql

  constructor(conn: SqliteConnection) {
    this.#conn = conn
    this.#sql = {
      insertBoard: conn.prepare(
        'INSERT INTO boards (id, title, created_at, link_generations, organiser) VALUES (?, ?, ?, ?, ?)',
      ),
      // length() of a BLOB reads its size, not its content.
      organiserUsage: conn.prepare(`
        SELECT (SELECT COUNT(*) FROM boards WHERE organiser = ?) AS boards,
          COALESCE((SELECT SUM(length(u.data)) FROM doc_updates u JOIN boards b ON b.id = u.board_id
                    WHERE b.organiser = ?), 0)
          + COALESCE((SELECT SUM(length(s.data)) FROM doc_snapshots s JOIN boards b ON b.id = s.board_id
                    WHERE b.organiser = ?), 0)
          + COALESCE((SELECT SUM(length(CAST(x.data AS BLOB))) FROM board_sessions x JOIN boards b ON b.id = x.board_id
                    WHERE b.organiser = ?), 0) AS bytes`),
      selectBoard: conn.prepare('SELECT id, title, created_at, link_generations FROM boards WHERE id = ?'),
      updateGenerations: conn.prepare('UPDATE boards SET link_generations = ? WHERE id = ?'),
      upsertJoinCode: conn.prepare(
        `INSERT INTO join_codes (board_id, code, generation, expires_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (board_id) DO UPDATE SET code = excluded.code, generation = excluded.generation,
           expires_at = excluded.expires_at`,
      ),
      joinCodeOfBoard: conn.prepare(
        'SELECT board_id, code, generation, expires_at FROM join_codes WHERE board_id = ?',
      ),
      findJoinCode: conn.prepare(
        'SELECT board_id, code, generation, expires_at FROM join_codes WHERE code = ?',
      ),
      countKeys: conn.prepare('SELECT COUNT(*) AS n FROM round_participants WHERE board_id = ?'),
      issuerWindow: conn.prepare(
        `SELECT COUNT(*) AS n, MIN(issued_at) AS oldest FROM round_participants
         WHERE board_id = ? AND issuer = ? AND issued_at > ?`,
      ),
      insertKey: conn.prepare(
        'INSERT INTO round_participants (board_id, key_hash, issuer, issued_at) VALUES (?, ?, ?, ?)',
      ),
      selectKey: conn.prepare(
        'SELECT 1 AS found FROM round_participants WHERE board_id = ? AND key_hash = ?',
      ),
    }
  }

  async createBoard(board: BoardRecord, organiser?: string): Promise<void> {
    const generations = JSON.stringify(board.linkGenerations)
    this.#sql.insertBoard.run(board.id, board.title, board.createdAt, generations, organiser ?? null)
  }

  async organiserUsage(organiser: string): Promise<OrganiserUsage> {
    const row = this.#sql.organiserUsage.get(organiser, organiser, organiser, organiser)
    return { boards: Number(row?.boards ?? 0), bytes: Number(row?.bytes ?? 0) }
  }

  async getBoard(id: string): Promise<BoardRecord | null> {
    return this.#board(id)
  }

  async bumpLinkGeneration(boardId: string, role: keyof LinkGenerations): Promise<number> {
    return this.#conn.immediate(() => {
      const board = this.#board(boardId)
      if (!board) throw new StorageError('unknown-board', `no board ${boardId}`)
      const next = { ...board.linkGenerations, [role]: board.linkGenerations[role] + 1 }
      this.#sql.updateGenerations.run(JSON.stringify(next), boardId)
      return next[role]
    })
  }

  async saveJoinCode(entry: JoinCode): Promise<boolean> {
    try {
      this.#sql.upsertJoinCode.run(entry.boardId, entry.code, entry.generation, entry.expiresAt)
      return true
    } catch (error) {
      // The code is another board's (UNIQUE(code)); anything else is a real failure.
      if (String((error as Error).message).includes('UNIQUE')) return false
      throw error
    }
  }

  async joinCodeOfBoard(boardId: string): Promise<JoinCode | null> {
    return joinCodeRow(this.#sql.joinCodeOfBoard.get(boardId))
  }

  async findJoinCode(code: string): Promise<JoinCode | null> {
    return joinCodeRow(this.#sql.findJoinCode.get(code))
  }

  async issueParticipantKey(
    boardId: string,
    key: IssuedParticipantKey,
    limits: ParticipantKeyLimits,
  ): Promise<IssueKeyResult> {
    // Count and insert in one write transaction: no other writer (request or process) can come in between.
    return this.#conn.immediate((): IssueKeyResult => {
      const total = Number(this.#sql.countKeys.get(boardId)?.n ?? 0)
      if (total >= limits.perBoard) return { ok: false, reason: 'board-full' }
      const recent = this.#sql.issuerWindow.get(boardId, key.issuer, key.issuedAt - limits.windowMs)
      if (Number(recent?.n ?? 0) >= limits.perIssuer) {
        return { ok: false, reason: 'issuer-limit', retryAt: Number(recent?.oldest) + limits.windowMs }
      }
      this.#sql.insertKey.run(boardId, key.keyHash, key.issuer, key.issuedAt)
      return { ok: true }
    })
  }

  async hasParticipantKey(boardId: string, keyHash: string): Promise<boolean> {
    return this.#sql.selectKey.get(boardId, keyHash) !== undefined
  }

  #board(id: string): BoardRecord | null {
    const row = this.#sql.selectBoard.get(id)
    if (!row) return null
    return {
      id: String(row.id),
      title: String(row.title),
      createdAt: Number(row.created_at),
      linkGenerations: parseGenerations(String(row.link_generations)),
    }
  }
}
