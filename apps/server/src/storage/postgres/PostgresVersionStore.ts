import type { Vaststelling } from '@waardentafel/domain/versions'
import type pg from 'pg'
import type {
  AdoptResult,
  SignResult,
  StoredSignature,
  StoredVersion,
  VersionRow,
  VersionStore,
} from '../ports/VersionStore.ts'
import { eventRow, signatureRow, VERSION_COLUMNS, versionListRow, versionRow } from '../versionRows.ts'
import type { PostgresConnection } from './PostgresConnection.ts'

const SIGNATURE_COLUMNS = 'key_hash, name, organisation, mandate, partij, zelfstandig, datum, signed_at'

/**
 * Versions of the Programma van Waarden in PostgreSQL. Every write of a board's versions runs under that board's
 * advisory lock, so two instances freezing at once get numbers n and n+1, and a signature and a vaststelling of
 * the same version are never interleaved.
 */
export class PostgresVersionStore implements VersionStore {
  readonly #conn: PostgresConnection
  #ready: Promise<void> | null = null

  constructor(conn: PostgresConnection) {
    this.#conn = conn
  }

  #t(name: string): string {
    return this.#conn.t(name)
  }

  /** The tables, made once before the first query (instances starting together take turns under one lock). */
  #tables(): Promise<void> {
    this.#ready ??= this.#conn
      .transaction('waardentafel:version-tables', async (client) => {
        await client.query(`
          CREATE TABLE IF NOT EXISTS ${this.#t('pvw_versions')} (
            board_id TEXT NOT NULL, number INTEGER NOT NULL, status TEXT NOT NULL, created_at BIGINT NOT NULL,
            intentieverklaring TEXT NOT NULL, pvw TEXT NOT NULL, snapshot TEXT NOT NULL,
            vastgesteld_datum TEXT, vastgesteld_orgaan TEXT, vastgesteld_orgaan_naam TEXT,
            PRIMARY KEY (board_id, number));
          CREATE TABLE IF NOT EXISTS ${this.#t('pvw_version_signatures')} (
            board_id TEXT NOT NULL, number INTEGER NOT NULL, seq INTEGER NOT NULL, key_hash TEXT NOT NULL,
            name TEXT NOT NULL, organisation TEXT NOT NULL, mandate TEXT NOT NULL, partij TEXT NOT NULL,
            zelfstandig BOOLEAN NOT NULL, datum TEXT NOT NULL, signed_at BIGINT NOT NULL,
            PRIMARY KEY (board_id, number, key_hash));
          CREATE TABLE IF NOT EXISTS ${this.#t('pvw_version_events')} (
            board_id TEXT NOT NULL, number INTEGER NOT NULL, seq INTEGER NOT NULL, kind TEXT NOT NULL,
            at BIGINT NOT NULL, text TEXT NOT NULL, PRIMARY KEY (board_id, number, seq));`)
      })
      .catch((error) => {
        this.#ready = null // tried again by the next call (the database may come up later)
        throw error
      })
    return this.#ready
  }

  async #query(sql: string, params: unknown[]) {
    await this.#tables()
    return this.#conn.query(sql, params)
  }

  async #write<T>(boardId: string, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    await this.#tables()
    return this.#conn.transaction(`${boardId}:pvw-versions`, fn)
  }

  async #event(
    client: pg.PoolClient,
    boardId: string,
    number: number,
    kind: string,
    at: number,
    text: string,
  ) {
    const t = this.#t('pvw_version_events')
    await client.query(
      `INSERT INTO ${t} (board_id, number, seq, kind, at, text)
       SELECT $1, $2, COALESCE(MAX(seq), 0) + 1, $3, $4, $5 FROM ${t} WHERE board_id = $1 AND number = $2`,
      [boardId, number, kind, at, text],
    )
  }

  async #status(client: pg.PoolClient, boardId: string, number: number): Promise<string | null> {
    const { rows } = await client.query(
      `SELECT status FROM ${this.#t('pvw_versions')} WHERE board_id = $1 AND number = $2`,
      [boardId, number],
    )
    return rows[0] ? String(rows[0].status) : null
  }

  createVersion(
    boardId: string,
    v: Omit<StoredVersion, 'number' | 'status' | 'vaststelling'>,
  ): Promise<number> {
    return this.#write(boardId, async (client) => {
      const { rows } = await client.query(
        `INSERT INTO ${this.#t('pvw_versions')} (board_id, number, status, created_at, intentieverklaring, pvw, snapshot)
         SELECT $1, COALESCE(MAX(number), 0) + 1, 'ter vaststelling', $2, $3, $4, $5
         FROM ${this.#t('pvw_versions')} WHERE board_id = $1 RETURNING number`,
        [boardId, v.createdAt, v.intentieverklaring, v.pvw, v.snapshot],
      )
      const number = Number(rows[0]?.number)
      await this.#event(client, boardId, number, 'bevroren', v.createdAt, 'Ter vaststelling aangeboden')
      return number
    })
  }

  async listVersions(boardId: string): Promise<VersionRow[]> {
    const { rows } = await this.#query(
      `SELECT ${VERSION_COLUMNS},
         (SELECT COUNT(*) FROM ${this.#t('pvw_version_signatures')} s WHERE s.board_id = v.board_id AND s.number = v.number)
           AS signatures
       FROM ${this.#t('pvw_versions')} v WHERE board_id = $1 ORDER BY number`,
      [boardId],
    )
    return rows.map(versionListRow)
  }

  async getVersion(boardId: string, number: number): Promise<StoredVersion | null> {
    const { rows } = await this.#query(
      `SELECT ${VERSION_COLUMNS}, intentieverklaring, pvw, snapshot FROM ${this.#t('pvw_versions')}
       WHERE board_id = $1 AND number = $2`,
      [boardId, number],
    )
    return rows[0] ? versionRow(rows[0]) : null
  }

  adoptVersion(
    boardId: string,
    number: number,
    v: Vaststelling,
    at: number,
    event: string,
  ): Promise<AdoptResult> {
    return this.#write(boardId, async (client) => {
      const status = await this.#status(client, boardId, number)
      if (status === null) return 'not-found'
      if (status !== 'ter vaststelling') return 'closed'
      await client.query(
        `UPDATE ${this.#t('pvw_versions')} SET status = 'vastgesteld', vastgesteld_datum = $1, vastgesteld_orgaan = $2,
           vastgesteld_orgaan_naam = $3 WHERE board_id = $4 AND number = $5`,
        [v.datum, v.orgaan, v.orgaanNaam, boardId, number],
      )
      await this.#event(client, boardId, number, 'vastgesteld', at, event)
      return 'adopted'
    })
  }

  addSignature(boardId: string, number: number, s: StoredSignature, event: string): Promise<SignResult> {
    return this.#write(boardId, async (client) => {
      const status = await this.#status(client, boardId, number)
      if (status === null) return 'not-found'
      if (status !== 'ter vaststelling') return 'closed'
      const t = this.#t('pvw_version_signatures')
      const { rowCount } = await client.query(
        `INSERT INTO ${t} (board_id, number, seq, ${SIGNATURE_COLUMNS})
         SELECT $1, $2, COALESCE(MAX(seq), 0) + 1, $3, $4, $5, $6, $7, $8, $9, $10
         FROM ${t} WHERE board_id = $1 AND number = $2
         ON CONFLICT (board_id, number, key_hash) DO NOTHING`,
        [
          boardId,
          number,
          s.keyHash,
          s.name,
          s.organisation,
          s.mandate,
          s.partij,
          s.zelfstandig,
          s.datum,
          s.signedAt,
        ],
      )
      if (rowCount !== 1) return 'already-signed'
      await this.#event(client, boardId, number, 'ondertekend', s.signedAt, event)
      return 'signed'
    })
  }

  async listSignatures(boardId: string, number: number): Promise<StoredSignature[]> {
    const { rows } = await this.#query(
      `SELECT ${SIGNATURE_COLUMNS} FROM ${this.#t('pvw_version_signatures')}
       WHERE board_id = $1 AND number = $2 ORDER BY seq`,
      [boardId, number],
    )
    return rows.map(signatureRow)
  }

  async listEvents(boardId: string, number: number) {
    const { rows } = await this.#query(
      `SELECT kind, at, text FROM ${this.#t('pvw_version_events')} WHERE board_id = $1 AND number = $2 ORDER BY seq`,
      [boardId, number],
    )
    return rows.map(eventRow)
  }

  deleteBoardVersions(boardId: string): Promise<number> {
    return this.#write(boardId, async (client) => {
      await client.query(`DELETE FROM ${this.#t('pvw_version_signatures')} WHERE board_id = $1`, [boardId])
      await client.query(`DELETE FROM ${this.#t('pvw_version_events')} WHERE board_id = $1`, [boardId])
      const { rowCount } = await client.query(`DELETE FROM ${this.#t('pvw_versions')} WHERE board_id = $1`, [
        boardId,
      ])
      return rowCount ?? 0
    })
  }
}
