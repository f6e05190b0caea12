import type { DocumentLog, MergeUpdates, StoredDoc } from '../ports/DocumentLog.ts'
import type { SqliteConnection } from './SqliteConnection.ts'

// The next position of a board: one past its last update, or past what its snapshot covers.
const NEXT_SEQ_INSERT = `
INSERT INTO doc_updates (board_id, seq, data)
SELECT ?, COALESCE((SELECT MAX(seq) FROM doc_updates WHERE board_id = ?),
                   (SELECT covers_seq FROM doc_snapshots WHERE board_id = ?), 0) + 1, ?
RETURNING seq`

/** Each board's document log in SQLite: positions per board (1, 2, 3, …, continuing after a compaction). */
export class SqliteDocumentLog implements DocumentLog {
  readonly #conn: SqliteConnection
  readonly #sql

  constructor(conn: SqliteConnection) {
    this.#conn = conn
    this.#sql = {
      insertUpdate: conn.prepare(NEXT_SEQ_INSERT),
      countUpdates: conn.prepare('SELECT COUNT(*) AS n FROM doc_updates WHERE board_id = ?'),
      upsertSnapshot: conn.prepare(
        `INSERT INTO doc_snapshots (board_id, data, covers_seq) VALUES (?, ?, ?)
         ON CONFLICT (board_id) DO UPDATE SET data = excluded.data, covers_seq = excluded.covers_seq`,
      ),
      deleteUpdatesUpTo: conn.prepare('DELETE FROM doc_updates WHERE board_id = ? AND seq <= ?'),
      selectSnapshot: conn.prepare('SELECT data, covers_seq FROM doc_snapshots WHERE board_id = ?'),
      selectCovers: conn.prepare('SELECT covers_seq FROM doc_snapshots WHERE board_id = ?'),
      selectUpdatesAfter: conn.prepare(
        'SELECT seq, data FROM doc_updates WHERE board_id = ? AND seq > ? ORDER BY seq',
      ),
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
      this.#conn.wrote(updates[0]!.byteLength)
      return [seq]
    }
    const seqs = this.#conn.immediate(() =>
      updates.map((update) => Number(insert.get(boardId, boardId, boardId, update)?.seq)),
    )
    this.#conn.wrote(updates.reduce((n, u) => n + u.byteLength, 0))
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
    this.#conn.immediate(() => {
      const covers = Number(this.#sql.selectCovers.get(boardId)?.covers_seq ?? 0)
      if (covers <= doc.lastSeq) {
        this.#sql.upsertSnapshot.run(boardId, merged, doc.lastSeq)
        this.#sql.deleteUpdatesUpTo.run(boardId, doc.lastSeq)
      }
    })
    this.#conn.wrote(merged.byteLength)
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
