import { randomBytes } from 'node:crypto'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { CSRF_HEADER } from '@waardentafel/protocol'
import pg from 'pg'
import { pino } from 'pino'
import { afterAll, describe, expect, it } from 'vitest'
import { parseConfig } from '../src/config.ts'
import { ensureLocalOrganiser } from '../src/org/auth/localOrganiser.ts'
import { createServer } from '../src/server.ts'
import { PostgresBoardStorage } from '../src/storage/PostgresBoardStorage.ts'
import { NO_HTTP_LIMITS, TEST_SECRET } from './harness.ts'
import { DATABASE_URL } from './multiHarness.ts'
import { startProcess } from './processHarness.ts'

const PASSWORD = 'een-lang-wachtwoord-voor-tests'
const schema = `wt_auth_${randomBytes(6).toString('hex')}`

afterAll(async () => {
  const pool = new pg.Pool({ connectionString: DATABASE_URL })
  await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`)
  await pool.end()
})

/** One instance on the shared PostgreSQL schema (no Redis: sessions need only the database). */
async function instance() {
  const config = parseConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: mkdtempSync(join(tmpdir(), 'wt-auth-multi-')),
    LOG_LEVEL: 'silent',
    DATABASE_URL,
    DATABASE_SCHEMA: schema,
    ...NO_HTTP_LIMITS,
    OPEN_BOARD_CREATION: 'false',
    LOCAL_ORGANISER_PASSWORD: PASSWORD,
  })
  const storage = new PostgresBoardStorage({ connectionString: DATABASE_URL, schema })
  const log = pino({ level: 'silent' })
  await ensureLocalOrganiser(storage.organisers, config.organisers.local, log)
  const server = createServer(config, { storage, log, tokenSecret: TEST_SECRET })
  await server.listen()
  return {
    url: server.url,
    storage,
    close: async () => {
      await server.close()
      await storage.close()
    },
  }
}

const me = async (url: string, cookie: string) =>
  (
    (await (await fetch(`${url}/api/auth/me`, { headers: { cookie } })).json()) as {
      organiser: { id: string } | null
    }
  ).organiser

describe('organiser sessions across instances', () => {
  it('[OA12] a session made on one instance is valid on another, and signing out on one ends it on both', async () => {
    // Two instances starting together make one local account between them.
    const [a, b] = await Promise.all([instance(), instance()])
    try {
      expect(await a.storage.organisers.countOrganisers()).toBe(1)
      const res = await fetch(`${a.url}/api/auth/local`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'organisator@localhost', password: PASSWORD }),
      })
      expect(res.status).toBe(200)
      const { csrfToken, organiser } = (await res.json()) as { csrfToken: string; organiser: { id: string } }
      const cookie = res.headers.getSetCookie()[0]!.split(';')[0]!
      expect((await me(b.url, cookie))?.id).toBe(organiser.id)
      const made = await fetch(`${b.url}/api/boards`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie, [CSRF_HEADER]: csrfToken },
        body: '{"title":"Quickscan"}',
      })
      expect(made.status).toBe(201)
      expect((await a.storage.organiserUsage(organiser.id)).boards).toBe(1)
      const out = await fetch(`${b.url}/api/auth/logout`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie, [CSRF_HEADER]: csrfToken },
        body: '{}',
      })
      expect(out.status).toBe(200)
      expect(await me(a.url, cookie)).toBeNull()
      expect(await me(b.url, cookie)).toBeNull()
    } finally {
      await Promise.all([a.close(), b.close()])
    }
  })
})

describe('the server process (npm start)', () => {
  it('[OA2] a fresh data folder gets the local organiser account, its password in the start-up log once; it signs in', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'wt-auth-process-'))
    const env = { DATA_DIR: dataDir, OPEN_BOARD_CREATION: 'false' }
    const first = await startProcess(env)
    let password = ''
    try {
      const line = first.logs
        .map((l) => JSON.parse(l) as Record<string, unknown>)
        .find((l) => 'password' in l)
      expect(line?.msg).toMatch(/^Lokaal organisatoraccount aangemaakt: log in met organisator@localhost/)
      password = String(line?.password)
      const res = await fetch(`${first.url}/api/auth/local`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'organisator@localhost', password }),
      })
      expect(res.status).toBe(200)
    } finally {
      first.child.kill('SIGTERM')
      await first.exited
    }
    // A restart on the same folder prints no password again; the account is the same.
    const second = await startProcess(env)
    try {
      expect(second.logs.some((l) => l.includes('password') || l.includes(password))).toBe(false)
      const res = await fetch(`${second.url}/api/auth/local`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'organisator@localhost', password }),
      })
      expect(res.status).toBe(200)
    } finally {
      second.child.kill('SIGTERM')
      await second.exited
    }
  })
})
