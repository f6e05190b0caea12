import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { afterAll, describe, expect, it } from 'vitest'
import { openPostgresPorts, PostgresBoardStorage } from '../../src/storage/PostgresBoardStorage.ts'
import { PostgresAssetStore } from '../../src/storage/postgres/PostgresAssetStore.ts'
import { StorageError } from '../../src/storage/StorageError.ts'
import { assetStoreContract } from './assetStore.contract.ts'
import { boardStorageContract } from './boardStorage.contract.ts'
import { boardStoreContract } from './boardStore.contract.ts'
import { documentLogContract } from './documentLog.contract.ts'
import { organiserStoreContract } from './organiserStore.contract.ts'
import { roundStoreContract } from './roundStore.contract.ts'
import { sessionStoreContract } from './sessionStore.contract.ts'
import { versionStoreContract } from './versionStore.contract.ts'
import { workspaceStoreContract } from './workspaceStore.contract.ts'

/** Real PostgreSQL (the machine's test database), one fresh schema per case, dropped afterwards. */
const url = process.env.TEST_DATABASE_URL ?? 'postgres://root@127.0.0.1:5432/test'
const schemas: string[] = []
const schema = () => {
  const name = `wt_test_${randomBytes(6).toString('hex')}`
  schemas.push(name)
  return name
}

afterAll(async () => {
  const pool = new pg.Pool({ connectionString: url })
  for (const name of schemas) await pool.query(`DROP SCHEMA IF EXISTS ${name} CASCADE`)
  await pool.end()
})

const make = async () => openPostgresPorts({ connectionString: url, schema: schema() })

documentLogContract('PostgreSQL', make)
boardStoreContract('PostgreSQL', make)
roundStoreContract('PostgreSQL', make)
sessionStoreContract('PostgreSQL', make)
versionStoreContract('PostgreSQL', make)
organiserStoreContract('PostgreSQL', make)
workspaceStoreContract('PostgreSQL', make)
boardStorageContract(
  'PostgreSQL',
  async () => new PostgresBoardStorage({ connectionString: url, schema: schema() }),
)

assetStoreContract(
  'PostgreSQL',
  async () => new PostgresAssetStore({ connectionString: url, schema: schema() }),
)

describe('PostgresBoardStorage', () => {
  it("refuses a schema name that is not a plain identifier (it is part of the SQL text): 'invalid-config'", () => {
    const make = () => new PostgresBoardStorage({ connectionString: url, schema: 'x; DROP TABLE boards' })
    expect(make).toThrow(StorageError)
    expect(make).toThrow(expect.objectContaining({ code: 'invalid-config' }))
  })
})
