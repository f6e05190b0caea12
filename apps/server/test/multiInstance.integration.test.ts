import type { CreateBoardResponse } from '@waardentafel/protocol'
import { afterEach, describe, expect, it } from 'vitest'
import { connectClient, createBoard, type TestClient, whenDoc } from './harness.ts'
import { type Instance, isolation, losingControl, losingUpdates, startInstance } from './multiHarness.ts'

const instances: Instance[] = []
const clients: TestClient[] = []
const cleanups: Array<() => Promise<void>> = []

afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy()
  for (const i of instances.splice(0)) await i.close()
  for (const c of cleanups.splice(0)) await c()
})

async function twoInstances(wrapFirst?: Parameters<typeof startInstance>[1]) {
  const iso = isolation()
  cleanups.push(iso.cleanup)
  const a = await startInstance(iso, wrapFirst)
  const b = await startInstance(iso)
  instances.push(a, b)
  return { a, b }
}

/** Resolves with the code of the next close of the client's connection. */
const closeCode = (client: TestClient) =>
  new Promise<number>((resolve) => {
    client.provider.on('connection-close', (event: CloseEvent | null) => event && resolve(event.code))
  })

/** The facilitator revokes the participant links of a board through `instance`. */
const revokeParticipantLinks = (instance: Instance, board: CreateBoardResponse) =>
  fetch(`${instance.url}/api/boards/${board.id}/links/revoke`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${new URL(board.links.facilitator).searchParams.get('token')}`,
    },
    body: JSON.stringify({ role: 'participant' }),
  })

describe('multi-instance mode (PostgreSQL + Redis)', () => {
  it('[M1] clients on different instances edit one board and converge; awareness crosses instances', async () => {
    const { a, b } = await twoInstances()
    const board = await createBoard(a.url, 'twee instanties')
    const onA = connectClient(a.wsUrl, board, 'participant')
    const onB = connectClient(b.wsUrl, board, 'participant')
    clients.push(onA, onB)
    await Promise.all([onA.synced(), onB.synced()])
    onA.doc.getMap('m').set('from-a', 1)
    onB.doc.getMap('m').set('from-b', 2)
    await whenDoc(onA.doc, () => onA.doc.getMap('m').get('from-b') === 2)
    await whenDoc(onB.doc, () => onB.doc.getMap('m').get('from-a') === 1)

    onA.provider.awareness.setLocalStateField('user', { name: 'Anna' })
    await new Promise<void>((resolve) => {
      const check = () => {
        const names = [...onB.provider.awareness.getStates().values()].map((s) => s.user?.name)
        if (names.includes('Anna')) {
          onB.provider.awareness.off('change', check)
          resolve()
        }
      }
      onB.provider.awareness.on('change', check)
      check()
    })
  })

  it('[M2] updates whose fan-out message was lost still arrive, by tailing storage', async () => {
    const { a, b } = await twoInstances({ wrapFanout: losingUpdates })
    const board = await createBoard(a.url, 'verloren berichten')
    const onA = connectClient(a.wsUrl, board, 'participant')
    const onB = connectClient(b.wsUrl, board, 'participant')
    clients.push(onA, onB)
    await Promise.all([onA.synced(), onB.synced()])
    const started = Date.now()
    for (let i = 0; i < 20; i++) onA.doc.getArray<number>('log').push([i])
    await whenDoc(onB.doc, () => onB.doc.getArray('log').length === 20, 5000)
    expect(Date.now() - started).toBeLessThan(5000)
    expect(onB.doc.getArray('log').toArray()).toEqual(onA.doc.getArray('log').toArray())
  })

  it('[M4] revoking links on one instance closes the revoked sockets on the other', async () => {
    const { a, b } = await twoInstances()
    const board = await createBoard(a.url, 'intrekken')
    const onB = connectClient(b.wsUrl, board, 'participant')
    clients.push(onB)
    await onB.synced()
    const closed = closeCode(onB)
    expect((await revokeParticipantLinks(a, board)).status).toBe(200)
    expect(await closed).toBe(4403)
  })

  it('[M5] a revocation whose fan-out message was lost still closes the revoked sockets, by tailing storage', async () => {
    const { a, b } = await twoInstances({ wrapFanout: losingControl })
    const board = await createBoard(a.url, 'verloren intrekking')
    const onB = connectClient(b.wsUrl, board, 'participant')
    clients.push(onB)
    await onB.synced()
    const closed = closeCode(onB)
    expect((await revokeParticipantLinks(a, board)).status).toBe(200)
    const started = Date.now()
    expect(await closed).toBe(4403)
    expect(Date.now() - started).toBeLessThan(5000)
  })

  it('[M3] a board created on one instance opens on another; the board list is shared storage', async () => {
    const { a, b } = await twoInstances()
    const board = await createBoard(a.url, 'gedeeld')
    const session = await fetch(`${b.url}/api/boards/${board.id}/session`, {
      headers: { authorization: `Bearer ${new URL(board.links.observer).searchParams.get('token')}` },
    })
    expect(session.status).toBe(200)
    expect(await session.json()).toMatchObject({ board: { title: 'gedeeld' }, role: 'observer' })
  })
})
