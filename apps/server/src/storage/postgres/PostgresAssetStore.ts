import pg from 'pg'
import type { AssetBytes, AssetMeta, AssetStore, AssetVariant } from '../ports/AssetStore.ts'
import { StorageError } from '../StorageError.ts'

const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/

export type PostgresAssetStoreOptions = {
  connectionString: string
  /** The schema of the board tables (the `assets` table goes beside them). */
  schema?: string
  maxConnections?: number
  onError?: (error: unknown) => void
}

type Row = {
  id: string
  board_id: string
  content_type: AssetMeta['contentType']
  bytes: string
  thumb_bytes: string
  thumb_type: AssetMeta['contentType'] | null
  w: number
  h: number
  created_at: string
  unreferenced_since: string | null
}

const META_COLUMNS =
  'id, board_id, content_type, bytes, thumb_bytes, thumb_type, w, h, created_at, unreferenced_since'

/**
 * Assets in PostgreSQL (multi-instance mode: every instance serves every board's assets). One table, made by this
 * adapter on first use in the configured schema; the bytes in `bytea` columns (an asset is at most
 * `MAX_ASSET_BYTES`, 25 MB by default). Its own small pool, so a large upload never holds a connection the
 * document log needs.
 */
export class PostgresAssetStore implements AssetStore {
  readonly #pool: pg.Pool
  readonly #table: string
  #ready: Promise<void>

  constructor(options: PostgresAssetStoreOptions) {
    const schema = options.schema ?? 'public'
    if (!IDENTIFIER.test(schema)) throw new StorageError('invalid-config', `invalid schema name: ${schema}`)
    this.#table = `${schema}.assets`
    this.#pool = new pg.Pool({ connectionString: options.connectionString, max: options.maxConnections ?? 4 })
    this.#pool.on('error', (error) => options.onError?.(error))
    this.#ready = this.#migrate(schema)
    this.#ready.catch(() => {
      this.#ready = this.#migrate(schema)
    })
  }

  async put(meta: AssetMeta, bytes: AssetBytes): Promise<void> {
    await this.#query(
      `INSERT INTO ${this.#table} (${META_COLUMNS}, data, thumb)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) ON CONFLICT (board_id, id) DO NOTHING`,
      [
        meta.id,
        meta.boardId,
        meta.contentType,
        meta.bytes,
        meta.thumbBytes,
        meta.thumbType,
        meta.w,
        meta.h,
        meta.createdAt,
        meta.unreferencedSince,
        Buffer.from(bytes.original.buffer, bytes.original.byteOffset, bytes.original.byteLength),
        bytes.thumb ? Buffer.from(bytes.thumb.buffer, bytes.thumb.byteOffset, bytes.thumb.byteLength) : null,
      ],
    )
  }

  async getMeta(boardId: string, assetId: string): Promise<AssetMeta | null> {
    const { rows } = await this.#query(
      `SELECT ${META_COLUMNS} FROM ${this.#table} WHERE board_id = $1 AND id = $2`,
      [boardId, assetId],
    )
    return rows[0] ? toMeta(rows[0] as Row) : null
  }

  async read(boardId: string, assetId: string, variant: AssetVariant): Promise<Uint8Array | null> {
    const column = variant === 'thumb' ? 'thumb' : 'data'
    const { rows } = await this.#query(
      `SELECT ${column} AS bytes FROM ${this.#table} WHERE board_id = $1 AND id = $2`,
      [boardId, assetId],
    )
    const bytes = (rows[0] as { bytes: Buffer | null } | undefined)?.bytes
    return bytes ? new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) : null
  }

  async list(boardId: string): Promise<AssetMeta[]> {
    const { rows } = await this.#query(
      `SELECT ${META_COLUMNS} FROM ${this.#table} WHERE board_id = $1 ORDER BY created_at, id`,
      [boardId],
    )
    return (rows as Row[]).map(toMeta)
  }

  async boardBytes(boardId: string): Promise<number> {
    const { rows } = await this.#query(
      `SELECT COALESCE(SUM(bytes + thumb_bytes), 0) AS total FROM ${this.#table} WHERE board_id = $1`,
      [boardId],
    )
    return Number((rows[0] as { total: string }).total)
  }

  async boardsWithAssets(): Promise<string[]> {
    const { rows } = await this.#query(`SELECT DISTINCT board_id FROM ${this.#table} ORDER BY board_id`, [])
    return (rows as { board_id: string }[]).map((r) => r.board_id)
  }

  async markUnreferenced(boardId: string, assetIds: readonly string[], since: number | null): Promise<void> {
    if (assetIds.length === 0) return
    await this.#query(
      `UPDATE ${this.#table} SET unreferenced_since = $3 WHERE board_id = $1 AND id = ANY($2::text[])`,
      [boardId, [...assetIds], since],
    )
  }

  async delete(boardId: string, assetIds: readonly string[]): Promise<number> {
    if (assetIds.length === 0) return 0
    const result = await this.#query(
      `DELETE FROM ${this.#table} WHERE board_id = $1 AND id = ANY($2::text[])`,
      [boardId, [...assetIds]],
    )
    return result.rowCount ?? 0
  }

  async deleteBoardAssets(boardId: string): Promise<number> {
    const result = await this.#query(`DELETE FROM ${this.#table} WHERE board_id = $1`, [boardId])
    return result.rowCount ?? 0
  }

  async close(): Promise<void> {
    await this.#ready.catch(() => {})
    await this.#pool.end()
  }

  async #query(sql: string, params: unknown[]): Promise<pg.QueryResult> {
    await this.#ready
    return this.#pool.query(sql, params)
  }

  async #migrate(schema: string): Promise<void> {
    const client = await this.#pool.connect()
    try {
      await client.query('BEGIN')
      // The same lock as the board tables' set-up: instances starting together make the table once.
      await client.query("SELECT pg_advisory_xact_lock(hashtextextended('waardentafel:migrate', 0))")
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`)
      await client.query(`
        CREATE TABLE IF NOT EXISTS ${this.#table} (
          board_id TEXT NOT NULL, id TEXT NOT NULL, content_type TEXT NOT NULL, bytes BIGINT NOT NULL,
          thumb_bytes BIGINT NOT NULL, thumb_type TEXT, w INTEGER NOT NULL, h INTEGER NOT NULL,
          created_at BIGINT NOT NULL, unreferenced_since BIGINT, data BYTEA NOT NULL, thumb BYTEA,
          PRIMARY KEY (board_id, id))`)
      await client.query('COMMIT')
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {})
      throw error
    } finally {
      client.release()
    }
  }
}

function toMeta(row: Row): AssetMeta {
  return {
    id: row.id,
    boardId: row.board_id,
    contentType: row.content_type,
    bytes: Number(row.bytes),
    thumbBytes: Number(row.thumb_bytes),
    thumbType: row.thumb_type,
    w: row.w,
    h: row.h,
    createdAt: Number(row.created_at),
    unreferencedSince: row.unreferenced_since === null ? null : Number(row.unreferenced_since),
  }
}
