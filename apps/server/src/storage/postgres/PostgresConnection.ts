import pg from 'pg'
import { StorageError } from '../StorageError.ts'

const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/

export type PostgresStorageOptions = {
  connectionString: string
  /** Schema holding the tables (created when missing); tests use one per run. */
  schema?: string
  maxConnections?: number
  onError?: (error: unknown) => void
}

/**
 * One pool to PostgreSQL, shared by the backend's four port adapters: the schema (made or brought up to date on
 * first use), queries that wait for it, and transactions serialised per key by an advisory lock.
 */
export class PostgresConnection {
  readonly #pool: pg.Pool
  readonly #schema: string
  readonly #onError: (error: unknown) => void
  #ready: Promise<void>

  constructor(options: PostgresStorageOptions) {
    const schema = options.schema ?? 'public'
    if (!IDENTIFIER.test(schema)) throw new StorageError('invalid-config', `invalid schema name: ${schema}`)
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

  /** A table's name qualified by the schema (checked to be a plain identifier, so it is safe in SQL text). */
  t(table: string): string {
    return `${this.#schema}.${table}`
  }

  /** Resolves once the schema exists; every query waits for it. */
  ready(): Promise<void> {
    return this.#ready
  }

  async query(sql: string, params: unknown[]): Promise<pg.QueryResult> {
    await this.#ready
    return this.#pool.query(sql, params)
  }

  /**
   * Runs `fn` in a transaction holding the advisory lock of `lockKey` (a board id, or a board id and a purpose):
   * transactions with the same key run one after another, across instances.
   */
  async transaction<T>(lockKey: string, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    await this.#ready
    const client = await this.#connect()
    try {
      await client.query('BEGIN')
      await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 1))', [lockKey])
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

  async close(): Promise<void> {
    await this.#pool.end()
  }

  async #migrate(): Promise<void> {
    const client = await this.#connect()
    try {
      // Serialises the schema set-up of instances starting together.
      await client.query('BEGIN')
      await client.query("SELECT pg_advisory_xact_lock(hashtextextended('waardentafel:migrate', 0))")
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${this.#schema}`)
      await client.query(`
        CREATE TABLE IF NOT EXISTS ${this.t('boards')} (
          id TEXT PRIMARY KEY, title TEXT NOT NULL, created_at BIGINT NOT NULL,
          link_generations JSONB NOT NULL DEFAULT '{}'::jsonb);
        CREATE TABLE IF NOT EXISTS ${this.t('doc_updates')} (
          board_id TEXT NOT NULL, seq BIGINT NOT NULL, data BYTEA NOT NULL, PRIMARY KEY (board_id, seq));
        CREATE TABLE IF NOT EXISTS ${this.t('board_seqs')} (board_id TEXT PRIMARY KEY, last BIGINT NOT NULL);
        CREATE TABLE IF NOT EXISTS ${this.t('doc_snapshots')} (
          board_id TEXT PRIMARY KEY, data BYTEA NOT NULL, covers_seq BIGINT NOT NULL);
        CREATE TABLE IF NOT EXISTS ${this.t('round_placements')} (
          board_id TEXT NOT NULL, round_id TEXT NOT NULL, participant_key TEXT NOT NULL, value_id TEXT NOT NULL,
          name TEXT NOT NULL, organisation TEXT NOT NULL, klasse TEXT NOT NULL, twijfel BOOLEAN NOT NULL,
          at BIGINT NOT NULL, PRIMARY KEY (board_id, round_id, participant_key, value_id));
        CREATE TABLE IF NOT EXISTS ${this.t('round_participants')} (
          board_id TEXT NOT NULL, key_hash TEXT NOT NULL, issuer TEXT NOT NULL, issued_at BIGINT NOT NULL,
          PRIMARY KEY (board_id, key_hash));
        CREATE INDEX IF NOT EXISTS round_participants_by_issuer
          ON ${this.t('round_participants')} (board_id, issuer, issued_at);
        CREATE TABLE IF NOT EXISTS ${this.t('join_codes')} (
          board_id TEXT PRIMARY KEY, code TEXT NOT NULL UNIQUE, generation INTEGER NOT NULL,
          expires_at BIGINT NOT NULL);
        CREATE TABLE IF NOT EXISTS ${this.t('board_sessions')} (
          board_id TEXT NOT NULL, id TEXT NOT NULL, name TEXT NOT NULL, created_at BIGINT NOT NULL, data TEXT NOT NULL,
          PRIMARY KEY (board_id, id));
        ALTER TABLE ${this.t('boards')} ADD COLUMN IF NOT EXISTS link_generations JSONB NOT NULL DEFAULT '{}'::jsonb;
        ALTER TABLE ${this.t('boards')} ADD COLUMN IF NOT EXISTS organiser TEXT;
        CREATE INDEX IF NOT EXISTS boards_by_organiser ON ${this.t('boards')} (organiser);`)
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
}
