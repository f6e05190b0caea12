import { randomBytes } from 'node:crypto'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import pg from 'pg'
import { afterAll, describe, expect, it } from 'vitest'
import { BoardPurger } from '../src/org/workspaces/BoardPurger.ts'
import type { StoragePorts } from '../src/storage/BoardStorage.ts'
import { openPostgresPorts } from '../src/storage/PostgresBoardStorage.ts'
import { INITIAL_GENERATIONS } from '../src/storage/ports/BoardStore.ts'
import { openSqlitePorts } from '../src/storage/SqliteBoardStorage.ts'

/**
 * The purge job against both real backends, every table searched afterwards: no row of any table (the org tables,
 * the core tables, and those other parts made) mentions a purged board's id, while the board next to it is whole.
 */
const url = process.env.TEST_DATABASE_URL ?? 'postgres://root@127.0.0.1:5432/test'
const dir = mkdtempSync(join(tmpdir(), 'wt-purge-'))
const schemas: string[] = []
afterAll(async () => {
  const pool = new pg.Pool({ connectionString: url })
  for (const name of schemas) await pool.query(`DROP SCHEMA IF EXISTS ${name} CASCADE`)
  await pool.end()
})

type Backend = {
  name: string
  open(): { ports: StoragePorts; mentions(id: string): Promise<string[]> }
}

const backends: Backend[] = [
  {
    name: 'SQLite',
    open() {
      const file = join(dir, `purge-${randomBytes(4).toString('hex')}.sqlite`)
      const ports = openSqlitePorts(file)
      return {
        ports,
        mentions: async (id) => {
          const db = new DatabaseSync(file, { readOnly: true })
          const needle = Buffer.from(id)
          const found: string[] = []
          for (const { name } of db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all()) {
            for (const row of db.prepare(`SELECT * FROM "${String(name)}"`).all()) {
              const hit = Object.values(row).some((v) =>
                v instanceof Uint8Array ? Buffer.from(v).includes(needle) : String(v).includes(id),
              )
              if (hit) found.push(`${String(name)}: ${JSON.stringify(row)}`)
            }
          }
          db.close()
          return found
        },
      }
    },
  },
  {
    name: 'PostgreSQL',
    open() {
      const schema = `wt_test_${randomBytes(6).toString('hex')}`
      schemas.push(schema)
      const ports = openPostgresPorts({ connectionString: url, schema })
      return {
        ports,
        mentions: async (id) => {
          const pool = new pg.Pool({ connectionString: url })
          const { rows: tables } = await pool.query(
            'SELECT table_name FROM information_schema.tables WHERE table_schema = $1',
            [schema],
          )
          const found: string[] = []
          const hex = Buffer.from(id).toString('hex')
          for (const { table_name } of tables) {
            // A row as text: bytea columns appear as hex, so the id is looked for in both forms.
            const { rows } = await pool.query(`SELECT t::text AS row FROM ${schema}."${table_name}" t`)
            for (const { row } of rows) {
              if (String(row).includes(id) || String(row).includes(hex)) found.push(`${table_name}: ${row}`)
            }
          }
          await pool.end()
          return found
        },
      }
    },
  },
]

async function fill(ports: StoragePorts, boardId: string, code: string): Promise<void> {
  await ports.boards.createBoard(
    { id: boardId, title: `Bord ${code}`, createdAt: 1, linkGenerations: INITIAL_GENERATIONS },
    'org-1',
  )
  await ports.workspaces.placeBoard({
    boardId,
    projectId: 'p1',
    ownerId: 'org-1',
    title: `Bord ${code}`,
    createdAt: 1,
    updatedAt: 1,
    lastOpenedAt: null,
    archivedAt: null,
    deleteRequestedAt: null,
    deleteAfter: null,
  })
  await ports.log.appendUpdate(boardId, new Uint8Array([1, 2, 3]))
  await ports.log.compact(boardId, (snapshot, updates) => updates.at(-1) ?? snapshot ?? new Uint8Array())
  await ports.log.appendUpdate(boardId, new Uint8Array([4]))
  await ports.sessions.saveSession(boardId, {
    id: 's1',
    name: 'Sessie 1',
    createdAt: 2,
    data: `{"board":"${boardId}"}`,
  })
  await ports.boards.saveJoinCode({ code, boardId, generation: 0, expiresAt: 9 })
  await ports.boards.issueParticipantKey(
    boardId,
    { keyHash: `h-${boardId}`, issuer: 'i', issuedAt: 1 },
    { perBoard: 10, perIssuer: 10, windowMs: 1000 },
  )
  await ports.rounds.savePlacements(boardId, 'r1', [
    {
      participantKey: `h-${boardId}`,
      valueId: 'v',
      name: 'Anna',
      organisation: 'GGD',
      klasse: 'sturend',
      twijfel: false,
      at: 3,
    },
  ])
  await ports.workspaces.appendAudit({
    at: 4,
    projectId: 'p1',
    actorId: 'org-1',
    actorName: 'Anna',
    action: 'board.created',
    boardId,
    detail: { title: `Bord ${code}` },
  })
}

describe('the purge job on every backend', () => {
  for (const backend of backends) {
    it(`[OW11] ${backend.name}: after the grace period no row of any table mentions the board; the hooks ran first`, async () => {
      const { ports, mentions } = backend.open()
      const gone = 'board-purge-me-1'
      const kept = 'board-keep-me-01'
      await ports.workspaces.createWorkspace({ id: 'w1', name: 'W', createdAt: 1 }, 'org-1')
      await ports.workspaces.createProject({
        id: 'p1',
        workspaceId: 'w1',
        name: 'P',
        gebied: '',
        gemeente: '',
        kernteam: [],
        retentionMonths: 24,
        phase: 'quickscan',
        createdAt: 1,
        updatedAt: 1,
      })
      await fill(ports, gone, 'AAA234')
      await fill(ports, kept, 'BBB234')
      await ports.workspaces.updatePlacement(gone, { deleteRequestedAt: 10, deleteAfter: 1000 })
      expect((await mentions(gone)).length).toBeGreaterThan(5)

      const purger = new BoardPurger({
        store: ports.workspaces,
        rooms: { loadedRoom: () => null, announce: () => {} },
        now: () => 0,
      })
      const hooked: string[] = []
      purger.onPurge(async (id) => {
        // Called before the rows go: the board is still there for the hook to clean up after.
        expect(await ports.boards.getBoard(id)).not.toBeNull()
        hooked.push(id)
      })
      expect(await purger.run(999)).toEqual([])
      expect(await purger.run(1000)).toEqual([gone])
      expect(hooked).toEqual([gone])
      expect(await mentions(gone)).toEqual([])
      expect(await purger.run(5000)).toEqual([])

      expect(await ports.boards.getBoard(kept)).not.toBeNull()
      expect((await ports.log.loadDoc(kept)).updates).toHaveLength(1)
      expect(await ports.rounds.listPlacements(kept, 'r1')).toHaveLength(1)
      const audit = await ports.workspaces.listAudit('p1', 10)
      expect(audit.map((a) => [a.action, a.boardId])).toEqual([
        ['board.purged', null],
        ['board.created', kept],
        ['board.created', null],
      ])
      expect(audit[0]?.detail).toEqual({ title: 'Bord AAA234', deleteRequestedAt: 10 })
      await ports.close()
    })
  }
})
