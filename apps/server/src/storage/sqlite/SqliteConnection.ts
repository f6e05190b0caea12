import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { DatabaseSync, type StatementSync } from 'node:sqlite'
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

/**
 * One SQLite file (node:sqlite, no native build), shared by the backend's four port adapters. WAL mode: a
 * committed transaction survives `kill -9` of the process, because its pages are in the OS before commit returns.
 * SQLite has one writer, so positions handed out inside a transaction follow commit order.
 */
export class SqliteConnection {
  readonly #db: DatabaseSync
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
    if (path !== ':memory:') {
      // Checkpoints happen on a worker thread, not inside a commit on the event loop (see WalCheckpointer).
      this.#db.exec('PRAGMA wal_autocheckpoint = 0')
      this.#checkpointer = new WalCheckpointer(path, DEFAULT_CHECKPOINT_POLICY, () => {
        if (this.#db.isOpen) this.#db.exec('PRAGMA wal_autocheckpoint = 1000')
      })
    }
  }

  /**
   * Prepares a statement. Adapters prepare each of theirs once, when they are made: a statement prepared per call
   * holds SQLite memory (outside V8's heap, so V8 does not feel it) until a full garbage collection finalizes it;
   * under load, thousands pile up. Statements are finalized when the database is closed.
   */
  prepare(sql: string): StatementSync {
    return this.#db.prepare(sql)
  }

  /** Runs `fn` in one write transaction (taken at once, so two writers never deadlock upgrading a read lock). */
  immediate<T>(fn: () => T): T {
    this.#db.exec('BEGIN IMMEDIATE')
    try {
      const result = fn()
      this.#db.exec('COMMIT')
      return result
    } catch (error) {
      this.#db.exec('ROLLBACK')
      throw error
    }
  }

  /** Tells the checkpoint thread how many bytes a commit wrote to the log. */
  wrote(bytes: number): void {
    this.#checkpointer?.wrote(bytes)
  }

  async close(): Promise<void> {
    await this.#checkpointer?.stop()
    if (!this.#db.isOpen) return
    // Leave a tidy file behind: everything in the database, an empty log.
    this.#db.exec('PRAGMA wal_checkpoint(TRUNCATE)')
    this.#db.close()
  }
}
