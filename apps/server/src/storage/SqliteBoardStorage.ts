import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import type { BoardRecord, BoardStorage, MergeUpdates, StoredDoc } from './BoardStorage.ts'

const SCHEMA = `
CREATE TABLE IF NOT EXISTS boards (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS doc_updates (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  board_id TEXT NOT NULL,
  data BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS doc_updates_board ON doc_updates (board_id, seq);
CREATE TABLE IF NOT EXISTS doc_snapshots (
  board_id TEXT PRIMARY KEY,
  data BLOB NOT NULL,
  covers_seq INTEGER NOT NULL
);
`

/**
 * Embedded storage in one SQLite file (node:sqlite, no native build). WAL mode: a committed
 * transaction survives `kill -9` of the process, because its pages are in the OS before commit returns.
 */
export class SqliteBoardStorage implements BoardStorage {
  readonly #db: DatabaseSync

  constructor(path: string) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true })
    this.#db = new DatabaseSync(path)
    this.#db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 5000;')
    this.#db.exec(SCHEMA)
  }

  async createBoard(board: BoardRecord): Promise<void> {
    this.#db
      .prepare('INSERT INTO boards (id, title, created_at) VALUES (?, ?, ?)')
      .run(board.id, board.title, board.createdAt)
  }

  async getBoard(id: string): Promise<BoardRecord | null> {
    const row = this.#db.prepare('SELECT id, title, created_at FROM boards WHERE id = ?').get(id)
    if (!row) return null
    return { id: String(row.id), title: String(row.title), createdAt: Number(row.created_at) }
  }

  async loadDoc(boardId: string): Promise<StoredDoc> {
    return this.#read(boardId).doc
  }

  async appendUpdates(boardId: string, updates: Uint8Array[]): Promise<void> {
    if (updates.length === 0) return
    const insert = this.#db.prepare('INSERT INTO doc_updates (board_id, data) VALUES (?, ?)')
    this.#transaction(() => {
      for (const update of updates) insert.run(boardId, update)
    })
  }

  async countUpdates(boardId: string): Promise<number> {
    const row = this.#db.prepare('SELECT COUNT(*) AS n FROM doc_updates WHERE board_id = ?').get(boardId)
    return Number(row?.n ?? 0)
  }

  async compact(boardId: string, merge: MergeUpdates): Promise<void> {
    // One transaction: the merged snapshot and the deletion of the rows it covers commit together,
    // and rows appended after `maxSeq` are untouched.
    this.#transaction(() => {
      const { doc, maxSeq } = this.#read(boardId)
      if (maxSeq === null) return
      const merged = merge(doc.snapshot, doc.updates)
      this.#db
        .prepare(
          `INSERT INTO doc_snapshots (board_id, data, covers_seq) VALUES (?, ?, ?)
           ON CONFLICT (board_id) DO UPDATE SET data = excluded.data, covers_seq = excluded.covers_seq`,
        )
        .run(boardId, merged, maxSeq)
      this.#db.prepare('DELETE FROM doc_updates WHERE board_id = ? AND seq <= ?').run(boardId, maxSeq)
    })
  }

  async close(): Promise<void> {
    if (this.#db.isOpen) this.#db.close()
  }

  #read(boardId: string): { doc: StoredDoc; maxSeq: number | null } {
    const snap = this.#db.prepare('SELECT data FROM doc_snapshots WHERE board_id = ?').get(boardId)
    const rows = this.#db
      .prepare('SELECT seq, data FROM doc_updates WHERE board_id = ? ORDER BY seq')
      .all(boardId)
    const updates = rows.map((r) => new Uint8Array(r.data as Uint8Array))
    const last = rows.at(-1)
    return {
      doc: { snapshot: snap ? new Uint8Array(snap.data as Uint8Array) : null, updates },
      maxSeq: last ? Number(last.seq) : null,
    }
  }

  #transaction(fn: () => void): void {
    this.#db.exec('BEGIN IMMEDIATE')
    try {
      fn()
      this.#db.exec('COMMIT')
    } catch (error) {
      this.#db.exec('ROLLBACK')
      throw error
    }
  }
}
