import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import type {
  AuditEntry,
  CreateBoardResponse,
  OrgBoard,
  Project,
  SearchBoardsResponse,
  Workspace,
} from '@waardentafel/protocol'
import { readDocRecords, writeDocRecords } from '@waardentafel/tldraw-yjs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { SQLITE_FILE } from '../src/storage/openStorage.ts'
import { connectClient, startServer, type TestClient, type TestServer, tokenOf, whenDoc } from './harness.ts'
import { type OrgClient, signIn } from './orgSupport.ts'

const fixture: unknown = JSON.parse(
  readFileSync(
    join(import.meta.dirname, '../../../packages/domain/test/fixtures/handreiking-voorbeeld.json'),
    'utf8',
  ),
)

let srv: TestServer
let anna: OrgClient
let bram: OrgClient
let workspace: Workspace
let project: Project
const clients: TestClient[] = []

async function ok<T>(promise: Promise<{ status: number; body: T }>, status = 200): Promise<T> {
  const res = await promise
  expect(res.status, JSON.stringify(res.body)).toBe(status)
  return res.body
}

beforeEach(async () => {
  srv = await startServer({ DELETE_GRACE_DAYS: '30', PURGE_INTERVAL_MS: '0' })
  anna = await signIn(srv.url, srv.storage.organisers, 'Anna')
  bram = await signIn(srv.url, srv.storage.organisers, 'Bram')
  workspace = await ok(anna.call<Workspace>('POST', '/api/workspaces', { name: 'Gemeente Veendam' }), 201)
  project = await ok(
    anna.call<Project>('POST', `/api/workspaces/${workspace.id}/projects`, {
      name: 'Herontwikkeling zwembadlocatie De Veenhoek',
      gebied: 'De Veenhoek',
      gemeente: 'Veendam',
      kernteam: ['Anna', 'Bram'],
    }),
    201,
  )
})
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy()
  await srv.close()
})

const newBoard = (title = 'Quickscan') =>
  ok(anna.call<CreateBoardResponse>('POST', `/api/projects/${project.id}/boards`, { title }), 201)
const connect = (board: CreateBoardResponse, role: 'facilitator' | 'participant' | 'observer') => {
  const c = connectClient(srv.wsUrl, board, role)
  clients.push(c)
  return c
}
const note = (id: string) => ({
  records: [{ id, typeName: 'shape', type: 'note', x: 1, y: 2, parentId: 'page:page', props: {} }],
  schema: null,
})
const recordIds = (doc: Y.Doc) => readDocRecords(doc).records.map((r) => String(r.id))
async function storedRecordIds(boardId: string): Promise<string[]> {
  const room = await srv.server.rooms.acquire(boardId)
  await room.flushed()
  srv.server.rooms.release(boardId)
  const replay = new Y.Doc()
  const stored = await srv.storage.loadDoc(boardId)
  if (stored.snapshot) Y.applyUpdate(replay, stored.snapshot)
  for (const u of stored.updates) Y.applyUpdate(replay, u.data)
  return recordIds(replay)
}
/** Resolves once `who`'s awareness reaches `watcher`: every frame `who` sent before it was handled by the server. */
function awarenessArrives(who: TestClient, watcher: TestClient, name: string): Promise<void> {
  who.provider.awareness.setLocalStateField('user', { name })
  return new Promise((resolve) => {
    const check = () => {
      if ([...watcher.provider.awareness.getStates().values()].some((s) => s.user?.name === name)) {
        watcher.provider.awareness.off('change', check)
        resolve()
      }
    }
    watcher.provider.awareness.on('change', check)
    check()
  })
}

describe('board lifecycle through the organisation routes', () => {
  it('[OW9] renames (the board’s own title too), moves to another workspace’s project, and refuses a project out of sight', async () => {
    const board = await newBoard()
    const renamed = await ok(
      anna.call<OrgBoard>('PATCH', `/api/org/boards/${board.id}`, { title: 'Quickscan v2' }),
    )
    expect(renamed.title).toBe('Quickscan v2')
    const session = await fetch(`${srv.url}/api/boards/${board.id}/session`, {
      headers: { authorization: `Bearer ${tokenOf(board.links.participant)}` },
    })
    expect(((await session.json()) as { board: { title: string } }).board.title).toBe('Quickscan v2')

    const other = await ok(anna.call<Workspace>('POST', '/api/workspaces', { name: 'Bureau Buiten' }), 201)
    const elsewhere = await ok(
      anna.call<Project>('POST', `/api/workspaces/${other.id}/projects`, { name: 'Gnephoek' }),
      201,
    )
    const moved = await ok(
      anna.call<OrgBoard>('PATCH', `/api/org/boards/${board.id}`, { projectId: elsewhere.id }),
    )
    expect(moved).toMatchObject({
      projectId: elsewhere.id,
      workspaceId: other.id,
      workspaceName: 'Bureau Buiten',
    })
    // Bram is a member of neither: he cannot see the board, nor move his own board into Anna's project.
    expect((await bram.call('PATCH', `/api/org/boards/${board.id}`, { title: 'x' })).status).toBe(404)
    const his = await ok(bram.call<CreateBoardResponse>('POST', '/api/boards', { title: 'Van Bram' }), 201)
    expect((await bram.call('PATCH', `/api/org/boards/${his.id}`, { projectId: elsewhere.id })).status).toBe(
      404,
    )
    const projects = await ok(anna.call<Project[]>('GET', `/api/workspaces/${workspace.id}/projects`))
    expect(projects.find((p) => p.id === project.id)?.boardCount).toBe(0)
  })

  it('[OW9] duplicates with content (the current document) or empty, each with its own id and links', async () => {
    const board = await newBoard('Prepared Quickscan')
    const writer = connect(board, 'facilitator')
    await writer.synced()
    writeDocRecords(writer.doc, note('shape:template-note'))
    await awarenessArrives(writer, connect(board, 'observer'), 'Anna')
    const copy = await ok(
      anna.call<CreateBoardResponse>('POST', `/api/org/boards/${board.id}/duplicate`, {
        withContent: true,
        title: 'Quickscan Gnephoek',
      }),
      201,
    )
    const empty = await ok(
      anna.call<CreateBoardResponse>('POST', `/api/org/boards/${board.id}/duplicate`, { withContent: false }),
      201,
    )
    expect(new Set([board.id, copy.id, empty.id]).size).toBe(3)
    expect(empty.title).toBe('Prepared Quickscan (kopie)')
    const reader = connect(copy, 'participant')
    await reader.synced()
    expect(recordIds(reader.doc)).toContain('shape:template-note')
    const emptyReader = connect(empty, 'participant')
    await emptyReader.synced()
    expect(recordIds(emptyReader.doc)).not.toContain('shape:template-note')
    const listed = await ok(anna.call<SearchBoardsResponse>('GET', `/api/org/boards?projectId=${project.id}`))
    expect(listed.boards.map((b) => b.id).sort()).toEqual([board.id, copy.id, empty.id].sort())
  })

  it('[OW10] an archived board is read-only for every link and hidden; restoring gives the roles back', async () => {
    const board = await newBoard()
    const before = connect(board, 'participant')
    await before.synced()
    const closed = new Promise<void>((resolve) => before.provider.on('connection-close', () => resolve()))
    await ok(anna.call('POST', `/api/org/boards/${board.id}/archive`))
    await closed // its socket was closed to come back as an observer

    const participant = connect(board, 'participant')
    const facilitator = connect(board, 'facilitator')
    await Promise.all([participant.synced(), facilitator.synced()])
    writeDocRecords(participant.doc, note('shape:while-archived'))
    writeDocRecords(facilitator.doc, note('shape:facilitator-while-archived'))
    await Promise.all([
      awarenessArrives(participant, facilitator, 'Deelnemer'),
      awarenessArrives(facilitator, participant, 'Begeleider'),
    ])
    expect(recordIds(facilitator.doc)).not.toContain('shape:while-archived')
    expect(await storedRecordIds(board.id)).toEqual([])
    const session = await fetch(`${srv.url}/api/boards/${board.id}/session`, {
      headers: { authorization: `Bearer ${tokenOf(board.links.facilitator)}` },
    })
    expect(((await session.json()) as { role: string }).role).toBe('observer')
    const lock = await fetch(`${srv.url}/api/boards/${board.id}/facilitation`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${tokenOf(board.links.facilitator)}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ action: 'lock', structure: true, valueCards: false }),
    })
    expect(lock.status).toBe(409)
    expect(((await lock.json()) as { error: { code: string } }).error.code).toBe('BOARD_ARCHIVED')

    const active = await ok(anna.call<SearchBoardsResponse>('GET', '/api/org/boards'))
    expect(active.boards.map((b) => b.id)).not.toContain(board.id)
    const archived = await ok(anna.call<SearchBoardsResponse>('GET', '/api/org/boards?archived=1'))
    expect(archived.boards.map((b) => b.id)).toEqual([board.id])
    expect(archived.boards[0]?.archivedAt).toEqual(expect.any(Number))
    expect((await anna.call('POST', `/api/org/boards/${board.id}/archive`)).status).toBe(409)

    for (const c of clients.splice(0)) c.destroy()
    await ok(anna.call('POST', `/api/org/boards/${board.id}/restore`))
    const writer = connect(board, 'participant')
    const watcher = connect(board, 'observer')
    await Promise.all([writer.synced(), watcher.synced()])
    writeDocRecords(writer.doc, note('shape:after-restore'))
    await whenDoc(watcher.doc, () => recordIds(watcher.doc).includes('shape:after-restore'))
    expect(await storedRecordIds(board.id)).toEqual(['shape:after-restore'])
  })

  it('[OW11] delete needs the title, hides the board, is restorable in the grace period, then the purge job removes every trace', async () => {
    const board = await newBoard('Kansenanalyse sessie 1')
    const keep = await newBoard('Blijft')
    const writer = connect(board, 'facilitator')
    await writer.synced()
    writeDocRecords(writer.doc, note('shape:gone'))
    await awarenessArrives(writer, connect(board, 'observer'), 'Anna')
    const fac = {
      authorization: `Bearer ${tokenOf(board.links.facilitator)}`,
      'content-type': 'application/json',
    }
    const post = (path: string, body: unknown) =>
      fetch(`${srv.url}/api/boards/${board.id}${path}`, {
        method: 'POST',
        headers: fac,
        body: JSON.stringify(body),
      })
    expect((await post('/sessions', { name: 'Na sessie 1' })).status).toBe(201)
    expect((await post('/join-code', {})).status).toBe(200)
    const round = (await (
      await post('/facilitation', { action: 'round.open', title: 'Ronde 1' })
    ).json()) as {
      roundId?: string
    }
    expect(round.roundId).toEqual(expect.any(String))
    expect((await post('/rounds/participant', {})).status).toBe(201)

    expect(
      (await anna.call('DELETE', `/api/org/boards/${board.id}`, { confirmTitle: 'Kansenanalyse' })).status,
    ).toBe(409)
    const t0 = Date.now()
    const { deleteAfter } = await ok(
      anna.call<{ deleteAfter: number }>('DELETE', `/api/org/boards/${board.id}`, {
        confirmTitle: 'Kansenanalyse sessie 1',
      }),
    )
    expect(deleteAfter).toBeGreaterThanOrEqual(t0 + 30 * 86_400_000)
    expect(
      (await ok(anna.call<SearchBoardsResponse>('GET', '/api/org/boards'))).boards.map((b) => b.id),
    ).toEqual([keep.id])
    const deleted = await ok(anna.call<SearchBoardsResponse>('GET', '/api/org/boards?deleted=1'))
    expect(deleted.boards.map((b) => [b.id, b.deleteAfter])).toEqual([[board.id, deleteAfter]])
    // Restorable within the grace period, and deletable again.
    await ok(anna.call('POST', `/api/org/boards/${board.id}/restore`))
    const again = await ok(
      anna.call<{ deleteAfter: number }>('DELETE', `/api/org/boards/${board.id}`, {
        confirmTitle: 'Kansenanalyse sessie 1',
      }),
    )

    // The server's purge job (PURGE_INTERVAL_MS 0: it never runs by itself here), run at the test's times.
    const purger = srv.server.purger
    const hooked: string[] = []
    purger.onPurge(async (id) => {
      hooked.push(id)
    })
    expect(await purger.run(again.deleteAfter - 1)).toEqual([])
    expect(await purger.run(again.deleteAfter)).toEqual([board.id])
    expect(hooked).toEqual([board.id])
    for (const c of clients.splice(0)) c.destroy()

    expect((await anna.call('POST', `/api/org/boards/${board.id}/restore`)).status).toBe(404)
    const session = await fetch(`${srv.url}/api/boards/${board.id}/session`, {
      headers: { authorization: `Bearer ${tokenOf(board.links.facilitator)}` },
    })
    expect(session.status).toBe(404)
    // No row of any table in the SQLite file mentions the board's id; the other board is whole.
    const db = new DatabaseSync(join(srv.dataDir, SQLITE_FILE), { readOnly: true })
    const mentions = rowsMentioning(db, board.id)
    expect(mentions).toEqual([])
    expect(rowsMentioning(db, keep.id).length).toBeGreaterThan(0)
    db.close()
    const audit = await ok(anna.call<AuditEntry[]>('GET', `/api/projects/${project.id}/audit`))
    expect(audit[0]).toMatchObject({
      action: 'board.purged',
      actor: null,
      detail: { title: 'Kansenanalyse sessie 1' },
    })
    expect(audit.some((a) => a.boardId === board.id)).toBe(false)
  })

  it('[OW12] the audit log keeps organiser and facilitator actions with actor and time, for members only', async () => {
    const board = await newBoard('Quickscan')
    await ok(anna.call('PATCH', `/api/org/boards/${board.id}`, { title: 'Quickscan Veenhoek' }))
    await ok(anna.call('POST', `/api/org/boards/${board.id}/open`))
    const fac = {
      authorization: `Bearer ${tokenOf(board.links.facilitator)}`,
      'content-type': 'application/json',
    }
    const post = (path: string, body: unknown) =>
      fetch(`${srv.url}/api/boards/${board.id}${path}`, {
        method: 'POST',
        headers: fac,
        body: JSON.stringify(body),
      })
    expect((await post('/facilitation', { action: 'lock', structure: true, valueCards: true })).status).toBe(
      200,
    )
    expect(
      (await post('/facilitation', { action: 'lock', structure: false, valueCards: false })).status,
    ).toBe(200)
    expect((await post('/links', { role: 'participant' })).status).toBe(201)
    expect((await post('/links/revoke', { role: 'observer' })).status).toBe(200)
    expect(
      (await fetch(`${srv.url}/api/boards/${board.id}/programma?format=md`, { headers: fac })).status,
    ).toBe(200)
    await ok(anna.call('POST', `/api/org/boards/${board.id}/archive`))
    await ok(anna.call('POST', `/api/org/boards/${board.id}/restore`))
    await ok(anna.call('POST', `/api/org/boards/${board.id}/duplicate`, { withContent: false }), 201)

    const audit = await ok(anna.call<AuditEntry[]>('GET', `/api/projects/${project.id}/audit`))
    const mine = audit.filter((a) => a.boardId === board.id || a.action === 'board.duplicated').reverse()
    expect(mine.map((a) => a.action)).toEqual([
      'board.created',
      'board.renamed',
      'board.opened',
      'board.locked',
      'board.unlocked',
      'links.issued',
      'links.revoked',
      'board.exported',
      'board.archived',
      'board.restored',
      'board.duplicated',
    ])
    const anna_ = { id: anna.id, name: 'Anna' }
    expect(mine[0]).toMatchObject({ actor: anna_, detail: { title: 'Quickscan' } })
    expect(mine[1]).toMatchObject({ actor: anna_, detail: { from: 'Quickscan', to: 'Quickscan Veenhoek' } })
    expect(mine[3]).toMatchObject({ actor: null, detail: { by: 'facilitator link', structure: true } })
    expect(mine[7]).toMatchObject({ detail: { format: 'md' } })
    for (let i = 1; i < mine.length; i++) expect(mine[i]!.at).toBeGreaterThanOrEqual(mine[i - 1]!.at)
    expect(audit.at(-1)?.action).toBe('project.created')
    // Bram is no member: he gets the not-found of the project; once a member, he reads it.
    expect((await bram.call('GET', `/api/projects/${project.id}/audit`)).status).toBe(404)
    await ok(
      anna.call('POST', `/api/workspaces/${workspace.id}/members`, { email: bram.email, role: 'member' }),
      201,
    )
    expect((await bram.call<AuditEntry[]>('GET', `/api/projects/${project.id}/audit`)).body).toEqual(audit)
  })

  it('[OW13] the list gives project, workspace, last opened and who is on a board now; openBoard gives working links', async () => {
    const board = await newBoard('Live')
    const { links } = await ok(
      anna.call<{ links: CreateBoardResponse['links'] }>('POST', `/api/org/boards/${board.id}/open`),
    )
    const c = connect({ ...board, links }, 'facilitator')
    await c.synced()
    const session = await fetch(`${srv.url}/api/boards/${board.id}/session`, {
      headers: { authorization: `Bearer ${tokenOf(links.facilitator)}` },
    })
    expect(((await session.json()) as { role: string }).role).toBe('facilitator')
    const listed = await ok(anna.call<SearchBoardsResponse>('GET', '/api/org/boards?q=live'))
    expect(listed.boards).toEqual([
      expect.objectContaining({
        id: board.id,
        projectId: project.id,
        projectName: project.name,
        workspaceId: workspace.id,
        workspaceName: 'Gemeente Veendam',
        lastOpenedAt: expect.any(Number),
        archivedAt: null,
        deleteAfter: null,
        liveCount: 1,
      }),
    ])
    // Anna's own board made without a project is hers alone, under "Zonder project".
    const loose = await ok(
      anna.call<CreateBoardResponse>('POST', '/api/boards', { title: 'Losse schets' }),
      201,
    )
    const none = await ok(anna.call<SearchBoardsResponse>('GET', '/api/org/boards?projectId=none'))
    expect(none.boards.map((b) => [b.id, b.projectId])).toEqual([[loose.id, null]])
    expect((await ok(bram.call<SearchBoardsResponse>('GET', '/api/org/boards'))).boards).toEqual([])
    // An import by a signed-in organiser is theirs too.
    const imported = await ok(
      anna.call<CreateBoardResponse>('POST', '/api/boards/import?title=Ingelezen', fixture),
      201,
    )
    const after = await ok(anna.call<SearchBoardsResponse>('GET', '/api/org/boards?projectId=none'))
    expect(after.boards.map((b) => b.id).sort()).toEqual([loose.id, imported.id].sort())
  })

  it('[OW13] a board’s updatedAt follows its last edit, and the list puts it first', async () => {
    const edited = await newBoard('Wordt bewerkt')
    const other = await newBoard('Later gemaakt')
    const before = await ok(anna.call<SearchBoardsResponse>('GET', '/api/org/boards'))
    expect(before.boards.map((b) => b.id)).toEqual([other.id, edited.id])
    const at0 = before.boards[1]!.updatedAt
    const writer = connect(edited, 'participant')
    await writer.synced()
    writeDocRecords(writer.doc, note('shape:edit'))
    // Polling the list until the edit's time is recorded (written after the update is stored), bounded.
    const deadline = Date.now() + 5000
    let first: OrgBoard | undefined
    while (Date.now() < deadline) {
      first = (await ok(anna.call<SearchBoardsResponse>('GET', '/api/org/boards'))).boards[0]
      if (first?.id === edited.id) break
      await new Promise((resolve) => setTimeout(resolve, 25)) // polling a condition, not synchronising
    }
    expect(first?.id).toBe(edited.id)
    expect(first!.updatedAt).toBeGreaterThan(at0)
  })

  it('[OW1] members: added by their sign-in email, once; an unknown email is 404; the last owner stays', async () => {
    const unknown = await anna.call<{ error: { code: string } }>(
      'POST',
      `/api/workspaces/${workspace.id}/members`,
      {
        email: 'niemand@gemeente.example',
        role: 'member',
      },
    )
    expect([unknown.status, unknown.body.error.code]).toEqual([404, 'NOT_FOUND'])
    await ok(
      anna.call('POST', `/api/workspaces/${workspace.id}/members`, { email: bram.email, role: 'owner' }),
      201,
    )
    const twice = await anna.call('POST', `/api/workspaces/${workspace.id}/members`, {
      email: bram.email,
      role: 'member',
    })
    expect(twice.status).toBe(409)
    const members = await ok(
      anna.call<{ id: string; name: string; role: string }[]>(
        'GET',
        `/api/workspaces/${workspace.id}/members`,
      ),
    )
    expect(members.map((m) => [m.name, m.role])).toEqual([
      ['Anna', 'owner'],
      ['Bram', 'owner'],
    ])
    await ok(bram.call('DELETE', `/api/workspaces/${workspace.id}/members/${anna.id}`))
    const last = await bram.call('DELETE', `/api/workspaces/${workspace.id}/members/${bram.id}`)
    expect(last.status).toBe(409)
    // Anna is out: the workspace is gone for her, as if it never was.
    expect((await anna.call('GET', `/api/workspaces/${workspace.id}/projects`)).status).toBe(404)
    expect(await ok(anna.call<Workspace[]>('GET', '/api/workspaces'))).toEqual([])
  })

  it('[OW3] pages through many boards with the cursor, without gaps or repeats; a forged cursor is refused', async () => {
    const made: string[] = []
    for (let i = 0; i < 7; i++) made.push((await newBoard(`Sessie ${i}`)).id)
    const seen: string[] = []
    let cursor: string | null = null
    do {
      const page: SearchBoardsResponse = await ok(
        anna.call<SearchBoardsResponse>('GET', `/api/org/boards?limit=3${cursor ? `&cursor=${cursor}` : ''}`),
      )
      expect(page.boards.length).toBeLessThanOrEqual(3)
      seen.push(...page.boards.map((b) => b.id))
      cursor = page.nextCursor
    } while (cursor)
    expect(seen.sort()).toEqual(made.sort())
    const forged = await anna.call<{ error: { code: string } }>('GET', '/api/org/boards?cursor=bm9wZQ')
    expect([forged.status, forged.body.error.code]).toEqual([400, 'BAD_REQUEST'])
  })
})

/** Every row of every table whose text or bytes contain `needle`, as `table: row`. */
function rowsMentioning(db: DatabaseSync, needle: string): string[] {
  const bytes = Buffer.from(needle)
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all()
  const found: string[] = []
  for (const { name } of tables) {
    for (const row of db.prepare(`SELECT * FROM "${String(name)}"`).all()) {
      const hit = Object.values(row).some((v) =>
        v instanceof Uint8Array ? Buffer.from(v).includes(bytes) : String(v).includes(needle),
      )
      if (hit) found.push(`${String(name)}: ${JSON.stringify(row)}`)
    }
  }
  return found
}

describe('the grace period', () => {
  it('[OW11] once the grace period is over a deleted board cannot be restored, even before the purge job ran', async () => {
    const server = await startServer({ DELETE_GRACE_DAYS: '0', PURGE_INTERVAL_MS: '0' })
    try {
      const carla = await signIn(server.url, server.storage.organisers, 'Carla')
      const board = await ok(carla.call<CreateBoardResponse>('POST', '/api/boards', { title: 'Kort' }), 201)
      await ok(carla.call('DELETE', `/api/org/boards/${board.id}`, { confirmTitle: 'Kort' }))
      expect((await carla.call('POST', `/api/org/boards/${board.id}/restore`)).status).toBe(404)
      expect(await server.server.purger.run()).toEqual([board.id])
    } finally {
      await server.close()
    }
  })
})
