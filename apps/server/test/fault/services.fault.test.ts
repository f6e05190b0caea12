import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { connectClient, createBoard, type TestClient, whenDoc } from '../harness.ts'
import { type Instance, isolation, startInstance } from '../multiHarness.ts'
import { restartPostgres, startRedis, stopRedis, whenPortOpen } from './services.ts'

const clients: TestClient[] = []
const instances: Instance[] = []
const cleanups: Array<() => Promise<void>> = []
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy()
  for (const i of instances.splice(0)) await i.close()
  for (const c of cleanups.splice(0)) await c()
})
// Whatever happens in a test, leave the machine's services running.
afterAll(async () => {
  await whenPortOpen(6379, 1000).catch(() => startRedis())
  await whenPortOpen(5432, 30_000)
})

async function setUp() {
  const iso = isolation()
  cleanups.push(iso.cleanup)
  const a = await startInstance(iso)
  const b = await startInstance(iso)
  instances.push(a, b)
  const board = await createBoard(a.url, 'storing')
  const onA = connectClient(a.wsUrl, board, 'participant')
  const onB = connectClient(b.wsUrl, board, 'participant')
  clients.push(onA, onB)
  await Promise.all([onA.synced(), onB.synced()])
  return { onA, onB }
}

const log = (c: TestClient) => c.doc.getArray<string>('log')
const converged = (x: TestClient, y: TestClient, n: number) =>
  Promise.all([
    whenDoc(x.doc, () => log(x).length === n, 5000),
    whenDoc(y.doc, () => log(y).length === n, 5000),
  ])

describe('fault: Redis and PostgreSQL restart mid-session', () => {
  it('[F2] Redis stops and comes back: edits keep flowing through storage, nothing lost, converged within 5 s', async () => {
    const { onA, onB } = await setUp()
    log(onA).push(['a-before'])
    await converged(onA, onB, 1)
    stopRedis()
    try {
      log(onA).push(['a-during'])
      log(onB).push(['b-during'])
      // Without Redis the rooms repair from storage.
      await converged(onA, onB, 3)
    } finally {
      await startRedis()
    }
    const recovered = Date.now()
    log(onA).push(['a-after'])
    log(onB).push(['b-after'])
    await converged(onA, onB, 5)
    expect(Date.now() - recovered).toBeLessThan(5000)
    expect([...log(onA).toArray()].sort()).toEqual(['a-after', 'a-before', 'a-during', 'b-after', 'b-during'])
    expect(log(onB).toArray()).toEqual(log(onA).toArray())
  })

  it('[F3] PostgreSQL restarts: rooms close with a transient code, clients come back, nothing lost, converged within 5 s', async () => {
    const { onA, onB } = await setUp()
    log(onA).push(['a-before'])
    await converged(onA, onB, 1)
    await restartPostgres()
    const recovered = Date.now()
    log(onA).push(['a-after'])
    log(onB).push(['b-after'])
    await converged(onA, onB, 3)
    expect(Date.now() - recovered).toBeLessThan(5000)
    expect([...log(onA).toArray()].sort()).toEqual(['a-after', 'a-before', 'b-after'])
    expect(log(onB).toArray()).toEqual(log(onA).toArray())
  })
})
