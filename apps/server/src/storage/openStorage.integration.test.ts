import { randomBytes } from 'node:crypto'
import { existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { describe, expect, it } from 'vitest'
import { openStorage, SQLITE_FILE } from './openStorage.ts'
import { PostgresBoardStorage } from './PostgresBoardStorage.ts'
import { SqliteBoardStorage } from './SqliteBoardStorage.ts'

const url = process.env.TEST_DATABASE_URL ?? 'postgres://root@127.0.0.1:5432/test'

describe('openStorage', () => {
  it('opens the SQLite file in DATA_DIR when no database is configured', async () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'wt-open-')), 'data')
    const storage = openStorage({ dataDir, database: null })
    expect(storage).toBeInstanceOf(SqliteBoardStorage)
    expect(await storage.log.appendUpdate('board-open', new Uint8Array([1]))).toBe(1)
    await storage.close()
    expect(existsSync(join(dataDir, SQLITE_FILE))).toBe(true)
  })

  it('opens PostgreSQL in the configured schema when DATABASE_URL is set', async () => {
    const schema = `wt_open_${randomBytes(6).toString('hex')}`
    const storage = openStorage({ dataDir: tmpdir(), database: { url, schema } })
    try {
      expect(storage).toBeInstanceOf(PostgresBoardStorage)
      expect(await storage.log.appendUpdate('board-open', new Uint8Array([1]))).toBe(1)
      const pool = new pg.Pool({ connectionString: url })
      const { rows } = await pool.query(`SELECT COUNT(*) AS n FROM ${schema}.doc_updates`)
      await pool.query(`DROP SCHEMA ${schema} CASCADE`)
      await pool.end()
      expect(Number(rows[0]?.n)).toBe(1)
    } finally {
      await storage.close()
    }
  })
})
