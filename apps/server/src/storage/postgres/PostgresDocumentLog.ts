import type { DocumentLog, MergeUpdates, StoredDoc } from '../ports/DocumentLog.ts'
import type { PostgresConnection } from './PostgresConnection.ts'

/**
 * Each board's document log in PostgreSQL. Positions are per board (1, 2, 3, …) and follow commit order even with
 * several server instances writing: a reader tailing with `loadDoc(id, lastSeq)` never skips a row, and a missing
 * position is a message the fan-out lost.
 */
export class PostgresDocumentLog implements DocumentLog {
  readonly #conn: PostgresConnection

  constructor(conn: PostgresConnection) {
    this.#conn = conn
  }

  async loadDoc(boardId: string, after = 0): Promise<StoredDoc> {
    return this.#read(boardId, after)
  }

  async appendUpdate(boardId: string, update: Uint8Array): Promise<number> {
    const [seq] = await this.appendUpdates(boardId, [update])
    return seq ?? 0
  }

  async appendUpdates(boardId: string, updates: Uint8Array[]): Promise<number[]> {
    if (updates.length === 0) return []
    const t = (table: string) => this.#conn.t(table)
    // One statement, one round trip, for the whole batch. The board's row in `board_seqs` hands out positions: its
    // row lock makes a concurrent append wait until this one commits and then continue from it, so positions follow
    // commit order without gaps. A board without a row yet (new, or stored before this table) starts from its last
    // stored position.
    const { rows } = await this.#conn.query(
      `WITH s AS (
         INSERT INTO ${t('board_seqs')} (board_id, last)
         VALUES ($1, COALESCE((SELECT MAX(seq) FROM ${t('doc_updates')} WHERE board_id = $1),
                              (SELECT covers_seq FROM ${t('doc_snapshots')} WHERE board_id = $1), 0) + $3)
         ON CONFLICT (board_id) DO UPDATE SET last = ${t('board_seqs')}.last + $3
         RETURNING last - $3 AS base)
       INSERT INTO ${t('doc_updates')} (board_id, seq, data)
       SELECT $1, s.base + u.i, u.data FROM s, unnest($2::bytea[]) WITH ORDINALITY AS u(data, i)
       RETURNING seq`,
      [boardId, updates.map(asBuffer), updates.length],
    )
    return rows.map((r) => Number(r.seq)).sort((a, b) => a - b)
  }

  async countUpdates(boardId: string): Promise<number> {
    const { rows } = await this.#conn.query(
      `SELECT COUNT(*) AS n FROM ${this.#conn.t('doc_updates')} WHERE board_id = $1`,
      [boardId],
    )
    return Number(rows[0]?.n ?? 0)
  }

  async compact(boardId: string, merge: MergeUpdates): Promise<void> {
    // Read, merge (possibly on a worker thread, taking a while), then write in a short transaction that keeps
    // what was appended meanwhile and never replaces a snapshot that covers more (another compaction won).
    const doc = await this.#read(boardId, 0)
    if (doc.updates.length === 0) return
    const merged = await merge(
      doc.snapshot,
      doc.updates.map((u) => u.data),
    )
    const t = (table: string) => this.#conn.t(table)
    await this.#conn.transaction(boardId, async (client) => {
      const { rows } = await client.query(
        `SELECT covers_seq FROM ${t('doc_snapshots')} WHERE board_id = $1 FOR UPDATE`,
        [boardId],
      )
      if (rows[0] && Number(rows[0].covers_seq) > doc.lastSeq) return
      await client.query(
        `INSERT INTO ${t('doc_snapshots')} (board_id, data, covers_seq) VALUES ($1, $2, $3)
         ON CONFLICT (board_id) DO UPDATE SET data = excluded.data, covers_seq = excluded.covers_seq`,
        [boardId, asBuffer(merged), doc.lastSeq],
      )
      await client.query(`DELETE FROM ${t('doc_updates')} WHERE board_id = $1 AND seq <= $2`, [
        boardId,
        doc.lastSeq,
      ])
    })
  }

  async #read(boardId: string, after: number): Promise<StoredDoc> {
    const t = (table: string) => this.#conn.t(table)
    // One statement, so the snapshot and the rows after it come from the same database snapshot even while
    // another instance compacts the board (two queries could see the old snapshot and miss the rows it replaced).
    const { rows } = await this.#conn.query(
      `WITH s AS (SELECT data, covers_seq FROM ${t('doc_snapshots')} WHERE board_id = $1)
       SELECT 0 AS kind, covers_seq AS seq, data FROM s WHERE covers_seq > $2
       UNION ALL
       SELECT 1 AS kind, seq, data FROM ${t('doc_updates')}
        WHERE board_id = $1 AND seq > GREATEST($2, COALESCE((SELECT covers_seq FROM s), 0))`,
      [boardId, after],
    )
    const snapRow = rows.find((r) => Number(r.kind) === 0)
    const updates = rows
      .filter((r) => Number(r.kind) === 1)
      .map((r) => ({ seq: Number(r.seq), data: new Uint8Array(r.data as Buffer) }))
      .sort((a, b) => a.seq - b.seq)
    const from = snapRow ? Number(snapRow.seq) : after
    return {
      snapshot: snapRow ? new Uint8Array(snapRow.data as Buffer) : null,
      updates,
      lastSeq: Math.max(from, updates.at(-1)?.seq ?? 0),
    }
  }
}

/** The bytes as a Buffer over the same memory (pg sends Buffers as bytea), without a copy. */
function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
}
