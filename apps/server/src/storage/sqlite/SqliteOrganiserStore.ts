import { organiserRow, organiserSessionRow, signInFlowRow } from '../organiserRows.ts'
import type {
  OrganiserRecord,
  OrganiserSessionRecord,
  OrganiserStore,
  OrganiserUpdate,
  SignInFlowRecord,
} from '../ports/OrganiserStore.ts'
import type { SqliteConnection } from './SqliteConnection.ts'

/** The organiser tables, made when the adapter is (each statement on its own: `prepare` runs one). */
const TABLES = [
  `CREATE TABLE IF NOT EXISTS organisers (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    email TEXT UNIQUE,
    password_hash TEXT,
    oidc_issuer TEXT,
    oidc_subject TEXT,
    created_at INTEGER NOT NULL,
    UNIQUE (oidc_issuer, oidc_subject)
  )`,
  `CREATE TABLE IF NOT EXISTS organiser_sessions (
    id TEXT PRIMARY KEY,
    organiser_id TEXT NOT NULL,
    csrf_token TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    last_seen_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
  )`,
  'CREATE INDEX IF NOT EXISTS organiser_sessions_by_organiser ON organiser_sessions (organiser_id)',
  'CREATE INDEX IF NOT EXISTS organiser_sessions_by_expiry ON organiser_sessions (expires_at)',
  `CREATE TABLE IF NOT EXISTS organiser_sign_in_flows (
    id TEXT PRIMARY KEY,
    code_verifier TEXT NOT NULL,
    nonce TEXT NOT NULL,
    return_to TEXT NOT NULL,
    expires_at INTEGER NOT NULL
  )`,
  `CREATE TABLE IF NOT EXISTS organiser_sign_in_failures (
    key TEXT NOT NULL,
    at INTEGER NOT NULL
  )`,
  'CREATE INDEX IF NOT EXISTS organiser_sign_in_failures_by_key ON organiser_sign_in_failures (key, at)',
]

const COLUMNS = 'id, name, email, password_hash, oidc_issuer, oidc_subject, created_at'

/** A UNIQUE constraint refused the write (node:sqlite reports SQLite's extended code SQLITE_CONSTRAINT_UNIQUE). */
function isUniqueViolation(error: unknown): boolean {
  return (error as { errcode?: number }).errcode === 2067
}

/** Organisers, their sessions, sign-in flows and failed sign-ins in the SQLite file. */
export class SqliteOrganiserStore implements OrganiserStore {
  readonly #sql

  constructor(conn: SqliteConnection) {
    for (const statement of TABLES) conn.prepare(statement).run()
    this.#sql = {
      insert: conn.prepare(
        `INSERT INTO organisers (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
      ),
      byId: conn.prepare(`SELECT ${COLUMNS} FROM organisers WHERE id = ?`),
      byEmail: conn.prepare(`SELECT ${COLUMNS} FROM organisers WHERE email = ?`),
      byOidc: conn.prepare(`SELECT ${COLUMNS} FROM organisers WHERE oidc_issuer = ? AND oidc_subject = ?`),
      update: conn.prepare(
        `UPDATE organisers SET
           name = CASE WHEN ? THEN ? ELSE name END,
           email = CASE WHEN ? THEN ? ELSE email END,
           password_hash = CASE WHEN ? THEN ? ELSE password_hash END
         WHERE id = ?`,
      ),
      count: conn.prepare('SELECT COUNT(*) AS n FROM organisers'),
      insertSession: conn.prepare(
        `INSERT INTO organiser_sessions (id, organiser_id, csrf_token, created_at, last_seen_at, expires_at)
         VALUES (?, ?, ?, ?, ?, ?)`,
      ),
      session: conn.prepare(
        'SELECT id, organiser_id, csrf_token, created_at, last_seen_at, expires_at FROM organiser_sessions WHERE id = ?',
      ),
      touch: conn.prepare('UPDATE organiser_sessions SET last_seen_at = ?, expires_at = ? WHERE id = ?'),
      deleteSession: conn.prepare('DELETE FROM organiser_sessions WHERE id = ?'),
      deleteSessionsOf: conn.prepare('DELETE FROM organiser_sessions WHERE organiser_id = ?'),
      deleteExpired: conn.prepare('DELETE FROM organiser_sessions WHERE expires_at <= ?'),
      insertFlow: conn.prepare(
        'INSERT INTO organiser_sign_in_flows (id, code_verifier, nonce, return_to, expires_at) VALUES (?, ?, ?, ?, ?)',
      ),
      takeFlow: conn.prepare(
        'DELETE FROM organiser_sign_in_flows WHERE id = ? RETURNING id, code_verifier, nonce, return_to, expires_at',
      ),
      deleteExpiredFlows: conn.prepare('DELETE FROM organiser_sign_in_flows WHERE expires_at <= ?'),
      insertFailure: conn.prepare('INSERT INTO organiser_sign_in_failures (key, at) VALUES (?, ?)'),
      countFailures: conn.prepare(
        'SELECT COUNT(*) AS n FROM organiser_sign_in_failures WHERE key = ? AND at > ?',
      ),
      clearFailures: conn.prepare('DELETE FROM organiser_sign_in_failures WHERE key = ? OR at <= ?'),
    }
  }

  async createOrganiser(o: OrganiserRecord): Promise<boolean> {
    const result = this.#sql.insert.run(
      o.id,
      o.name,
      o.email,
      o.passwordHash,
      o.oidc?.issuer ?? null,
      o.oidc?.subject ?? null,
      o.createdAt,
    )
    return Number(result.changes) === 1
  }

  async getOrganiser(id: string): Promise<OrganiserRecord | null> {
    return organiserRow(this.#sql.byId.get(id))
  }

  async findOrganiserByEmail(email: string): Promise<OrganiserRecord | null> {
    return organiserRow(this.#sql.byEmail.get(email))
  }

  async findOrganiserByOidc(issuer: string, subject: string): Promise<OrganiserRecord | null> {
    return organiserRow(this.#sql.byOidc.get(issuer, subject))
  }

  async updateOrganiser(id: string, update: OrganiserUpdate): Promise<boolean> {
    try {
      const result = this.#sql.update.run(
        update.name !== undefined ? 1 : 0,
        update.name ?? null,
        update.email !== undefined ? 1 : 0,
        update.email ?? null,
        update.passwordHash !== undefined ? 1 : 0,
        update.passwordHash ?? null,
        id,
      )
      return Number(result.changes) === 1
    } catch (error) {
      if (isUniqueViolation(error)) return false
      throw error
    }
  }

  async countOrganisers(): Promise<number> {
    return Number(this.#sql.count.get()?.n ?? 0)
  }

  async createSession(s: OrganiserSessionRecord): Promise<void> {
    this.#sql.insertSession.run(s.id, s.organiserId, s.csrfToken, s.createdAt, s.lastSeenAt, s.expiresAt)
  }

  async getSession(id: string): Promise<OrganiserSessionRecord | null> {
    return organiserSessionRow(this.#sql.session.get(id))
  }

  async touchSession(id: string, lastSeenAt: number, expiresAt: number): Promise<void> {
    this.#sql.touch.run(lastSeenAt, expiresAt, id)
  }

  async deleteSession(id: string): Promise<void> {
    this.#sql.deleteSession.run(id)
  }

  async deleteSessionsOf(organiserId: string): Promise<number> {
    return Number(this.#sql.deleteSessionsOf.run(organiserId).changes)
  }

  async deleteExpiredSessions(now: number): Promise<number> {
    return Number(this.#sql.deleteExpired.run(now).changes)
  }

  async saveSignInFlow(f: SignInFlowRecord): Promise<void> {
    this.#sql.insertFlow.run(f.id, f.codeVerifier, f.nonce, f.returnTo, f.expiresAt)
  }

  async takeSignInFlow(id: string): Promise<SignInFlowRecord | null> {
    return signInFlowRow(this.#sql.takeFlow.get(id))
  }

  async deleteExpiredSignInFlows(now: number): Promise<void> {
    this.#sql.deleteExpiredFlows.run(now)
  }

  async recordSignInFailure(keys: readonly string[], at: number): Promise<void> {
    for (const key of keys) this.#sql.insertFailure.run(key, at)
  }

  async countSignInFailures(key: string, since: number): Promise<number> {
    return Number(this.#sql.countFailures.get(key, since)?.n ?? 0)
  }

  async clearSignInFailures(key: string, before: number): Promise<void> {
    this.#sql.clearFailures.run(key, before)
  }
}
