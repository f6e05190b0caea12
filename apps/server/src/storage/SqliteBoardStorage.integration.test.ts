import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { INITIAL_GENERATIONS } from './BoardStorage.ts'
import { SqliteBoardStorage } from './SqliteBoardStorage.ts'
import { storageContract } from './storageContract.ts'

const dir = mkdtempSync(join(tmpdir(), 'wt-sqlite-'))
let n = 0
storageContract('SQLite', async () => new SqliteBoardStorage(join(dir, `contract-${n++}.sqlite`)))

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
})
