import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { DatabaseSync, type StatementSync } from 'node:sqlite'
import type {
  BoardRecord,
  BoardStorage,
  IssuedParticipantKey,
  IssueKeyResult,
  JoinCode,
  LinkGenerations,
  MergeUpdates,
  OrganiserUsage,
  ParticipantKeyLimits,
  StoredDoc,
  StoredPlacement,
  StoredSession,
} from './BoardStorage.ts'
import { parseGenerations } from './parseGenerations.ts'
import { DEFAULT_CHECKPOINT_POLICY, WalCheckpointer } from './WalCheckpointer.ts'

const SCHEMA = `
CREATE TABLE IF NOT EXISTS boards (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  link_generations TEXT NOT NULL DEFAULT '{}'
);
CREATE TABLE IF NOT EXISTS doc_updates (
  board_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  data BLOB NOT NULL,
  PRIMARY KEY (board_id, seq)
);
CREATE TABLE IF NOT EXISTS round_placements (
  board_id TEXT NOT NULL,
  round_id TEXT NOT NULL,
  participant_key TEXT NOT NULL,
  value_id TEXT NOT NULL,
  name TEXT NOT NULL,
  organisation TEXT NOT NULL,
  klasse TEXT NOT NULL,
  twijfel INTEGER NOT NULL,
  at INTEGER NOT NULL,
  PRIMARY KEY (board_id, round_id, participant_key, value_id)
);
CREATE TABLE IF NOT EXISTS round_participants (
  board_id TEXT NOT NULL,
  key_hash TEXT NOT NULL,
  issuer TEXT NOT NULL,
  issued_at INTEGER NOT NULL,
  PRIMARY KEY (board_id, key_hash)
);
CREATE INDEX IF NOT EXISTS round_participants_by_issuer ON round_participants (board_id, issuer, issued_at);
CREATE TABLE IF NOT EXISTS board_sessions (
  board_id TEXT NOT NULL,
  id TEXT NOT NULL,
  name TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  data TEXT NOT NULL,
  PRIMARY KEY (board_id, id)
);
CREATE TABLE IF NOT EXISTS join_codes (
  board_id TEXT PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  generation INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS doc_snapshots (
  board_id TEXT PRIMARY KEY,
  data BLOB NOT NULL,
  covers_seq INTEGER NOT NULL
);
`

// The next position of a board: one past its last update, or past what its snapshot covers.
const NEXT_SEQ_INSERT = `
INSERT INTO doc_updates (board_id, seq, data)
SELECT ?, COALESCE((SELECT MAX(seq) FROM doc_updates WHERE board_id = ?),
                   (SELECT covers_seq FROM doc_snapshots WHERE board_id = ?), 0) + 1, ?
RETURNING seq`

/**
 * Embedded storage in one SQLite file (node:sqlite, no native build). WAL mode: a committed
 * transaction survives `kill -9` of the process, because its pages are in the OS before commit returns.
 * Positions are per board (1, 2, 3, …, continuing after a compaction); SQLite has one writer, so they
 * follow commit order.
 */
export class SqliteBoardStorage implements BoardStorage {
  readonly #db: DatabaseSync
  /**
   * Every statement is prepared once, here. A statement prepared per call holds SQLite memory (outside V8's
   * heap, so V8 does not feel it) until a full garbage collection finalizes it: under load, thousands pile up.
   */
  readonly #sql: ReturnType<typeof prepareAll>
  readonly #checkpointer: WalCheckpointer | null = null

  constructor(path: string) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true })
    this.#db = new DatabaseSync(path)
    this.#db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 5000;')
    this.#db.exec(SCHEMA)
    // Databases made before link revocation existed get the column added.
    const columns = this.#db.prepare('PRAGMA table_info(boards)').all()
    if (!columns.some((c) => c.name === 'link_generations')) {
      this.#db.exec("ALTER TABLE boards ADD COLUMN link_generations TEXT NOT NULL DEFAULT '{}'")
    }
    // Who made a board, for per-organiser quotas; boards made before it have none and count for nobody.
    if (!columns.some((c) => c.name === 'organiser'))
      this.#db.exec('ALTER TABLE boards ADD COLUMN organiser TEXT')
    this.#db.exec('CREATE INDEX IF NOT EXISTS boards_by_organiser ON boards (organiser)')
    this.#sql = prepareAll(this.#db)
    if (path !== ':memory:') {
      // Checkpoints happen on a worker thread, not inside a commit on the event loop (see WalCheckpointer).
      this.#db.exec('PRAGMA wal_autocheckpoint = 0')
      this.#checkpointer = new WalCheckpointer(path, DEFAULT_CHECKPOINT_POLICY, () => {
        if (this.#db.isOpen) this.#db.exec('PRAGMA wal_autocheckpoint = 1000')
      })
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
    const row = this.#sql.selectBoard.get(id)
    if (!row) return null
    return {
      id: String(row.id),
      title: String(row.title),
      createdAt: Number(row.created_at),
      linkGenerations: parseGenerations(String(row.link_generations)),
    }
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

  async bumpLinkGeneration(boardId: string, role: keyof LinkGenerations): Promise<number> {
    this.#db.exec('BEGIN IMMEDIATE')
    try {
      const board = await this.getBoard(boardId)
      if (!board) throw new Error(`no board ${boardId}`)
      const next = { ...board.linkGenerations, [role]: board.linkGenerations[role] + 1 }
      this.#sql.updateGenerations.run(JSON.stringify(next), boardId)
      this.#db.exec('COMMIT')
      return next[role]
    } catch (error) {
      this.#db.exec('ROLLBACK')
      throw error
    }
  }

  async loadDoc(boardId: string, after = 0): Promise<StoredDoc> {
    return this.#read(boardId, after)
  }

  async appendUpdate(boardId: string, update: Uint8Array): Promise<number> {
    const [seq] = await this.appendUpdates(boardId, [update])
    return seq ?? 0
  }

  async appendUpdates(boardId: string, updates: Uint8Array[]): Promise<number[]> {
    const insert = this.#sql.insertUpdate
    // One statement is a transaction of its own (the usual case: one person's edit).
    if (updates.length === 1) {
      const seq = Number(insert.get(boardId, boardId, boardId, updates[0]!)?.seq)
      this.#checkpointer?.wrote(updates[0]!.byteLength)
      return [seq]
    }
    const seqs: number[] = []
    this.#db.exec('BEGIN IMMEDIATE')
    try {
      for (const update of updates) seqs.push(Number(insert.get(boardId, boardId, boardId, update)?.seq))
      this.#db.exec('COMMIT')
      this.#checkpointer?.wrote(updates.reduce((n, u) => n + u.byteLength, 0))
    } catch (error) {
      this.#db.exec('ROLLBACK')
      throw error
    }
    return seqs
  }

  async countUpdates(boardId: string): Promise<number> {
    const row = this.#sql.countUpdates.get(boardId)
    return Number(row?.n ?? 0)
  }

  async compact(boardId: string, merge: MergeUpdates): Promise<void> {
    // Read, merge (possibly on a worker thread, taking a while: appends go on meanwhile), then one short
    // transaction writes the snapshot and deletes the rows it covers — unless a compaction that covers more
    // committed first. Rows appended after the last one read are untouched.
    const doc = this.#read(boardId, 0)
    if (doc.updates.length === 0) return
    const merged = await merge(
      doc.snapshot,
      doc.updates.map((u) => u.data),
    )
    this.#db.exec('BEGIN IMMEDIATE')
    try {
      const covers = Number(this.#sql.selectCovers.get(boardId)?.covers_seq ?? 0)
      if (covers <= doc.lastSeq) {
        this.#sql.upsertSnapshot.run(boardId, merged, doc.lastSeq)
        this.#sql.deleteUpdatesUpTo.run(boardId, doc.lastSeq)
      }
      this.#db.exec('COMMIT')
      this.#checkpointer?.wrote(merged.byteLength)
    } catch (error) {
      this.#db.exec('ROLLBACK')
      throw error
    }
  }

  async issueParticipantKey(
    boardId: string,
    key: IssuedParticipantKey,
    limits: ParticipantKeyLimits,
  ): Promise<IssueKeyResult> {
    this.#db.exec('BEGIN IMMEDIATE')
    try {
      const result = this.#issueKey(boardId, key, limits)
      this.#db.exec('COMMIT')
      return result
    } catch (error) {
      this.#db.exec('ROLLBACK')
      throw error
    }
  }

  #issueKey(boardId: string, key: IssuedParticipantKey, limits: ParticipantKeyLimits): IssueKeyResult {
    const total = Number(this.#sql.countKeys.get(boardId)?.n ?? 0)
    if (total >= limits.perBoard) return { ok: false, reason: 'board-full' }
    const recent = this.#sql.issuerWindow.get(boardId, key.issuer, key.issuedAt - limits.windowMs)
    if (Number(recent?.n ?? 0) >= limits.perIssuer) {
      return { ok: false, reason: 'issuer-limit', retryAt: Number(recent?.oldest) + limits.windowMs }
    }
    this.#sql.insertKey.run(boardId, key.keyHash, key.issuer, key.issuedAt)
    return { ok: true }
  }

  async hasParticipantKey(boardId: string, keyHash: string): Promise<boolean> {
    return this.#sql.selectKey.get(boardId, keyHash) !== undefined
  }

  async savePlacements(boardId: string, roundId: string, placements: StoredPlacement[]): Promise<void> {
    const upsert = this.#sql.upsertPlacement
    this.#db.exec('BEGIN IMMEDIATE')
    try {
      for (const p of placements) {
        upsert.run(
          boardId,
          roundId,
          p.participantKey,
          p.valueId,
          p.name,
          p.organisation,
          p.klasse,
          p.twijfel ? 1 : 0,
          p.at,
          boardId,
          p.participantKey,
        )
      }
      this.#db.exec('COMMIT')
    } catch (error) {
      this.#db.exec('ROLLBACK')
      throw error
    }
  }

  async listPlacements(boardId: string, roundId: string): Promise<StoredPlacement[]> {
    const rows = this.#sql.selectPlacements.all(boardId, roundId)
    return rows.map((r) => ({
      participantKey: String(r.participant_key),
      valueId: String(r.value_id),
      name: String(r.name),
      organisation: String(r.organisation),
      klasse: String(r.klasse),
      twijfel: Number(r.twijfel) === 1,
      at: Number(r.at),
    }))
  }

  async saveSession(boardId: string, session: StoredSession): Promise<void> {
    this.#sql.insertSession.run(boardId, session.id, session.name, session.createdAt, session.data)
  }

  async listSessions(boardId: string): Promise<Omit<StoredSession, 'data'>[]> {
    const rows = this.#sql.selectSessions.all(boardId)
    return rows.map((r) => ({ id: String(r.id), name: String(r.name), createdAt: Number(r.created_at) }))
  }

  async getSession(boardId: string, id: string): Promise<StoredSession | null> {
    const r = this.#sql.selectSession.get(boardId, id)
    return r
      ? { id: String(r.id), name: String(r.name), createdAt: Number(r.created_at), data: String(r.data) }
      : null
  }

  async close(): Promise<void> {
    await this.#checkpointer?.stop()
    if (!this.#db.isOpen) return
    // Leave a tidy file behind: everything in the database, an empty log.
    this.#db.exec('PRAGMA wal_checkpoint(TRUNCATE)')
    this.#db.close()
  }

  #read(boardId: string, after: number): StoredDoc {
    const snap = this.#sql.selectSnapshot.get(boardId)
    const coversSeq = snap ? Number(snap.covers_seq) : 0
    const useSnapshot = snap !== undefined && coversSeq > after
    const from = useSnapshot ? coversSeq : after
    const rows = this.#sql.selectUpdatesAfter.all(boardId, from)
    // node:sqlite returns each BLOB as a plain Uint8Array over its own, exactly sized ArrayBuffer: no copy needed
    // (a copy doubled the native memory every read of a board allocated, until the next GC).
    const updates = rows.map((r) => ({ seq: Number(r.seq), data: r.data as Uint8Array }))
    return {
      snapshot: useSnapshot ? (snap.data as Uint8Array) : null,
      updates,
      lastSeq: Math.max(from, updates.at(-1)?.seq ?? 0),
    }
  }
}

/** The storage's statements, prepared once per connection (finalized when the database is closed). */
function joinCodeRow(row: Record<string, unknown> | undefined): JoinCode | null {
  if (!row) return null
  return {
    code: String(row.code),
    boardId: String(row.board_id),
    generation: Number(row.generation),
    expiresAt: Number(row.expires_at),
  }
}

function prepareAll(db: DatabaseSync) {
  const prepare = (sql: string): StatementSync => db.prepare(sql)
  return {
    upsertJoinCode: prepare(
      `INSERT INTO join_codes (board_id, code, generation, expires_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (board_id) DO UPDATE SET code = excluded.code, generation = excluded.generation,
         expires_at = excluded.expires_at`,
    ),
    joinCodeOfBoard: prepare(
      'SELECT board_id, code, generation, expires_at FROM join_codes WHERE board_id = ?',
    ),
    findJoinCode: prepare('SELECT board_id, code, generation, expires_at FROM join_codes WHERE code = ?'),
    insertBoard: prepare(
      'INSERT INTO boards (id, title, created_at, link_generations, organiser) VALUES (?, ?, ?, ?, ?)',
    ),
    // length() of a BLOB reads its size, not its content.
    organiserUsage: prepare(`
      SELECT (SELECT COUNT(*) FROM boards WHERE organiser = ?) AS boards,
        COALESCE((SELECT SUM(length(u.data)) FROM doc_updates u JOIN boards b ON b.id = u.board_id
                  WHERE b.organiser = ?), 0)
        + COALESCE((SELECT SUM(length(s.data)) FROM doc_snapshots s JOIN boards b ON b.id = s.board_id
                  WHERE b.organiser = ?), 0)
        + COALESCE((SELECT SUM(length(CAST(x.data AS BLOB))) FROM board_sessions x JOIN boards b ON b.id = x.board_id
                  WHERE b.organiser = ?), 0) AS bytes`),
    selectBoard: prepare('SELECT id, title, created_at, link_generations FROM boards WHERE id = ?'),
    updateGenerations: prepare('UPDATE boards SET link_generations = ? WHERE id = ?'),
    insertUpdate: prepare(NEXT_SEQ_INSERT),
    countUpdates: prepare('SELECT COUNT(*) AS n FROM doc_updates WHERE board_id = ?'),
    upsertSnapshot: prepare(
      `INSERT INTO doc_snapshots (board_id, data, covers_seq) VALUES (?, ?, ?)
       ON CONFLICT (board_id) DO UPDATE SET data = excluded.data, covers_seq = excluded.covers_seq`,
    ),
    deleteUpdatesUpTo: prepare('DELETE FROM doc_updates WHERE board_id = ? AND seq <= ?'),
    countKeys: prepare('SELECT COUNT(*) AS n FROM round_participants WHERE board_id = ?'),
    issuerWindow: prepare(
      `SELECT COUNT(*) AS n, MIN(issued_at) AS oldest FROM round_participants
       WHERE board_id = ? AND issuer = ? AND issued_at > ?`,
    ),
    insertKey: prepare(
      'INSERT INTO round_participants (board_id, key_hash, issuer, issued_at) VALUES (?, ?, ?, ?)',
    ),
    selectKey: prepare('SELECT 1 AS found FROM round_participants WHERE board_id = ? AND key_hash = ?'),
    // Only a key issued for this board can hold a placement, whatever the caller checked before.
    upsertPlacement: prepare(`
      INSERT INTO round_placements (board_id, round_id, participant_key, value_id, name, organisation, klasse, twijfel, at)
      SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?
      WHERE EXISTS (SELECT 1 FROM round_participants WHERE board_id = ? AND key_hash = ?)
      ON CONFLICT (board_id, round_id, participant_key, value_id) DO UPDATE SET
        name = excluded.name, organisation = excluded.organisation, klasse = excluded.klasse,
        twijfel = excluded.twijfel, at = excluded.at
      WHERE excluded.at > round_placements.at`),
    // Rows of keys never issued (stored before keys were issued by the server) do not count.
    selectPlacements: prepare(
      `SELECT participant_key, value_id, name, organisation, klasse, twijfel, at FROM round_placements p
       WHERE board_id = ? AND round_id = ? AND EXISTS (
         SELECT 1 FROM round_participants k WHERE k.board_id = p.board_id AND k.key_hash = p.participant_key)
       ORDER BY participant_key, value_id`,
    ),
    insertSession: prepare(
      'INSERT INTO board_sessions (board_id, id, name, created_at, data) VALUES (?, ?, ?, ?, ?)',
    ),
    selectSessions: prepare(
      'SELECT id, name, created_at FROM board_sessions WHERE board_id = ? ORDER BY created_at, id',
    ),
    selectSession: prepare(
      'SELECT id, name, created_at, data FROM board_sessions WHERE board_id = ? AND id = ?',
    ),
    selectSnapshot: prepare('SELECT data, covers_seq FROM doc_snapshots WHERE board_id = ?'),
    selectCovers: prepare('SELECT covers_seq FROM doc_snapshots WHERE board_id = ?'),
    selectUpdatesAfter: prepare(
      'SELECT seq, data FROM doc_updates WHERE board_id = ? AND seq > ? ORDER BY seq',
    ),
  }
}
