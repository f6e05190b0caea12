import { randomBytes } from 'node:crypto'
import type { CreateBoardResponse } from '@waardentafel/protocol'
import { readDocRecords, writeDocRecords } from '@waardentafel/tldraw-yjs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { hashPassword } from '../src/org/auth/passwords.ts'
import { connectClient, startServer, type TestClient, type TestServer, tokenOf, whenDoc } from './harness.ts'

// What leaves a board (the snapshot download, the Programma van Waarden, a restored session) carries no visitor's
// tldraw `user` record, while the board itself keeps them for attribution. Real server, SQLite file and client.

let srv: TestServer
const clients: TestClient[] = []
beforeEach(async () => {
  srv = await startServer()
})
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy()
  await srv.close()
})

const VISITOR = 'Wilma Bezoeker'
const call = (board: CreateBoardResponse, method: string, path: string, body?: unknown) =>
  fetch(`${srv.url}/api/boards/${board.id}/${path}`, {
    method,
    headers: {
      authorization: `Bearer ${tokenOf(board.links.facilitator)}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })

async function boardWithVisitor() {
  const board = await srv.createBoard('Bewonersavond')
  const client = connectClient(srv.wsUrl, board, 'participant')
  clients.push(client)
  await client.synced()
  const card = {
    id: 'shape:v1',
    typeName: 'shape',
    type: 'wt-value-card',
    x: 0,
    y: 0,
    rotation: 0,
    index: 'a1',
    parentId: 'page:page',
    isLocked: false,
    opacity: 1,
    props: { valueKey: 'vergroenen', name: 'Groen' },
    meta: {},
  }
  const user = {
    id: 'user:w',
    typeName: 'user',
    name: `${VISITOR} (Buurt)`,
    color: '#2ca02c',
    imageUrl: '',
    meta: {},
  }
  writeDocRecords(client.doc, { records: [card, user], schema: null })
  const check = connectClient(srv.wsUrl, board, 'observer')
  clients.push(check)
  await check.synced()
  await whenDoc(check.doc, () => readDocRecords(check.doc).records.some((r) => r.id === 'user:w'))
  return { board, client }
}

describe('what leaves the board', () => {
  it('[AV13] the snapshot download and every Programma van Waarden format hold no user record; the board keeps it', async () => {
    const { board, client } = await boardWithVisitor()
    const snapshot = (await (await call(board, 'GET', 'snapshot')).json()) as { records: { id: string }[] }
    expect(snapshot.records.map((r) => r.id)).toContain('shape:v1')
    expect(JSON.stringify(snapshot)).not.toContain(VISITOR)
    for (const format of ['json', 'md', 'html']) {
      const res = await call(board, 'GET', `programma?format=${format}`)
      expect(res.status).toBe(200)
      const text = await res.text()
      expect(text).not.toContain(VISITOR)
    }
    expect(readDocRecords(client.doc).records.find((r) => r.id === 'user:w')).toMatchObject({
      color: '#2ca02c',
    })
  })

  it('[AV14] a saved session keeps the user records (attribution on the board); a restore as a new board does not', async () => {
    const { board } = await boardWithVisitor()
    const saved = (await (await call(board, 'POST', 'sessions', { name: 'Sessie 1' })).json()) as {
      id: string
    }
    const [stored] = await srv.storage.privacy.sessionsOfBoard(board.id)
    expect(stored?.data).toContain(VISITOR)
    const restored = (await (
      await call(board, 'POST', `sessions/${saved.id}/restore`, {})
    ).json()) as CreateBoardResponse
    const copy = connectClient(srv.wsUrl, restored, 'observer')
    clients.push(copy)
    await copy.synced()
    await whenDoc(copy.doc, () => readDocRecords(copy.doc).records.some((r) => r.id === 'shape:v1'))
    expect(readDocRecords(copy.doc).records.some((r) => r.typeName === 'user')).toBe(false)
    expect(JSON.stringify(readDocRecords(copy.doc).records)).not.toContain(VISITOR)
  })

  it('[AV16] a board duplicated with its content starts without the user records of the original', async () => {
    const { board } = await boardWithVisitor()
    const id = `org-${randomBytes(6).toString('hex')}`
    const password = randomBytes(12).toString('base64url')
    const passwordHash = await hashPassword(password, { logN: 10, r: 8, p: 1 })
    const email = `${id}@gemeente.example`
    await srv.storage.organisers.createOrganiser({
      id,
      name: 'Olga',
      email,
      passwordHash,
      oidc: null,
      createdAt: 1,
    })
    const signedIn = await fetch(`${srv.url}/api/auth/local`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    })
    const { csrfToken } = (await signedIn.json()) as { csrfToken: string }
    const cookie = signedIn.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ')
    await srv.storage.workspaces.placeBoard({
      boardId: board.id,
      projectId: null,
      ownerId: id,
      title: board.title,
      createdAt: 1,
      updatedAt: 1,
      lastOpenedAt: null,
      archivedAt: null,
      deleteRequestedAt: null,
      deleteAfter: null,
    })
    const res = await fetch(`${srv.url}/api/org/boards/${board.id}/duplicate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
      body: JSON.stringify({ withContent: true }),
    })
    expect(res.status).toBe(201)
    const copy = connectClient(srv.wsUrl, (await res.json()) as CreateBoardResponse, 'observer')
    clients.push(copy)
    await copy.synced()
    await whenDoc(copy.doc, () => readDocRecords(copy.doc).records.some((r) => r.id === 'shape:v1'))
    expect(JSON.stringify(readDocRecords(copy.doc).records)).not.toContain(VISITOR)
  })
})
