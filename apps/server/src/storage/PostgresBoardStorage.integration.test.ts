import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { afterAll } from 'vitest'
import { PostgresBoardStorage } from './PostgresBoardStorage.ts'
import { storageContract } from './storageContract.ts'

/** Real PostgreSQL (the machine's test database), one fresh schema per storage, dropped afterwards. */
const url = process.env.TEST_DATABASE_URL ?? 'postgres://root@127.0.0.1:5432/test'
const schemas: string[] = []

afterAll(async () => {
  const pool = new pg.Pool({ connectionString: url })
  for (const schema of schemas) await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`)
  await pool.end()
})

storageContract('PostgreSQL', async () => {
  const schema = `wt_test_${randomBytes(6).toString('hex')}`
  schemas.push(schema)
  return new PostgresBoardStorage({ connectionString: url, schema })
})
