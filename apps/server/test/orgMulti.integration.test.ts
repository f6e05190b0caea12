import type { CreateBoardResponse, Project, Workspace } from '@waardentafel/protocol'
import { readDocRecords, writeDocRecords } from '@waardentafel/tldraw-yjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PostgresBoardStorage } from '../src/storage/PostgresBoardStorage.ts'
import { connectClient, type TestClient, whenDoc } from './harness.ts'
import { DATABASE_URL, type Instance, isolation, startInstance } from './multiHarness.ts'
import { type OrgClient, signIn } from './orgSupport.ts'

/**
 * Two instances on one PostgreSQL schema and one Redis: an organiser signed in on one works on the other (sessions,
 * workspaces and placements live in PostgreSQL), and archiving on one makes the board read-only for a socket open on
 * the other (the fan-out tells it to reconnect).
 */
const iso = isolation()
let a: Instance
let b: Instance
let accounts: PostgresBoardStorage
let anna: OrgClient
const clients: TestClient[] = []

beforeAll(async () => {
  a = await startInstance(iso)
  b = await startInstance(iso)
  accounts = new PostgresBoardStorage({ connectionString: DATABASE_URL, schema: iso.schema })
  anna = await signIn(a.url, accounts.organisers, 'Anna')
})
afterAll(async () => {
  for (const c of clients.splice(0)) c.destroy()
  await a.close()
  await b.close()
  await accounts.close()
  await iso.cleanup()
})

async function ok<T>(promise: Promise<{ status: number; body: T }>, status = 200): Promise<T> {
  const res = await promise
  expect(res.status, JSON.stringify(res.body)).toBe(status)
  return res.body
}

describe('the organisation layer across instances', () => {
  it('[OW10] a session from one instance works on the other, and archiving on one makes the board read-only on the other', async () => {
    const workspace = await ok(anna.call<Workspace>('POST', '/api/workspaces', { name: 'Gemeente' }), 201)
    const project = await ok(
      anna.call<Project>('POST', `/api/workspaces/${workspace.id}/projects`, { name: 'Veenhoek' }),
      201,
    )
    const board = await ok(
      anna.call<CreateBoardResponse>('POST', `/api/projects/${project.id}/boards`, { title: 'Quickscan' }),
      201,
    )
    // Instance B sees the same workspace through the same session.
    expect(
      (await ok(anna.at(b.url).call<{ boards: { id: string }[] }>('GET', '/api/org/boards'))).boards.map(
        (x) => x.id,
      ),
    ).toEqual([board.id])

    const participant = connectClient(b.wsUrl, board, 'participant')
    const watcher = connectClient(b.wsUrl, board, 'observer')
    clients.push(participant, watcher)
    await Promise.all([participant.synced(), watcher.synced()])
    const reconnected = new Promise<void>((resolve) =>
      participant.provider.once('connection-close', () => resolve()),
    )
    await ok(anna.call('POST', `/api/org/boards/${board.id}/archive`))
    await reconnected
    // A fresh client of the same link on B (its presence is its own, not the closed socket's).
    participant.destroy()
    const late = connectClient(b.wsUrl, board, 'participant')
    clients.push(late)
    await late.synced()
    writeDocRecords(late.doc, {
      records: [
        {
          id: 'shape:archived-edit',
          typeName: 'shape',
          type: 'note',
          x: 0,
          y: 0,
          parentId: 'page:page',
          props: {},
        },
      ],
      schema: null,
    })
    // The participant's awareness reaching the watcher shows B handled its frames, the edit among them.
    late.provider.awareness.setLocalStateField('user', { name: 'Deelnemer' })
    await new Promise<void>((resolve) => {
      const check = () => {
        if ([...watcher.provider.awareness.getStates().values()].some((s) => s.user?.name === 'Deelnemer')) {
          watcher.provider.awareness.off('change', check)
          resolve()
        }
      }
      watcher.provider.awareness.on('change', check)
      check()
    })
    expect(readDocRecords(watcher.doc).records.map((r) => r.id)).not.toContain('shape:archived-edit')
    const stored = await accounts.loadDoc(board.id)
    expect(stored.updates.length + (stored.snapshot ? 1 : 0)).toBe(0)

    // Restored on B: the participant's role comes back on A's side too, and its edit lands.
    await ok(anna.at(b.url).call('POST', `/api/org/boards/${board.id}/restore`))
    await whenDoc(
      watcher.doc,
      () => readDocRecords(watcher.doc).records.some((r) => r.id === 'shape:archived-edit'),
      10_000,
    )
  })
})
