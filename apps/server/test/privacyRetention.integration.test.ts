import { randomBytes } from 'node:crypto'
import { ERASED_PERSON_NAME } from '@waardentafel/domain'
import type { CreateBoardResponse } from '@waardentafel/protocol'
import { readDocRecords, writeDocRecords } from '@waardentafel/tldraw-yjs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { PersonalData } from '../src/org/privacy/PersonalData.ts'
import { RetentionJob } from '../src/org/privacy/RetentionJob.ts'
import { ManualClock } from '../src/room/testing/ManualClock.ts'
import { connectClient, startServer, type TestClient, type TestServer, whenDoc } from './harness.ts'

// The retention job against a real server and SQLite file, with a y-websocket client on each board: the job's
// clock is moved by days and months; the boards are edited by real clients in between.

const DAY = 86_400_000
const START = Date.UTC(2026, 0, 10, 3, 0, 0)
let srv: TestServer
let time: ManualClock
let job: RetentionJob
const clients: TestClient[] = []
const errors: unknown[] = []

beforeEach(async () => {
  srv = await startServer()
  time = new ManualClock()
  job = new RetentionJob({
    personal: new PersonalData({
      rooms: srv.server.rooms,
      log: srv.storage.log,
      personal: srv.storage.privacy,
    }),
    store: srv.storage.privacy,
    workspaces: srv.storage.workspaces,
    rooms: srv.server.rooms,
    clock: { now: () => START + time.now() },
    scheduler: time,
    defaultMonths: 24,
    onError: (_board, error) => errors.push(error),
  })
})
afterEach(async () => {
  await job.stop()
  for (const c of clients.splice(0)) c.destroy()
  await srv.close()
  expect(errors).toEqual([])
})

const user = (id: string, name: string) => ({
  id,
  typeName: 'user',
  name,
  color: '#1f77b4',
  imageUrl: '',
  meta: {},
})
const note = (id: string, text: string) => ({
  id,
  typeName: 'shape',
  type: 'note',
  x: 0,
  y: 0,
  rotation: 0,
  index: 'a1',
  parentId: 'page:page',
  isLocked: false,
  opacity: 1,
  props: { richText: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] } },
  meta: {},
})

/** A board, placed in `projectId` (or not placed at all), with a participant on it who wrote a note and is named. */
async function board(title: string, projectId: string | null | undefined, person: string) {
  const created = await srv.createBoard(title)
  if (projectId !== undefined)
    await srv.storage.workspaces.placeBoard({
      boardId: created.id,
      projectId,
      ownerId: 'org-owner',
      title,
      createdAt: START,
      updatedAt: START,
      lastOpenedAt: null,
      archivedAt: null,
      deleteRequestedAt: null,
      deleteAfter: null,
    })
  const client = connectClient(srv.wsUrl, created, 'participant')
  clients.push(client)
  await client.synced()
  writeDocRecords(client.doc, {
    records: [note('shape:n1', `${person}: meer bankjes`), user(`user:${title}`, `${person} (Buurt)`)],
    schema: null,
  })
  await stored(created, person)
  return { board: created, client }
}

/** Resolves once the server has stored the text (a second client sees it). */
async function stored(board: CreateBoardResponse, text: string) {
  const check = connectClient(srv.wsUrl, board, 'observer')
  await check.synced()
  await whenDoc(check.doc, () => JSON.stringify(readDocRecords(check.doc).records).includes(text))
  check.destroy()
}

const named = (client: TestClient, name: string) =>
  JSON.stringify(readDocRecords(client.doc).records).includes(name)

/** Moves the job's clock on and waits for the run it starts (the daily timer fires on the way). */
async function advance(ms: number) {
  time.advance(ms)
  return job.run()
}

describe('the retention job', () => {
  it("[AV12] erases and archives a board once its last edit is its project's retention old, later edits postpone it, boards without a project wait the default", async () => {
    const workspaceId = `ws${randomBytes(3).toString('hex')}`
    await srv.storage.workspaces.createWorkspace(
      { id: workspaceId, name: 'Gemeente', createdAt: START },
      'org-owner',
    )
    const projectId = `pr${randomBytes(3).toString('hex')}`
    await srv.storage.workspaces.createProject({
      id: projectId,
      workspaceId,
      name: 'Korte bewaartermijn',
      gebied: '',
      gemeente: '',
      kernteam: [],
      retentionMonths: 1,
      phase: 'quickscan',
      createdAt: START,
      updatedAt: START,
    })
    const a = await board('a', projectId, 'Anna de Vries')
    const c = await board('c', projectId, 'Cor Visser')
    const b = await board('b', undefined, 'Bram Bos')

    job.start()
    const first = await job.run()
    expect(first).toEqual({ boards: 3, erased: [], archived: [] })

    // Two weeks later someone edits board c: its month starts again.
    await advance(14 * DAY)
    writeDocRecords(c.client.doc, { records: [note('shape:n2', 'Nog een idee')], schema: null })
    await stored(c.board, 'Nog een idee')
    expect((await advance(DAY)).erased).toEqual([])

    // A month after the first look board a is due: erased (the client on it sees it) and archived, its sockets
    // closed so they come back read-only.
    const reconnected = new Promise<number>((resolve) =>
      a.client.provider.once('connection-close', (event: CloseEvent | null) => resolve(event?.code ?? 0)),
    )
    const month = await advance(Date.UTC(2026, 1, 10, 3) - START - 15 * DAY)
    expect(month).toEqual({ boards: 3, erased: [a.board.id], archived: [a.board.id] })
    await whenDoc(a.client.doc, () => !named(a.client, 'Anna de Vries'))
    expect(readDocRecords(a.client.doc).records.find((r) => r.typeName === 'user')).toMatchObject({
      name: ERASED_PERSON_NAME,
      color: '',
    })
    expect((await srv.storage.workspaces.getPlacement(a.board.id))?.archivedAt).toBe(START + time.now())
    expect(await reconnected).toBe(1001)
    const audit = await srv.storage.workspaces.listAudit(projectId, 10)
    expect(audit.find((line) => line.action === 'retention.erased')).toMatchObject({
      boardId: a.board.id,
      actorId: null,
      detail: { months: 1, archived: true },
    })
    expect(named(c.client, 'Cor Visser')).toBe(true)

    // A day later nothing new; a month after its edit board c follows.
    expect((await advance(DAY)).erased).toEqual([])
    expect((await advance(14 * DAY)).erased).toEqual([c.board.id])
    await whenDoc(c.client.doc, () => !named(c.client, 'Cor Visser'))
    expect(named(b.client, 'Bram Bos')).toBe(true)

    // The board without a project keeps its names for the default 24 months, then loses them (nothing to archive).
    expect((await advance(300 * DAY)).erased).toEqual([])
    const late = await advance(Date.UTC(2028, 0, 10, 3) - START - time.now())
    expect(late).toEqual({ boards: 3, erased: [b.board.id], archived: [] })
    await whenDoc(b.client.doc, () => !named(b.client, 'Bram Bos'))
    const bytes = await srv.storage.log.loadDoc(b.board.id)
    const text = [bytes.snapshot, ...bytes.updates.map((u) => u.data)]
      .filter((p) => p !== null)
      .map((p) => Buffer.from(p).toString('utf8'))
      .join('')
    expect(text).not.toContain('Bram Bos')
    // Erased once: the erasure itself is not an edit that starts the clock again.
    expect((await advance(800 * DAY)).erased).toEqual([])
  })
})
