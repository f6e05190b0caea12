import { type CreateBoardResponse, OrgRoutes, type Project, type Workspace } from '@waardentafel/protocol'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer, type TestServer } from './harness.ts'
import { makeOrganiser, type OrgClient, signedOut, signIn } from './orgSupport.ts'

/**
 * The access matrix of docs/security.md ("Workspaces and projects: who may do what"), against a real server: every
 * organisation route, asked by the owner of workspace A, a member of A, the owner of workspace B and a signed-out
 * client. Each case gets fresh things to act on, so destructive routes do not change the next case.
 */
type Who = 'ownerA' | 'memberA' | 'ownerB' | 'signedOut'
type Case = { method: string; path: string; body?: unknown }
type Row = {
  prepare: () => Promise<Case>
  expected: Record<Who, number>
}

let srv: TestServer
const clients = {} as Record<Who, OrgClient>
let workspaceA: Workspace
let projectA: Project

async function ok<T>(promise: Promise<{ status: number; body: T }>, status: number): Promise<T> {
  const res = await promise
  expect(res.status, JSON.stringify(res.body)).toBe(status)
  return res.body
}

const freshBoard = async () =>
  ok(
    clients.ownerA.call<CreateBoardResponse>('POST', `/api/projects/${projectA.id}/boards`, {
      title: 'Kansenanalyse',
    }),
    201,
  )

beforeAll(async () => {
  srv = await startServer()
  clients.ownerA = await signIn(srv.url, srv.storage.organisers, 'Anna')
  clients.memberA = await signIn(srv.url, srv.storage.organisers, 'Bram')
  clients.ownerB = await signIn(srv.url, srv.storage.organisers, 'Cas')
  clients.signedOut = signedOut(srv.url)
  workspaceA = await ok(
    clients.ownerA.call<Workspace>('POST', '/api/workspaces', { name: 'Gemeente A' }),
    201,
  )
  await ok(clients.ownerB.call('POST', '/api/workspaces', { name: 'Bureau B' }), 201)
  await ok(
    clients.ownerA.call('POST', `/api/workspaces/${workspaceA.id}/members`, {
      email: clients.memberA.email,
      role: 'member',
    }),
    201,
  )
  projectA = await ok(
    clients.ownerA.call<Project>('POST', `/api/workspaces/${workspaceA.id}/projects`, {
      name: 'De Veenhoek',
    }),
    201,
  )
})
afterAll(async () => {
  await srv.close()
})

const all = (status: number, signedOutStatus = 401): Record<Who, number> => ({
  ownerA: status,
  memberA: status,
  ownerB: status,
  signedOut: signedOutStatus,
})
/** Seen and usable by A's owner and member; a stranger's 404; signed out 401. */
const inA = (status: number): Record<Who, number> => ({
  ownerA: status,
  memberA: status,
  ownerB: 404,
  signedOut: 401,
})
/** Owners only: a member's 403 (they see the workspace), a stranger's 404. */
const ownersOfA = (status: number): Record<Who, number> => ({
  ownerA: status,
  memberA: 403,
  ownerB: 404,
  signedOut: 401,
})

const matrix: Record<keyof typeof OrgRoutes, Row> = {
  listWorkspaces: { prepare: async () => ({ method: 'GET', path: '/api/workspaces' }), expected: all(200) },
  createWorkspace: {
    prepare: async () => ({ method: 'POST', path: '/api/workspaces', body: { name: 'Nog een' } }),
    expected: all(201),
  },
  listMembers: {
    prepare: async () => ({ method: 'GET', path: `/api/workspaces/${workspaceA.id}/members` }),
    expected: inA(200),
  },
  addMember: {
    prepare: async () => {
      const dora = await makeOrganiser(srv.storage.organisers, 'Dora')
      return {
        method: 'POST',
        path: `/api/workspaces/${workspaceA.id}/members`,
        body: { email: dora.email, role: 'member' },
      }
    },
    expected: ownersOfA(201),
  },
  removeMember: {
    prepare: async () => {
      const eva = await makeOrganiser(srv.storage.organisers, 'Eva')
      await ok(
        clients.ownerA.call('POST', `/api/workspaces/${workspaceA.id}/members`, {
          email: eva.email,
          role: 'member',
        }),
        201,
      )
      return { method: 'DELETE', path: `/api/workspaces/${workspaceA.id}/members/${eva.id}` }
    },
    expected: ownersOfA(200),
  },
  listProjects: {
    prepare: async () => ({ method: 'GET', path: `/api/workspaces/${workspaceA.id}/projects` }),
    expected: inA(200),
  },
  createProject: {
    prepare: async () => ({
      method: 'POST',
      path: `/api/workspaces/${workspaceA.id}/projects`,
      body: { name: 'Stationsgebied', gemeente: 'A' },
    }),
    expected: inA(201),
  },
  getProject: {
    prepare: async () => ({ method: 'GET', path: `/api/projects/${projectA.id}` }),
    expected: inA(200),
  },
  updateProject: {
    prepare: async () => ({
      method: 'PATCH',
      path: `/api/projects/${projectA.id}`,
      body: { gebied: 'Noord' },
    }),
    expected: inA(200),
  },
  createProjectBoard: {
    prepare: async () => ({
      method: 'POST',
      path: `/api/projects/${projectA.id}/boards`,
      body: { title: 'Bord' },
    }),
    expected: inA(201),
  },
  projectAudit: {
    prepare: async () => ({ method: 'GET', path: `/api/projects/${projectA.id}/audit` }),
    expected: inA(200),
  },
  searchBoards: {
    prepare: async () => ({ method: 'GET', path: '/api/org/boards?q=kansen' }),
    expected: all(200),
  },
  updateBoard: {
    prepare: async () => ({
      method: 'PATCH',
      path: `/api/org/boards/${(await freshBoard()).id}`,
      body: { title: 'Hernoemd' },
    }),
    expected: inA(200),
  },
  openBoard: {
    prepare: async () => ({ method: 'POST', path: `/api/org/boards/${(await freshBoard()).id}/open` }),
    expected: inA(200),
  },
  duplicateBoard: {
    prepare: async () => ({
      method: 'POST',
      path: `/api/org/boards/${(await freshBoard()).id}/duplicate`,
      body: { withContent: false },
    }),
    expected: inA(201),
  },
  archiveBoard: {
    prepare: async () => ({ method: 'POST', path: `/api/org/boards/${(await freshBoard()).id}/archive` }),
    expected: inA(200),
  },
  restoreBoard: {
    prepare: async () => {
      const board = await freshBoard()
      await ok(clients.ownerA.call('POST', `/api/org/boards/${board.id}/archive`), 200)
      return { method: 'POST', path: `/api/org/boards/${board.id}/restore` }
    },
    expected: inA(200),
  },
  deleteBoard: {
    prepare: async () => ({
      method: 'DELETE',
      path: `/api/org/boards/${(await freshBoard()).id}`,
      body: { confirmTitle: 'Kansenanalyse' },
    }),
    expected: inA(200),
  },
}

describe('organisation routes: the access matrix', () => {
  it('[OW8] covers every route of orgRoutes.ts', () => {
    expect(Object.keys(matrix).sort()).toEqual(Object.keys(OrgRoutes).sort())
  })

  for (const [route, row] of Object.entries(matrix)) {
    it(`[OW8] ${route}: owner of A ${row.expected.ownerA}, member of A ${row.expected.memberA}, owner of B ${row.expected.ownerB}, signed out ${row.expected.signedOut}`, async () => {
      const answers: Record<string, number> = {}
      for (const who of Object.keys(clients) as Who[]) {
        const c = await row.prepare()
        const res = await clients[who].call<{ error?: { code: string } }>(c.method, c.path, c.body)
        answers[who] = res.status
        // A stranger learns nothing: the answer is the not-found of the thing asked about.
        if (res.status === 404) expect(res.body.error?.code).toMatch(/^(WORKSPACE|PROJECT|BOARD)_NOT_FOUND$/)
        if (res.status === 401) expect(res.body.error?.code).toBe('SIGN_IN_REQUIRED')
      }
      expect(answers).toEqual(row.expected)
    })
  }

  it('[OW8] a stranger’s 404 is the same as for an id that does not exist', async () => {
    const board = await freshBoard()
    const real = await clients.ownerB.call('POST', `/api/org/boards/${board.id}/open`)
    const absent = await clients.ownerB.call('POST', '/api/org/boards/AAAAAAAAAAAAAAAA/open')
    expect(real).toEqual(absent)
    const project = await clients.ownerB.call('GET', `/api/projects/${projectA.id}`)
    expect(project).toEqual(await clients.ownerB.call('GET', '/api/projects/nope'))
  })

  it('[OW8] the owner of B finds none of A’s boards in a search, and cannot move a board into A', async () => {
    await freshBoard()
    const found = await ok(
      clients.ownerB.call<{ boards: unknown[] }>('GET', '/api/org/boards?q=kansenanalyse'),
      200,
    )
    expect(found.boards).toEqual([])
    const mine = await ok(
      clients.ownerB.call<CreateBoardResponse>('POST', '/api/boards', { title: 'Van B' }),
      201,
    )
    const move = await clients.ownerB.call('PATCH', `/api/org/boards/${mine.id}`, { projectId: projectA.id })
    expect(move.status).toBe(404)
  })
})
