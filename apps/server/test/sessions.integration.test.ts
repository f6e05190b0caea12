import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { readBoard } from '@waardentafel/domain'
import type { CreateBoardResponse } from '@waardentafel/protocol'
import { readDocRecords, writeDocRecords } from '@waardentafel/tldraw-yjs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { connectClient, startServer, type TestClient, type TestServer, tokenOf, whenDoc } from './harness.ts'

const fixture = readFileSync(
  join(import.meta.dirname, '../../../packages/domain/test/fixtures/handreiking-voorbeeld.json'),
  'utf8',
)
let srv: TestServer
const clients: TestClient[] = []
beforeEach(async () => {
  srv = await startServer()
})
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy()
  await srv.close()
})

const call = (
  board: CreateBoardResponse,
  role: 'facilitator' | 'participant',
  method: string,
  path: string,
  body?: unknown,
) =>
  fetch(`${srv.url}/api/boards/${board.id}/${path}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${tokenOf(board.links[role])}` },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })

describe('sessions and history', () => {
  it('[H6] a named snapshot, a change, the comparison, and a restore as a new board', async () => {
    const board = (await (
      await fetch(`${srv.url}/api/boards/import`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: fixture,
      })
    ).json()) as CreateBoardResponse
    expect((await call(board, 'participant', 'POST', 'sessions', { name: 'x' })).status).toBe(403)
    const saved = await call(board, 'facilitator', 'POST', 'sessions', { name: 'Sessie 1 — Quickscan' })
    expect(saved.status).toBe(201)
    const session = (await saved.json()) as { id: string; name: string }

    // Between sessions a participant moves one value card into another card's column.
    const read = readBoard(JSON.parse(fixture))
    if (!read.ok) throw new Error('fixture unreadable')
    const [moved, target] = [
      read.board.valueCards[0]!,
      read.board.valueCards.find((c) => c.column !== read.board.valueCards[0]!.column)!,
    ]
    const c = connectClient(srv.wsUrl, board, 'participant')
    clients.push(c)
    await c.synced()
    const records = readDocRecords(c.doc).records
    const targetRecord = records.find((r) => r.id === target.id)!
    const movedRecord = records.find((r) => r.id === moved.id)!
    writeDocRecords(c.doc, {
      records: [
        { ...movedRecord, x: targetRecord.x, y: Number(targetRecord.y) + 5, parentId: targetRecord.parentId },
      ],
      schema: null,
    })
    const watcher = connectClient(srv.wsUrl, board, 'participant')
    clients.push(watcher)
    await whenDoc(
      watcher.doc,
      () => readDocRecords(watcher.doc).records.find((r) => r.id === moved.id)?.x === targetRecord.x,
    )

    const list = (await (await call(board, 'participant', 'GET', 'sessions')).json()) as Array<{
      name: string
    }>
    expect(list.map((s) => s.name)).toEqual(['Sessie 1 — Quickscan'])
    const comparison = (await (
      await call(board, 'participant', 'GET', `sessions/compare?from=${session.id}&to=current`)
    ).json()) as {
      values: Array<{ id: string; from: string | null; to: string | null }>
    }
    expect(comparison.values).toEqual([
      expect.objectContaining({ id: moved.id, from: moved.column, to: target.column }),
    ])

    const restored = await call(board, 'facilitator', 'POST', `sessions/${session.id}/restore`)
    expect(restored.status).toBe(201)
    const copy = (await restored.json()) as CreateBoardResponse
    expect(copy.id).not.toBe(board.id)
    expect(copy.title).toContain('Sessie 1')
    const snapshot = (await (
      await fetch(`${srv.url}/api/boards/${copy.id}/snapshot`, {
        headers: { authorization: `Bearer ${tokenOf(copy.links.facilitator)}` },
      })
    ).json()) as { records: Array<{ id: string; x: number }> }
    expect(snapshot.records.find((r) => r.id === moved.id)?.x).toBe(movedRecord.x)
  })
})
