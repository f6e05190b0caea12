import pg from 'pg'
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

const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/

export type PostgresStorageOptions = {
  connectionString: string
  /** Schema holding the tables (created when missing); tests use one per run. */
  schema?: string
  maxConnections?: number
  onError?: (error: unknown) => void
}

/**
 * Storage in PostgreSQL for the multi-instance mode. Positions are per board (1, 2, 3, …) and appends to one
 * board take a transaction-scoped advisory lock, so positions follow commit order even with several server
 * instances writing: a reader tailing with `loadDoc(id, lastSeq)` never skips a row, and a missing position is
 * a message the fan-out lost.
 */
export class PostgresBoardStorage implements BoardStorage {
  readonly #pool: pg.Pool
  readonly #schema: string
  readonly #onError: (error: unknown) => void
  #ready: Promise<void>

  constructor(options: PostgresStorageOptions) {
    const schema = options.schema ?? 'public'
    if (!IDENTIFIER.test(schema)) throw new Error(`invalid schema name: ${schema}`)
    this.#schema = schema
    this.#pool = new pg.Pool({
      connectionString: options.connectionString,
      max: options.maxConnections ?? 10,
    })
    // An idle client losing its connection (e.g. a database restart) must not crash the process.
    this.#onError = (error) => options.onError?.(error)
    this.#pool.on('error', this.#onError)
    this.#ready = this.#migrate()
    this.#ready.catch(() => {
      // Retried on the next call (the database may come up later).
      this.#ready = this.#migrate()
    })
  }

  async createBoard(board: BoardRecord, organiser?: string): Promise<void> {
    await this.#query(
      `INSERT INTO ${this.#t('boards')} (id, title, created_at, link_generations, organiser)
       VALUES ($1, $2, $3, $4, $5)`,
      [board.id, board.title, board.createdAt, JSON.stringify(board.linkGenerations), organiser ?? null],
    )
  }

  async organiserUsage(organiser: string): Promise<OrganiserUsage> {
    const { rows } = await this.#query(
      `SELECT (SELECT COUNT(*) FROM ${this.#t('boards')} WHERE organiser = $1) AS boards,
         COALESCE((SELECT SUM(octet_length(u.data)) FROM ${this.#t('doc_updates')} u
                   JOIN ${this.#t('boards')} b ON b.id = u.board_id WHERE b.organiser = $1), 0)
         + COALESCE((SELECT SUM(octet_length(s.data)) FROM ${this.#t('doc_snapshots')} s
                   JOIN ${this.#t('boards')} b ON b.id = s.board_id WHERE b.organiser = $1), 0)
         + COALESCE((SELECT SUM(octet_length(x.data)) FROM ${this.#t('board_sessions')} x
                   JOIN ${this.#t('boards')} b ON b.id = x.board_id WHERE b.organiser = $1), 0) AS bytes`,
      [organiser],
    )
    return { boards: Number(rows[0]?.boards ?? 0), bytes: Number(rows[0]?.bytes ?? 0) }
  }

  async saveJoinCode(entry: JoinCode): Promise<boolean> {
    try {
      await this.#query(
        `INSERT INTO ${this.#t('join_codes')} (board_id, code, generation, expires_at) VALUES ($1, $2, $3, $4)
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
    const { rows } = await this.#query(
      `SELECT board_id, code, generation, expires_at FROM ${this.#t('join_codes')} WHERE board_id = $1`,
      [boardId],
    )
    return joinCodeRow(rows[0])
  }

  async findJoinCode(code: string): Promise<JoinCode | null> {
    const { rows } = await this.#query(
      `SELECT board_id, code, generation, expires_at FROM ${this.#t('join_codes')} WHERE code = $1`,
      [code],
    )
    return joinCodeRow(rows[0])
  }

  async bumpLinkGeneration(boardId: string, role: keyof LinkGenerations): Promise<number> {
    const { rows } = await this.#query(
      `UPDATE ${this.#t('boards')}
       SET link_generations = jsonb_set(link_generations, ARRAY[$2::text],
                                        to_jsonb(COALESCE((link_generations->>$2)::int, 0) + 1))
       WHERE id = $1 RETURNING (link_generations->>$2)::int AS generation`,
      [boardId, role],
    )
    if (!rows[0]) throw new Error(`no board ${boardId}`)
    return Number(rows[0].generation)
  }

  async getBoard(id: string): Promise<BoardRecord | null> {
    const { rows } = await this.#query(
      `SELECT id, title, created_at, link_generations::text AS gens FROM ${this.#t('boards')} WHERE id = $1`,
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

  async loadDoc(boardId: string, after = 0): Promise<StoredDoc> {
    await this.#ready
    return this.#read(this.#pool, boardId, after)
  }

  async appendUpdate(boardId: string, update: Uint8Array): Promise<number> {
    const [seq] = await this.appendUpdates(boardId, [update])
    return seq ?? 0
  }

  async appendUpdates(boardId: string, updates: Uint8Array[]): Promise<number[]> {
    if (updates.length === 0) return []
    // One statement, one round trip, for the whole batch. The board's row in `board_seqs` hands out positions: its
    // row lock makes a concurrent append wait until this one commits and then continue from it, so positions follow
    // commit order without gaps. A board without a row yet (new, or stored before this table) starts from its last
    // stored position.
    const { rows } = await this.#query(
      `WITH s AS (
         INSERT INTO ${this.#t('board_seqs')} (board_id, last)
         VALUES ($1, COALESCE((SELECT MAX(seq) FROM ${this.#t('doc_updates')} WHERE board_id = $1),
                              (SELECT covers_seq FROM ${this.#t('doc_snapshots')} WHERE board_id = $1), 0) + $3)
         ON CONFLICT (board_id) DO UPDATE SET last = ${this.#t('board_seqs')}.last + $3
         RETURNING last - $3 AS base)
       INSERT INTO ${this.#t('doc_updates')} (board_id, seq, data)
       SELECT $1, s.base + u.i, u.data FROM s, unnest($2::bytea[]) WITH ORDINALITY AS u(data, i)
       RETURNING seq`,
      [boardId, updates.map((u) => Buffer.from(u.buffer, u.byteOffset, u.byteLength)), updates.length],
    )
    return rows.map((r) => Number(r.seq)).sort((a, b) => a - b)
  }

  async countUpdates(boardId: string): Promise<number> {
    const { rows } = await this.#query(
      `SELECT COUNT(*) AS n FROM ${this.#t('doc_updates')} WHERE board_id = $1`,
      [boardId],
    )
    return Number(rows[0]?.n ?? 0)
  }

  async compact(boardId: string, merge: MergeUpdates): Promise<void> {
    // Read, merge (possibly on a worker thread, taking a while), then write in a short transaction that keeps
    // what was appended meanwhile and never replaces a snapshot that covers more (another compaction won).
    await this.#ready
    const doc = await this.#read(this.#pool, boardId, 0)
    if (doc.updates.length === 0) return
    const merged = await merge(
      doc.snapshot,
      doc.updates.map((u) => u.data),
    )
    await this.#transaction(boardId, async (client) => {
      const { rows } = await client.query(
        `SELECT covers_seq FROM ${this.#t('doc_snapshots')} WHERE board_id = $1 FOR UPDATE`,
        [boardId],
      )
      if (rows[0] && Number(rows[0].covers_seq) > doc.lastSeq) return
      await client.query(
        `INSERT INTO ${this.#t('doc_snapshots')} (board_id, data, covers_seq) VALUES ($1, $2, $3)
         ON CONFLICT (board_id) DO UPDATE SET data = excluded.data, covers_seq = excluded.covers_seq`,
        [boardId, Buffer.from(merged.buffer, merged.byteOffset, merged.byteLength), doc.lastSeq],
      )
      await client.query(`DELETE FROM ${this.#t('doc_updates')} WHERE board_id = $1 AND seq <= $2`, [
        boardId,
        doc.lastSeq,
      ])
    })
  }

  async issueParticipantKey(
    boardId: string,
    key: IssuedParticipantKey,
    limits: ParticipantKeyLimits,
  ): Promise<IssueKeyResult> {
    // The board's advisory lock serialises issuing across instances: count and insert cannot interleave.
    return this.#transaction(`${boardId}:round-keys`, async (client): Promise<IssueKeyResult> => {
      const { rows } = await client.query(
        `SELECT COUNT(*) AS total,
                COUNT(*) FILTER (WHERE issuer = $2 AND issued_at > $3) AS recent,
                MIN(issued_at) FILTER (WHERE issuer = $2 AND issued_at > $3) AS oldest
         FROM ${this.#t('round_participants')} WHERE board_id = $1`,
        [boardId, key.issuer, key.issuedAt - limits.windowMs],
      )
      const row = rows[0]
      if (Number(row?.total ?? 0) >= limits.perBoard) return { ok: false, reason: 'board-full' }
      if (Number(row?.recent ?? 0) >= limits.perIssuer) {
        return { ok: false, reason: 'issuer-limit', retryAt: Number(row?.oldest) + limits.windowMs }
      }
      await client.query(
        `INSERT INTO ${this.#t('round_participants')} (board_id, key_hash, issuer, issued_at) VALUES ($1, $2, $3, $4)`,
        [boardId, key.keyHash, key.issuer, key.issuedAt],
      )
      return { ok: true }
    })
  }

  async hasParticipantKey(boardId: string, keyHash: string): Promise<boolean> {
    const { rows } = await this.#query(
      `SELECT 1 FROM ${this.#t('round_participants')} WHERE board_id = $1 AND key_hash = $2`,
      [boardId, keyHash],
    )
    return rows.length > 0
  }

  async savePlacements(boardId: string, roundId: string, placements: StoredPlacement[]): Promise<void> {
    if (placements.length === 0) return
    await this.#transaction(`${boardId}:round`, async (client) => {
      for (const p of placements) {
        // Only a key issued for this board can hold a placement, whatever the caller checked before.
        await client.query(
          `INSERT INTO ${this.#t('round_placements')}
             (board_id, round_id, participant_key, value_id, name, organisation, klasse, twijfel, at)
           SELECT $1, $2, $3, $4, $5, $6, $7, $8::boolean, $9::bigint
           WHERE EXISTS (SELECT 1 FROM ${this.#t('round_participants')} WHERE board_id = $1 AND key_hash = $3)
           ON CONFLICT (board_id, round_id, participant_key, value_id) DO UPDATE SET
             name = excluded.name, organisation = excluded.organisation, klasse = excluded.klasse,
             twijfel = excluded.twijfel, at = excluded.at
           WHERE excluded.at > ${this.#t('round_placements')}.at`,
          [boardId, roundId, p.participantKey, p.valueId, p.name, p.organisation, p.klasse, p.twijfel, p.at],
        )
      }
    })
  }

  async listPlacements(boardId: string, roundId: string): Promise<StoredPlacement[]> {
    const { rows } = await this.#query(
      `SELECT participant_key, value_id, name, organisation, klasse, twijfel, at FROM ${this.#t('round_placements')} p
       WHERE board_id = $1 AND round_id = $2 AND EXISTS (
         SELECT 1 FROM ${this.#t('round_participants')} k
         WHERE k.board_id = p.board_id AND k.key_hash = p.participant_key)
       ORDER BY participant_key, value_id`,
      [boardId, roundId],
    )
    return rows.map((r) => ({
      participantKey: String(r.participant_key),
      valueId: String(r.value_id),
      name: String(r.name),
      organisation: String(r.organisation),
      klasse: String(r.klasse),
      twijfel: Boolean(r.twijfel),
      at: Number(r.at),
    }))
  }

  async saveSession(boardId: string, session: StoredSession): Promise<void> {
    await this.#query(
      `INSERT INTO ${this.#t('board_sessions')} (board_id, id, name, created_at, data) VALUES ($1, $2, $3, $4, $5)`,
      [boardId, session.id, session.name, session.createdAt, session.data],
    )
  }

  async listSessions(boardId: string): Promise<Omit<StoredSession, 'data'>[]> {
    const { rows } = await this.#query(
      `SELECT id, name, created_at FROM ${this.#t('board_sessions')} WHERE board_id = $1 ORDER BY created_at, id`,
      [boardId],
    )
    return rows.map((r) => ({ id: String(r.id), name: String(r.name), createdAt: Number(r.created_at) }))
  }

  async getSession(boardId: string, id: string): Promise<StoredSession | null> {
    const { rows } = await this.#query(
      `SELECT id, name, created_at, data FROM ${this.#t('board_sessions')} WHERE board_id = $1 AND id = $2`,
      [boardId, id],
    )
    const r = rows[0]
    return r
      ? { id: String(r.id), name: String(r.name), createdAt: Number(r.created_at), data: String(r.data) }
      : null
  }

  async close(): Promise<void> {
    await this.#pool.end()
  }

  #t(table: string): string {
    return `${this.#schema}.${table}`
  }

  async #migrate(): Promise<void> {
    const client = await this.#connect()
    try {
      // Serialises the schema set-up of instances starting together.
      await client.query('BEGIN')
      await client.query("SELECT pg_advisory_xact_lock(hashtextextended('waardentafel:migrate', 0))")
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${this.#schema}`)
      await client.query(`
        CREATE TABLE IF NOT EXISTS ${this.#t('boards')} (
          id TEXT PRIMARY KEY, title TEXT NOT NULL, created_at BIGINT NOT NULL,
          link_generations JSONB NOT NULL DEFAULT '{}'::jsonb);
        CREATE TABLE IF NOT EXISTS ${this.#t('doc_updates')} (
          board_id TEXT NOT NULL, seq BIGINT NOT NULL, data BYTEA NOT NULL, PRIMARY KEY (board_id, seq));
        CREATE TABLE IF NOT EXISTS ${this.#t('board_seqs')} (board_id TEXT PRIMARY KEY, last BIGINT NOT NULL);
        CREATE TABLE IF NOT EXISTS ${this.#t('doc_snapshots')} (
          board_id TEXT PRIMARY KEY, data BYTEA NOT NULL, covers_seq BIGINT NOT NULL);
        CREATE TABLE IF NOT EXISTS ${this.#t('round_placements')} (
          board_id TEXT NOT NULL, round_id TEXT NOT NULL, participant_key TEXT NOT NULL, value_id TEXT NOT NULL,
          name TEXT NOT NULL, organisation TEXT NOT NULL, klasse TEXT NOT NULL, twijfel BOOLEAN NOT NULL,
          at BIGINT NOT NULL, PRIMARY KEY (board_id, round_id, participant_key, value_id));
        CREATE TABLE IF NOT EXISTS ${this.#t('round_participants')} (
          board_id TEXT NOT NULL, key_hash TEXT NOT NULL, issuer TEXT NOT NULL, issued_at BIGINT NOT NULL,
          PRIMARY KEY (board_id, key_hash));
        CREATE INDEX IF NOT EXISTS round_participants_by_issuer
          ON ${this.#t('round_participants')} (board_id, issuer, issued_at);
        CREATE TABLE IF NOT EXISTS ${this.#t('join_codes')} (
          board_id TEXT PRIMARY KEY, code TEXT NOT NULL UNIQUE, generation INTEGER NOT NULL,
          expires_at BIGINT NOT NULL);
        CREATE TABLE IF NOT EXISTS ${this.#t('board_sessions')} (
          board_id TEXT NOT NULL, id TEXT NOT NULL, name TEXT NOT NULL, created_at BIGINT NOT NULL, data TEXT NOT NULL,
          PRIMARY KEY (board_id, id));
        ALTER TABLE ${this.#t('boards')} ADD COLUMN IF NOT EXISTS link_generations JSONB NOT NULL DEFAULT '{}'::jsonb;
        ALTER TABLE ${this.#t('boards')} ADD COLUMN IF NOT EXISTS organiser TEXT;
        CREATE INDEX IF NOT EXISTS boards_by_organiser ON ${this.#t('boards')} (organiser);`)
      await client.query('COMMIT')
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {})
      throw error
    } finally {
      client.release()
    }
  }

  /**
   * A checked-out client whose connection dies (a database restart) emits 'error' outside any query; without a
   * listener that would crash the process. The query in flight still rejects and is handled by its caller.
   */
  async #connect(): Promise<pg.PoolClient> {
    const client = await this.#pool.connect()
    client.on('error', this.#onError)
    const release = client.release.bind(client)
    client.release = (err?: Error | boolean) => {
      client.off('error', this.#onError)
      return release(err)
    }
    return client
  }

  async #query(sql: string, params: unknown[]): Promise<pg.QueryResult> {
    await this.#ready
    return this.#pool.query(sql, params)
  }

  async #transaction<T>(boardId: string, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    await this.#ready
    const client = await this.#connect()
    try {
      await client.query('BEGIN')
      await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 1))', [boardId])
      const result = await fn(client)
      await client.query('COMMIT')
      return result
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {})
      throw error
    } finally {
      client.release()
    }
  }

  async #read(db: pg.Pool | pg.PoolClient, boardId: string, after: number): Promise<StoredDoc> {
    // One statement, so the snapshot and the rows after it come from the same database snapshot even while
    // another instance compacts the board (two queries could see the old snapshot and miss the rows it replaced).
    const { rows } = await db.query(
      `WITH s AS (SELECT data, covers_seq FROM ${this.#t('doc_snapshots')} WHERE board_id = $1)
       SELECT 0 AS kind, covers_seq AS seq, data FROM s WHERE covers_seq > $2
       UNION ALL
       SELECT 1 AS kind, seq, data FROM ${this.#t('doc_updates')}
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

function joinCodeRow(row: Record<string, unknown> | undefined): JoinCode | null {
  if (!row) return null
  return {
    code: String(row.code),
    boardId: String(row.board_id),
    generation: Number(row.generation),
    expiresAt: Number(row.expires_at),
  }
}
