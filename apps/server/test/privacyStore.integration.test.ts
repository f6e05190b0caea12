import { randomBytes } from 'node:crypto'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { afterAll } from 'vitest'
import { openPostgresPorts } from '../src/storage/PostgresBoardStorage.ts'
import { openSqlitePorts } from '../src/storage/SqliteBoardStorage.ts'
import { personalDataStoreContract } from './contracts/personalDataStore.contract.ts'

// The PersonalDataStore contract against real SQLite (a fresh file per case) and real PostgreSQL (a schema per case).
const dir = mkdtempSync(join(tmpdir(), 'wt-privacy-'))
let n = 0
personalDataStoreContract('SQLite', async () => openSqlitePorts(join(dir, `privacy-${n++}.sqlite`)))

const url = process.env.TEST_DATABASE_URL ?? 'postgres://root@127.0.0.1:5432/test'
const schemas: string[] = []
afterAll(async () => {
  const pool = new pg.Pool({ connectionString: url })
  for (const name of schemas) await pool.query(`DROP SCHEMA IF EXISTS ${name} CASCADE`)
  await pool.end()
})
personalDataStoreContract('PostgreSQL', async () => {
  const schema = `wt_privacy_${randomBytes(6).toString('hex')}`
  schemas.push(schema)
  return openPostgresPorts({ connectionString: url, schema })
})
