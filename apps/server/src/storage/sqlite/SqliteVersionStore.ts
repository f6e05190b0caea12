import type { Vaststelling } from '@waardentafel/domain/versions'
import type {
  AdoptResult,
  SignResult,
  StoredSignature,
  StoredVersion,
  VersionRow,
  VersionStore,
} from '../ports/VersionStore.ts'
import { eventRow, signatureRow, VERSION_COLUMNS, versionListRow, versionRow } from '../versionRows.ts'
import type { SqliteConnection } from './SqliteConnection.ts'

/** The version tables, made when the adapter is (each statement on its own: `prepare` runs one). */
const TABLES = [
  `CREATE TABLE IF NOT EXISTS pvw_versions (
    board_id TEXT NOT NULL,
    number INTEGER NOT NULL,
    status TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    intentieverklaring TEXT NOT NULL,
    pvw TEXT NOT NULL,
    snapshot TEXT NOT NULL,
    vastgesteld_datum TEXT,
    vastgesteld_orgaan TEXT,
    vastgesteld_orgaan_naam TEXT,
    PRIMARY KEY (board_id, number)
  )`,
  `CREATE TABLE IF NOT EXISTS pvw_version_signatures (
    board_id TEXT NOT NULL,
    number INTEGER NOT NULL,
    seq INTEGER NOT NULL,
    key_hash TEXT NOT NULL,
    name TEXT NOT NULL,
    organisation TEXT NOT NULL,
    mandate TEXT NOT NULL,
    partij TEXT NOT NULL,
    zelfstandig INTEGER NOT NULL,
    datum TEXT NOT NULL,
    signed_at INTEGER NOT NULL,
    PRIMARY KEY (board_id, number, key_hash)
  )`,
  `CREATE TABLE IF NOT EXISTS pvw_version_events (
    board_id TEXT NOT NULL,
    number INTEGER NOT NULL,
    seq INTEGER NOT NULL,
    kind TEXT NOT NULL,
    at INTEGER NOT NULL,
    text TEXT NOT NULL,
    PRIMARY KEY (board_id, number, seq)
  )`,
]

const SIGNATURE_COLUMNS = 'key_hash, name, organisation, mandate, partij, zelfstandig, datum, signed_at'

/** Versions of the Programma van Waarden, their signatures and history in the SQLite file. */
export class SqliteVersionStore implements VersionStore {
  readonly #conn: SqliteConnection
  readonly #sql

  constructor(conn: SqliteConnection) {
    for (const statement of TABLES) conn.prepare(statement).run()
    this.#conn = conn
    this.#sql = {
      nextNumber: conn.prepare(
        'SELECT COALESCE(MAX(number), 0) + 1 AS n FROM pvw_versions WHERE board_id = ?',
      ),
      insertVersion: conn.prepare(
        `INSERT INTO pvw_versions (board_id, number, status, created_at, intentieverklaring, pvw, snapshot)
         VALUES (?, ?, 'ter vaststelling', ?, ?, ?, ?)`,
      ),
      list: conn.prepare(
        `SELECT ${VERSION_COLUMNS},
           (SELECT COUNT(*) FROM pvw_version_signatures s WHERE s.board_id = v.board_id AND s.number = v.number)
             AS signatures
         FROM pvw_versions v WHERE board_id = ? ORDER BY number`,
      ),
      get: conn.prepare(
        `SELECT ${VERSION_COLUMNS}, intentieverklaring, pvw, snapshot FROM pvw_versions
         WHERE board_id = ? AND number = ?`,
      ),
      status: conn.prepare('SELECT status FROM pvw_versions WHERE board_id = ? AND number = ?'),
      adopt: conn.prepare(
        `UPDATE pvw_versions SET status = 'vastgesteld', vastgesteld_datum = ?, vastgesteld_orgaan = ?,
           vastgesteld_orgaan_naam = ? WHERE board_id = ? AND number = ? AND status = 'ter vaststelling'`,
      ),
      hasSignature: conn.prepare(
        'SELECT 1 FROM pvw_version_signatures WHERE board_id = ? AND number = ? AND key_hash = ?',
      ),
      insertSignature: conn.prepare(
        `INSERT INTO pvw_version_signatures (board_id, number, seq, ${SIGNATURE_COLUMNS})
         VALUES (?, ?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM pvw_version_signatures WHERE board_id = ? AND number = ?),
           ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      signatures: conn.prepare(
        `SELECT ${SIGNATURE_COLUMNS} FROM pvw_version_signatures WHERE board_id = ? AND number = ? ORDER BY seq`,
      ),
      insertEvent: conn.prepare(
        `INSERT INTO pvw_version_events (board_id, number, seq, kind, at, text)
         VALUES (?, ?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM pvw_version_events WHERE board_id = ? AND number = ?),
           ?, ?, ?)`,
      ),
      deleteVersions: conn.prepare('DELETE FROM pvw_versions WHERE board_id = ?'),
      deleteSignatures: conn.prepare('DELETE FROM pvw_version_signatures WHERE board_id = ?'),
      deleteEvents: conn.prepare('DELETE FROM pvw_version_events WHERE board_id = ?'),
      events: conn.prepare(
        'SELECT kind, at, text FROM pvw_version_events WHERE board_id = ? AND number = ? ORDER BY seq',
      ),
    }
  }

  async createVersion(
    boardId: string,
    v: Omit<StoredVersion, 'number' | 'status' | 'vaststelling'>,
  ): Promise<number> {
    return this.#conn.immediate(() => {
      const number = Number(this.#sql.nextNumber.get(boardId)?.n ?? 1)
      this.#sql.insertVersion.run(boardId, number, v.createdAt, v.intentieverklaring, v.pvw, v.snapshot)
      this.#sql.insertEvent.run(
        boardId,
        number,
        boardId,
        number,
        'bevroren',
        v.createdAt,
        'Ter vaststelling aangeboden',
      )
      return number
    })
  }

  async listVersions(boardId: string): Promise<VersionRow[]> {
    return this.#sql.list.all(boardId).map(versionListRow)
  }

  async getVersion(boardId: string, number: number): Promise<StoredVersion | null> {
    const row = this.#sql.get.get(boardId, number)
    return row ? versionRow(row) : null
  }

  async adoptVersion(
    boardId: string,
    number: number,
    v: Vaststelling,
    at: number,
    event: string,
  ): Promise<AdoptResult> {
    return this.#conn.immediate(() => {
      const row = this.#sql.status.get(boardId, number)
      if (!row) return 'not-found'
      const { changes } = this.#sql.adopt.run(v.datum, v.orgaan, v.orgaanNaam, boardId, number)
      if (Number(changes) !== 1) return 'closed'
      this.#sql.insertEvent.run(boardId, number, boardId, number, 'vastgesteld', at, event)
      return 'adopted'
    })
  }

  async addSignature(
    boardId: string,
    number: number,
    s: StoredSignature,
    event: string,
  ): Promise<SignResult> {
    return this.#conn.immediate(() => {
      const row = this.#sql.status.get(boardId, number)
      if (!row) return 'not-found'
      if (row.status !== 'ter vaststelling') return 'closed'
      if (this.#sql.hasSignature.get(boardId, number, s.keyHash)) return 'already-signed'
      this.#sql.insertSignature.run(
        boardId,
        number,
        boardId,
        number,
        s.keyHash,
        s.name,
        s.organisation,
        s.mandate,
        s.partij,
        s.zelfstandig ? 1 : 0,
        s.datum,
        s.signedAt,
      )
      this.#sql.insertEvent.run(boardId, number, boardId, number, 'ondertekend', s.signedAt, event)
      return 'signed'
    })
  }

  async listSignatures(boardId: string, number: number): Promise<StoredSignature[]> {
    return this.#sql.signatures.all(boardId, number).map(signatureRow)
  }

  async listEvents(boardId: string, number: number) {
    return this.#sql.events.all(boardId, number).map(eventRow)
  }

  async deleteBoardVersions(boardId: string): Promise<number> {
    return this.#conn.immediate(() => {
      this.#sql.deleteSignatures.run(boardId)
      this.#sql.deleteEvents.run(boardId)
      return Number(this.#sql.deleteVersions.run(boardId).changes)
    })
  }
}
