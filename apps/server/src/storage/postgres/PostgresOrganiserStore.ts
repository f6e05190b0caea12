import { organiserRow, organiserSessionRow, signInFlowRow } from '../organiserRows.ts'
import type {
  OrganiserRecord,
  OrganiserSessionRecord,
  OrganiserStore,
  OrganiserUpdate,
  SignInFlowRecord,
} from '../ports/OrganiserStore.ts'
import type { PostgresConnection } from './PostgresConnection.ts'

const COLUMNS = 'id, name, email, password_hash, oidc_issuer, oidc_subject, created_at'

/** PostgreSQL's unique_violation. */
const isUniqueViolation = (error: unknown) => (error as { code?: string }).code === '23505'

/**
 * Organisers, their sessions, sign-in flows and failed sign-ins in PostgreSQL: in the multi-instance mode a session
 * made on one instance is valid on every other, and a flow started on one can finish on another.
 */
export class PostgresOrganiserStore implements OrganiserStore {
  readonly #conn: PostgresConnection
  #ready: Promise<void> | null = null

  constructor(conn: PostgresConnection) {
    this.#conn = conn
  }

  /** The tables, made once before the first query (instances starting together take turns under one lock). */
  #tables(): Promise<void> {
    this.#ready ??= this.#conn
      .transaction('waardentafel:organiser-tables', async (client) => {
        const t = (name: string) => this.#conn.t(name)
        await client.query(`
          CREATE TABLE IF NOT EXISTS ${t('organisers')} (
            id TEXT PRIMARY KEY, name TEXT NOT NULL, email TEXT UNIQUE, password_hash TEXT,
            oidc_issuer TEXT, oidc_subject TEXT, created_at BIGINT NOT NULL, UNIQUE (oidc_issuer, oidc_subject));
          CREATE TABLE IF NOT EXISTS ${t('organiser_sessions')} (
            id TEXT PRIMARY KEY, organiser_id TEXT NOT NULL, csrf_token TEXT NOT NULL, created_at BIGINT NOT NULL,
            last_seen_at BIGINT NOT NULL, expires_at BIGINT NOT NULL);
          CREATE INDEX IF NOT EXISTS organiser_sessions_by_organiser ON ${t('organiser_sessions')} (organiser_id);
          CREATE INDEX IF NOT EXISTS organiser_sessions_by_expiry ON ${t('organiser_sessions')} (expires_at);
          CREATE TABLE IF NOT EXISTS ${t('organiser_sign_in_flows')} (
            id TEXT PRIMARY KEY, code_verifier TEXT NOT NULL, nonce TEXT NOT NULL, return_to TEXT NOT NULL,
            expires_at BIGINT NOT NULL);
          CREATE TABLE IF NOT EXISTS ${t('organiser_sign_in_failures')} (key TEXT NOT NULL, at BIGINT NOT NULL);
          CREATE INDEX IF NOT EXISTS organiser_sign_in_failures_by_key
            ON ${t('organiser_sign_in_failures')} (key, at);`)
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

  #t(name: string): string {
    return this.#conn.t(name)
  }

  async createOrganiser(o: OrganiserRecord): Promise<boolean> {
    const { rowCount } = await this.#query(
      `INSERT INTO ${this.#t('organisers')} (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING`,
      [o.id, o.name, o.email, o.passwordHash, o.oidc?.issuer ?? null, o.oidc?.subject ?? null, o.createdAt],
    )
    return rowCount === 1
  }

  async getOrganiser(id: string): Promise<OrganiserRecord | null> {
    const { rows } = await this.#query(`SELECT ${COLUMNS} FROM ${this.#t('organisers')} WHERE id = $1`, [id])
    return organiserRow(rows[0])
  }

  async findOrganiserByEmail(email: string): Promise<OrganiserRecord | null> {
    const { rows } = await this.#query(`SELECT ${COLUMNS} FROM ${this.#t('organisers')} WHERE email = $1`, [
      email,
    ])
    return organiserRow(rows[0])
  }

  async findOrganiserByOidc(issuer: string, subject: string): Promise<OrganiserRecord | null> {
    const { rows } = await this.#query(
      `SELECT ${COLUMNS} FROM ${this.#t('organisers')} WHERE oidc_issuer = $1 AND oidc_subject = $2`,
      [issuer, subject],
    )
    return organiserRow(rows[0])
  }

  async updateOrganiser(id: string, update: OrganiserUpdate): Promise<boolean> {
    try {
      const { rowCount } = await this.#query(
        `UPDATE ${this.#t('organisers')} SET
           name = CASE WHEN $1 THEN $2 ELSE name END,
           email = CASE WHEN $3 THEN $4 ELSE email END,
           password_hash = CASE WHEN $5 THEN $6 ELSE password_hash END
         WHERE id = $7`,
        [
          update.name !== undefined,
          update.name ?? null,
          update.email !== undefined,
          update.email ?? null,
          update.passwordHash !== undefined,
          update.passwordHash ?? null,
          id,
        ],
      )
      return rowCount === 1
    } catch (error) {
      if (isUniqueViolation(error)) return false
      throw error
    }
  }

  async countOrganisers(): Promise<number> {
    const { rows } = await this.#query(`SELECT COUNT(*) AS n FROM ${this.#t('organisers')}`, [])
    return Number(rows[0]?.n ?? 0)
  }

  async createSession(s: OrganiserSessionRecord): Promise<void> {
    await this.#query(
      `INSERT INTO ${this.#t('organiser_sessions')} (id, organiser_id, csrf_token, created_at, last_seen_at, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [s.id, s.organiserId, s.csrfToken, s.createdAt, s.lastSeenAt, s.expiresAt],
    )
  }

  async getSession(id: string): Promise<OrganiserSessionRecord | null> {
    const { rows } = await this.#query(
      `SELECT id, organiser_id, csrf_token, created_at, last_seen_at, expires_at
       FROM ${this.#t('organiser_sessions')} WHERE id = $1`,
      [id],
    )
    return organiserSessionRow(rows[0])
  }

  async touchSession(id: string, lastSeenAt: number, expiresAt: number): Promise<void> {
    await this.#query(
      `UPDATE ${this.#t('organiser_sessions')} SET last_seen_at = $1, expires_at = $2 WHERE id = $3`,
      [lastSeenAt, expiresAt, id],
    )
  }

  async deleteSession(id: string): Promise<void> {
    await this.#query(`DELETE FROM ${this.#t('organiser_sessions')} WHERE id = $1`, [id])
  }

  async deleteSessionsOf(organiserId: string): Promise<number> {
    const { rowCount } = await this.#query(
      `DELETE FROM ${this.#t('organiser_sessions')} WHERE organiser_id = $1`,
      [organiserId],
    )
    return rowCount ?? 0
  }

  async deleteExpiredSessions(now: number): Promise<number> {
    const { rowCount } = await this.#query(
      `DELETE FROM ${this.#t('organiser_sessions')} WHERE expires_at <= $1`,
      [now],
    )
    return rowCount ?? 0
  }

  async saveSignInFlow(f: SignInFlowRecord): Promise<void> {
    await this.#query(
      `INSERT INTO ${this.#t('organiser_sign_in_flows')} (id, code_verifier, nonce, return_to, expires_at)
       VALUES ($1, $2, $3, $4, $5)`,
      [f.id, f.codeVerifier, f.nonce, f.returnTo, f.expiresAt],
    )
  }

  async takeSignInFlow(id: string): Promise<SignInFlowRecord | null> {
    const { rows } = await this.#query(
      `DELETE FROM ${this.#t('organiser_sign_in_flows')} WHERE id = $1
       RETURNING id, code_verifier, nonce, return_to, expires_at`,
      [id],
    )
    return signInFlowRow(rows[0])
  }

  async deleteExpiredSignInFlows(now: number): Promise<void> {
    await this.#query(`DELETE FROM ${this.#t('organiser_sign_in_flows')} WHERE expires_at <= $1`, [now])
  }

  async recordSignInFailure(keys: readonly string[], at: number): Promise<void> {
    if (keys.length === 0) return
    await this.#query(
      `INSERT INTO ${this.#t('organiser_sign_in_failures')} (key, at) SELECT k, $2 FROM unnest($1::text[]) AS k`,
      [keys, at],
    )
  }

  async countSignInFailures(key: string, since: number): Promise<number> {
    const { rows } = await this.#query(
      `SELECT COUNT(*) AS n FROM ${this.#t('organiser_sign_in_failures')} WHERE key = $1 AND at > $2`,
      [key, since],
    )
    return Number(rows[0]?.n ?? 0)
  }

  async clearSignInFailures(key: string, before: number): Promise<void> {
    await this.#query(`DELETE FROM ${this.#t('organiser_sign_in_failures')} WHERE key = $1 OR at <= $2`, [
      key,
      before,
    ])
  }
}
