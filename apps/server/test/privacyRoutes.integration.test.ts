import { randomBytes } from 'node:crypto'
import { ERASED_PERSON_NAME, plainTextToRichText } from '@waardentafel/domain'
import type { ErasePersonResponse, PersonInzage } from '@waardentafel/protocol'
import { readDocRecords, writeDocRecords } from '@waardentafel/tldraw-yjs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { hashPassword } from '../src/org/auth/passwords.ts'
import { connectClient, startServer, type TestClient, type TestServer, whenDoc } from './harness.ts'

// The inzage and erasure routes on a real server with a real SQLite file: organisers signed in through the real
// local sign-in, a workspace with an owner and a member, a board with a participant connected while Anna is erased.

const NAME = 'Anna de Vries'
let srv: TestServer
const clients: TestClient[] = []
beforeEach(async () => {
  srv = await startServer()
})
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy()
  await srv.close()
})

type Caller = (
  method: string,
  path: string,
  body?: unknown,
  headers?: Record<string, string>,
) => Promise<Response>

/** An organiser stored with a password and signed in through `POST /api/auth/local`. */
async function signIn(name: string): Promise<{ id: string; name: string; cookie: string; call: Caller }> {
  const id = `org-${randomBytes(6).toString('hex')}`
  const email = `${id}@gemeente.example`
  const password = randomBytes(12).toString('base64url')
  const passwordHash = await hashPassword(password, { logN: 10, r: 8, p: 1 })
  await srv.storage.organisers.createOrganiser({
    id,
    name,
    email,
    passwordHash,
    oidc: null,
    createdAt: Date.now(),
  })
  const res = await fetch(`${srv.url}/api/auth/local`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  })
  expect(res.status).toBe(200)
  const { csrfToken } = (await res.json()) as { csrfToken: string }
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ')
  return { id, name, cookie, call: caller({ cookie, 'x-csrf-token': csrfToken }) }
}

const caller =
  (auth: Record<string, string>): Caller =>
  (method, path, body, headers = {}) =>
    fetch(`${srv.url}${path}`, {
      method,
      headers: { ...auth, ...(method === 'GET' ? {} : { 'content-type': 'application/json' }), ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })

/** A workspace (owner, member), a project whose kernteam names Anna, and a board with Anna on it, a client on it. */
async function workspaceWithAnna() {
  const [owner, member, stranger] = [
    await signIn('Olga Owner'),
    await signIn('Mo Member'),
    await signIn('Sam'),
  ]
  const workspaceId = `ws${randomBytes(4).toString('hex')}`
  const projectId = `pr${randomBytes(4).toString('hex')}`
  const ws = srv.storage.workspaces
  await ws.createWorkspace({ id: workspaceId, name: 'Gemeente Zwolle', createdAt: 1 }, owner.id)
  await ws.addMember({ workspaceId, organiserId: member.id, role: 'member', addedAt: 2 })
  await ws.createProject({
    id: projectId,
    workspaceId,
    name: 'De Veenhoek',
    gebied: 'Veenhoek',
    gemeente: 'Zwolle',
    kernteam: [`${NAME} (projectleider)`, 'Kees Bos'],
    retentionMonths: 24,
    phase: 'quickscan',
    createdAt: 3,
    updatedAt: 3,
  })
  const board = await srv.createBoard('Quickscan Veenhoek')
  await ws.placeBoard({
    boardId: board.id,
    projectId,
    ownerId: owner.id,
    title: board.title,
    createdAt: 4,
    updatedAt: 4,
    lastOpenedAt: null,
    archivedAt: null,
    deleteRequestedAt: null,
    deleteAfter: null,
  })
  // A board of another workspace that names Anna too: never searched from this one.
  const elsewhere = await srv.createBoard('Elders')
  const client = connectClient(srv.wsUrl, board, 'participant')
  const other = connectClient(srv.wsUrl, elsewhere, 'participant')
  clients.push(client, other)
  await Promise.all([client.synced(), other.synced()])
  const note = {
    id: 'shape:n1',
    typeName: 'shape',
    type: 'note',
    x: 0,
    y: 0,
    rotation: 0,
    index: 'a1',
    parentId: 'page:page',
    isLocked: false,
    opacity: 1,
    props: { richText: plainTextToRichText(`${NAME}: meer groen`) },
    meta: {},
  }
  const user = {
    id: 'user:anna',
    typeName: 'user',
    name: `${NAME} (GGD)`,
    color: '#1f77b4',
    imageUrl: '',
    meta: {},
  }
  writeDocRecords(client.doc, { records: [note, user], schema: null })
  writeDocRecords(other.doc, { records: [note], schema: null })
  const observer = connectClient(srv.wsUrl, board, 'observer')
  clients.push(observer)
  await observer.synced()
  await whenDoc(observer.doc, () => readDocRecords(observer.doc).records.some((r) => r.id === 'user:anna'))
  return { owner, member, stranger, workspaceId, projectId, board, elsewhere, client, other }
}

const inzagePath = (ws: string, name = NAME) =>
  `/api/workspaces/${ws}/privacy/person?name=${encodeURIComponent(name)}`
const erasePath = (ws: string) => `/api/workspaces/${ws}/privacy/erase`
const code = async (res: Response) => ((await res.json()) as { error?: { code?: string } }).error?.code

describe('privacy routes', () => {
  it('[AV7] only the workspace owner may: signed out 401, a stranger 404 as if absent, a member 403, no CSRF token 403', async () => {
    const { owner, member, stranger, workspaceId } = await workspaceWithAnna()
    const signedOut = caller({})
    for (const [call, status, expected] of [
      [signedOut, 401, 'SIGN_IN_REQUIRED'],
      [stranger.call, 404, 'WORKSPACE_NOT_FOUND'],
      [member.call, 403, 'FORBIDDEN'],
    ] as const) {
      const inzage = await call('GET', inzagePath(workspaceId))
      expect([inzage.status, await code(inzage)]).toEqual([status, expected])
      const erase = await call('POST', erasePath(workspaceId), { name: NAME, confirm: true })
      expect([erase.status, await code(erase)]).toEqual([status, expected])
    }
    const absent = await owner.call('GET', inzagePath('nope'))
    expect([absent.status, await code(absent)]).toEqual([404, 'WORKSPACE_NOT_FOUND'])
    // The owner's own session, but without its CSRF token: refused before the handler.
    const noCsrf = await caller({ cookie: owner.cookie })('POST', erasePath(workspaceId), {
      name: NAME,
      confirm: true,
    })
    expect([noCsrf.status, await code(noCsrf)]).toEqual([403, 'CSRF_FAILED'])
    // Nothing was erased by any of them.
    const still = (await (await owner.call('GET', inzagePath(workspaceId))).json()) as PersonInzage
    expect(still.boards).toHaveLength(1)
  })

  it('[AV8] a name that cannot be looked for and an erasure without confirm are refused with documented codes', async () => {
    const { owner, workspaceId } = await workspaceWithAnna()
    for (const name of ['A', 'x'.repeat(81), 'verwijderde deelnemer', '  ']) {
      const res = await owner.call('GET', inzagePath(workspaceId, name))
      expect([res.status, await code(res)]).toEqual([400, 'BAD_REQUEST'])
    }
    const noName = await owner.call('GET', `/api/workspaces/${workspaceId}/privacy/person`)
    expect([noName.status, await code(noName)]).toEqual([400, 'BAD_REQUEST'])
    for (const body of [{ name: NAME }, { name: NAME, confirm: 'yes' }, { name: 'A', confirm: true }, []]) {
      const res = await owner.call('POST', erasePath(workspaceId), body)
      expect([res.status, await code(res)]).toEqual([400, 'INVALID_BODY'])
    }
  })

  it('[AV9] inzage as JSON and as a download: the board, its records and the kernteam, nothing of another workspace', async () => {
    const { owner, workspaceId, projectId, board } = await workspaceWithAnna()
    const res = await owner.call('GET', inzagePath(workspaceId, 'anna de vries'))
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toBe('no-store')
    const inzage = (await res.json()) as PersonInzage
    expect(inzage).toMatchObject({
      format: 'waardentafel.inzage',
      version: 1,
      workspaceId,
      boardsSearched: 1,
      projects: [{ projectId, name: 'De Veenhoek', kernteam: [`${NAME} (projectleider)`] }],
    })
    expect(inzage.boards.map((b) => [b.boardId, b.projectId])).toEqual([[board.id, projectId]])
    expect(inzage.boards[0]?.document.map((m) => m.recordId).sort()).toEqual(['shape:n1', 'user:anna'])
    const download = await owner.call('GET', `${inzagePath(workspaceId)}&download=1`)
    expect(download.headers.get('content-disposition')).toMatch(
      /^attachment; filename="inzage-\d{4}-\d{2}-\d{2}\.json"$/,
    )
    expect(((await download.json()) as PersonInzage).boards).toHaveLength(1)
  })

  it('[AV10] erasure through the route: the connected client sees it, the kernteam and audit log follow, another workspace keeps its board', async () => {
    const { owner, workspaceId, projectId, board, client, other } = await workspaceWithAnna()
    const res = await owner.call('POST', erasePath(workspaceId), { name: NAME, confirm: true })
    expect(res.status).toBe(200)
    expect((await res.json()) as ErasePersonResponse).toEqual({
      boardsSearched: 1,
      boards: [{ boardId: board.id, document: 2, ballots: 0, sessions: 0 }],
      projects: 1,
    })
    await whenDoc(client.doc, () => !JSON.stringify(readDocRecords(client.doc).records).includes(NAME))
    expect(readDocRecords(client.doc).records.find((r) => r.id === 'user:anna')).toMatchObject({
      name: ERASED_PERSON_NAME,
      color: '',
    })
    expect(JSON.stringify(readDocRecords(other.doc).records)).toContain(NAME)
    const project = await srv.storage.workspaces.getProject(projectId)
    expect(project?.kernteam).toEqual([`${ERASED_PERSON_NAME} (projectleider)`, 'Kees Bos'])
    const audit = await srv.storage.workspaces.listAudit(projectId, 10)
    const line = audit.find((a) => a.action === 'privacy.erase')
    expect(line).toMatchObject({ actorId: owner.id, boardId: board.id, detail: { document: 2 } })
    expect(JSON.stringify(audit)).not.toContain(NAME)
    const after = (await (await owner.call('GET', inzagePath(workspaceId))).json()) as PersonInzage
    expect([after.boards, after.projects]).toEqual([[], []])
  })
})
