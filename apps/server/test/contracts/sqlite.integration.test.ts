import { existsSync, mkdtempSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { INITIAL_GENERATIONS } from '../../src/storage/BoardStorage.ts'
import { FileAssetStore } from '../../src/storage/files/FileAssetStore.ts'
import { openSqlitePorts, SqliteBoardStorage } from '../../src/storage/SqliteBoardStorage.ts'
import { assetStoreContract } from './assetStore.contract.ts'
import { boardStorageContract } from './boardStorage.contract.ts'
import { boardStoreContract } from './boardStore.contract.ts'
import { documentLogContract } from './documentLog.contract.ts'
import { organiserStoreContract } from './organiserStore.contract.ts'
import { roundStoreContract } from './roundStore.contract.ts'
import { sessionStoreContract } from './sessionStore.contract.ts'
import { versionStoreContract } from './versionStore.contract.ts'
import { workspaceStoreContract } from './workspaceStore.contract.ts'

/** Real SQLite: a fresh file in a temporary directory per case. */
const dir = mkdtempSync(join(tmpdir(), 'wt-sqlite-'))
let n = 0
const file = () => join(dir, `contract-${n++}.sqlite`)
const make = async () => openSqlitePorts(file())

documentLogContract('SQLite', make)
boardStoreContract('SQLite', make)
roundStoreContract('SQLite', make)
sessionStoreContract('SQLite', make)
versionStoreContract('SQLite', make)
organiserStoreContract('SQLite', make)
workspaceStoreContract('SQLite', make)
boardStorageContract('SQLite', async () => new SqliteBoardStorage(file()))
assetStoreContract('files (embedded default)', async () => new FileAssetStore(join(dir, `assets-${n++}`)))

describe('SqliteBoardStorage', () => {
  it('keeps data across reopen of the same file', async () => {
    const file = join(dir, 'reopen.sqlite')
    const a = new SqliteBoardStorage(file)
    await a.createBoard({ id: 'board-reop', title: 't', createdAt: 5, linkGenerations: INITIAL_GENERATIONS })
    await a.appendUpdate('board-reop', new Uint8Array([7]))
    await a.close()
    const b = new SqliteBoardStorage(file)
    expect(await b.getBoard('board-reop')).not.toBeNull()
    expect((await b.loadDoc('board-reop')).updates.map((u) => u.data)).toEqual([new Uint8Array([7])])
    await b.close()
  })

  it('copies the write-ahead log into the database from its own thread, and leaves no log when closed', async () => {
    const file = join(dir, 'checkpoint.sqlite')
    const s = new SqliteBoardStorage(file)
    const size = (f: string) => (existsSync(f) ? statSync(f).size : 0)
    const before = size(file)
    const update = new Uint8Array(1024).fill(3)
    for (let i = 0; i < 2000; i++) await s.appendUpdate('board-wal', update)
    // The commits themselves never checkpoint (that is off on the server's connection): the ~2 MB reach the
    // database file only through the checkpoint thread. Wait for that, bounded.
    const deadline = Date.now() + 10_000
    while (size(file) < before + 2_000_000 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50)) // polling a file size, not synchronising
    }
    expect(size(file)).toBeGreaterThan(before + 2_000_000)
    await s.close()
    expect(size(`${file}-wal`)).toBe(0)
    const again = new SqliteBoardStorage(file)
    expect((await again.loadDoc('board-wal')).updates).toHaveLength(2000)
    await again.close()
  })
})
