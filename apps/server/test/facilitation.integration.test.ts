import type { CreateBoardResponse } from '@waardentafel/protocol'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  clientPool,
  rawConnect,
  startServer,
  type TestClient,
  type TestServer,
  tokenOf,
  whenDoc,
} from './harness.ts'

let srv: TestServer
const pool = clientPool()
const client = pool.connect
beforeEach(async () => {
  srv = await startServer()
})
afterEach(async () => {
  pool.destroyAll()
  await srv.close()
})

const act = (
  board: CreateBoardResponse,
  role: 'facilitator' | 'participant' | 'observer',
  path: string,
  body: unknown,
) =>
  fetch(`${srv.url}/api/boards/${board.id}/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${tokenOf(board.links[role])}` },
    body: JSON.stringify(body),
  })

/** Resolves with the close code once the provider's socket is closed by the server. */
const closedWith = (c: TestClient) =>
  new Promise<number>((resolve) => {
    c.provider.on('connection-close', (event: CloseEvent | null) => {
      if (event) resolve(event.code)
    })
  })

/** A structure shape (a waarden-prioritering template) and a card, written by the facilitator's client. */
function addShapes(doc: Y.Doc) {
  const records = doc.getMap<Y.Map<unknown>>('records')
  doc.transact(() => {
    for (const [id, type] of [
      ['shape:kolommen', 'wt-prioritering'],
      ['shape:kaart', 'wt-value-card'],
    ] as const) {
      const shape = new Y.Map<unknown>()
      records.set(id, shape)
      shape.set('type', type)
      shape.set('x', 0)
      const props = new Y.Map<unknown>()
      shape.set('props', props)
      props.set('name', id)
    }
  })
}

const storedX = async (boardId: string, id: string) => {
  const replay = new Y.Doc()
  const stored = await srv.storage.loadDoc(boardId)
  if (stored.snapshot) Y.applyUpdate(replay, stored.snapshot)
  for (const u of stored.updates) Y.applyUpdate(replay, u.data)
  return replay.getMap<Y.Map<unknown>>('records').get(id)?.get('x')
}

describe('facilitation, enforced by the server', () => {
  it('[R1] facilitator actions: refused (403) for participants and observers, applied live for the facilitator', async () => {
    const board = await srv.createBoard()
    const watcher = client(srv.wsUrl, board, 'participant')
    await watcher.synced()
    for (const role of ['participant', 'observer'] as const) {
      const res = await act(board, role, 'facilitation', { action: 'timer.start', durationMs: 60_000 })
      expect(res.status).toBe(403)
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('FORBIDDEN')
    }
    expect((await act(board, 'participant', 'links/revoke', { role: 'observer' })).status).toBe(403)
    expect((await act(board, 'facilitator', 'facilitation', { action: 'bogus' })).status).toBe(400)
    const ok = await act(board, 'facilitator', 'facilitation', { action: 'timer.start', durationMs: 60_000 })
    expect(ok.status).toBe(200)
    await whenDoc(
      watcher.doc,
      () => (watcher.doc.getMap('facilitation').get('timer') as { status?: string })?.status === 'running',
    )
  })

  it('[R2] a modified client writing facilitation state directly is refused (4409), nothing stored or relayed', async () => {
    const board = await srv.createBoard()
    const other = client(srv.wsUrl, board, 'participant')
    await other.synced()
    for (const role of ['participant', 'facilitator'] as const) {
      const rogue = client(srv.wsUrl, board, role)
      await rogue.synced()
      const closed = closedWith(rogue)
      rogue.doc.getMap('facilitation').set('lock', { structure: false, valueCards: false })
      rogue.doc
        .getMap('facilitation')
        .set('timer', { status: 'running', durationMs: 1, endsAt: 1, remainingMs: 1 })
      expect(await closed).toBe(4409)
      rogue.provider.disconnect()
    }
    // A later, allowed edit arriving proves the refused ones were not relayed before it.
    const writer = client(srv.wsUrl, board, 'participant')
    await writer.synced()
    writer.doc.getMap('m').set('after', true)
    await whenDoc(other.doc, () => other.doc.getMap('m').get('after') === true)
    expect(other.doc.getMap('facilitation').size).toBe(0)
    const stored = await srv.storage.loadDoc(board.id)
    const replay = new Y.Doc()
    for (const u of stored.updates) Y.applyUpdate(replay, u.data)
    expect(replay.getMap('facilitation').size).toBe(0)
  })

  it('[R3] locked structure: a participant cannot move it (4409, never seen by others); cards still move; the facilitator can', async () => {
    const board = await srv.createBoard()
    const fac = client(srv.wsUrl, board, 'facilitator')
    await fac.synced()
    addShapes(fac.doc)
    const other = client(srv.wsUrl, board, 'participant')
    await whenDoc(other.doc, () => other.doc.getMap('records').size === 2)
    expect(
      (
        await act(board, 'facilitator', 'facilitation', {
          action: 'lock',
          structure: true,
          valueCards: false,
        })
      ).status,
    ).toBe(200)

    const rogue = client(srv.wsUrl, board, 'participant')
    await whenDoc(rogue.doc, () => rogue.doc.getMap('facilitation').get('lock') !== undefined)
    const records = () => rogue.doc.getMap<Y.Map<unknown>>('records')
    // Moving a card inside the structure is fine.
    records().get('shape:kaart')!.set('x', 120)
    await whenDoc(
      other.doc,
      () => other.doc.getMap<Y.Map<unknown>>('records').get('shape:kaart')?.get('x') === 120,
    )
    // Moving the structure is not.
    const closed = closedWith(rogue)
    records().get('shape:kolommen')!.set('x', 999)
    expect(await closed).toBe(4409)
    rogue.provider.disconnect()

    fac.doc.getMap<Y.Map<unknown>>('records').get('shape:kolommen')!.set('x', 50)
    await whenDoc(
      other.doc,
      () => other.doc.getMap<Y.Map<unknown>>('records').get('shape:kolommen')?.get('x') === 50,
    )
    expect(await storedX(board.id, 'shape:kolommen')).toBe(50)

    // Deleting it is refused too.
    const deleter = client(srv.wsUrl, board, 'participant')
    await whenDoc(deleter.doc, () => deleter.doc.getMap('records').size === 2)
    const deleted = closedWith(deleter)
    deleter.doc.getMap('records').delete('shape:kolommen')
    expect(await deleted).toBe(4409)
    expect(other.doc.getMap('records').has('shape:kolommen')).toBe(true)
  })

  it("[R4] revoking a role's links closes its open sockets (4403) and refuses the old link; a new link works", async () => {
    const board = await srv.createBoard()
    const participant = client(srv.wsUrl, board, 'participant')
    await participant.synced()
    const closed = closedWith(participant)
    const res = await act(board, 'facilitator', 'links/revoke', { role: 'participant' })
    expect(res.status).toBe(200)
    const fresh = (await res.json()) as { link: string; expiresAt: number }
    expect(await closed).toBe(4403)
    participant.provider.disconnect()

    const old = await rawConnect(`${srv.wsUrl}/sync/${board.id}?token=${tokenOf(board.links.participant)}`)
    expect(old.code).toBe(4403)
    const session = await fetch(`${srv.url}/api/boards/${board.id}/session`, {
      headers: { authorization: `Bearer ${tokenOf(board.links.participant)}` },
    })
    expect(((await session.json()) as { error: { code: string } }).error.code).toBe('TOKEN_REVOKED')
    const renewed = client(
      srv.wsUrl,
      { ...board, links: { ...board.links, participant: fresh.link } },
      'participant',
    )
    await renewed.synced()

    const issued = await act(board, 'facilitator', 'links', { role: 'observer', ttlDays: 1 })
    expect(issued.status).toBe(201)
    const link = (await issued.json()) as { expiresAt: number }
    expect(link.expiresAt * 1000 - Date.now()).toBeLessThanOrEqual(86_400_000)
  })
})
