import { afterEach, describe, expect, it } from 'vitest'
import { connectClient, createBoard, type TestClient, whenDoc } from '../harness.ts'
import { DATABASE_URL, isolation, REDIS_URL } from '../multiHarness.ts'
import { type ServerProcess, startProcess } from '../processHarness.ts'
import { startProxy } from '../tcpProxy.ts'

const clients: TestClient[] = []
const processes: ServerProcess[] = []
const cleanups: Array<() => Promise<void>> = []
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy()
  for (const p of processes.splice(0)) p.child.kill('SIGKILL')
  for (const c of cleanups.splice(0)) await c()
})

describe('fault: an instance dies during an edit storm', () => {
  it('[F1] kill -9 of an instance, twice, during a 20-client storm: clients move to the other instance, nothing is lost, all converge within 5 s', async () => {
    const iso = isolation()
    cleanups.push(iso.cleanup)
    const env = {
      DATABASE_URL,
      DATABASE_SCHEMA: iso.schema,
      REDIS_URL,
      REDIS_PREFIX: iso.prefix,
      RESYNC_INTERVAL_MS: '250',
      DATA_DIR: '/tmp',
    }
    const live: ServerProcess[] = [await startProcess(env), await startProcess(env)]
    processes.push(...live)
    const proxy = await startProxy(() => live.map((p) => p.port))
    cleanups.push(proxy.close)
    const board = await createBoard(live[0]!.url, 'storm')
    const wsUrl = `ws://127.0.0.1:${proxy.port}`
    const writers = Array.from({ length: 20 }, () => connectClient(wsUrl, board, 'participant'))
    clients.push(...writers)
    await Promise.all(writers.map((w) => w.synced()))

    // Every writer appends its own items, one per ~20 ms, through both crashes.
    let running = true
    const counts = writers.map(() => 0)
    const storm = setInterval(() => {
      if (!running) return
      writers.forEach((w, i) => {
        w.doc.getArray<string>('log').push([`${i}:${counts[i]}`])
        counts[i] = (counts[i] ?? 0) + 1
      })
    }, 20)
    const observer = writers[19]!
    for (let round = 0; round < 2; round++) {
      const seenBefore = observer.doc.getArray('log').length
      await whenDoc(observer.doc, () => observer.doc.getArray('log').length >= seenBefore + 200, 10_000)
      const victim = live.shift()!
      victim.child.kill('SIGKILL')
      await victim.exited
      const replacement = await startProcess(env)
      processes.push(replacement)
      live.push(replacement)
    }
    const afterCrashes = observer.doc.getArray('log').length
    await whenDoc(observer.doc, () => observer.doc.getArray('log').length >= afterCrashes + 200, 10_000)
    running = false
    clearInterval(storm)

    const total = counts.reduce((a, b) => a + b, 0)
    const stormEnded = Date.now()
    try {
      await Promise.all(
        writers.map((w) => whenDoc(w.doc, () => w.doc.getArray('log').length === total, 5000)),
      )
    } catch (error) {
      // Say what did not converge, for whoever reads a failed run: each writer's view and connection, and what the
      // instances logged at info level.
      const report = writers.map((w, i) => {
        const have = new Set(w.doc.getArray<string>('log').toArray())
        const missing = writers
          .map(
            (_, j) =>
              Array.from({ length: counts[j]! }, (_, n) => `${j}:${n}`).filter((x) => !have.has(x)).length,
          )
          .map((n, j) => (n > 0 ? `${j}×${n}` : ''))
          .filter(Boolean)
        const status = `connected=${w.provider.wsconnected} synced=${w.provider.synced}`
        return `writer ${i}: ${have.size}/${total} ${status} missing from ${missing.join(' ') || '-'}`
      })
      const logs = processes.map((p, i) => `instance ${i} (port ${p.port}):\n${p.logs.slice(-40).join('\n')}`)
      console.error(`[F1] did not converge:\n${report.join('\n')}\n${logs.join('\n')}`)
      throw error
    }
    expect(Date.now() - stormEnded).toBeLessThan(5000)
    const expected = writers
      .flatMap((_, i) => Array.from({ length: counts[i]! }, (_, n) => `${i}:${n}`))
      .sort()
    for (const w of writers) expect([...w.doc.getArray<string>('log').toArray()].sort()).toEqual(expected)

    // Durable too: a fresh client on a fresh instance reads all of it from storage.
    const fresh = await startProcess(env)
    processes.push(fresh)
    const reader = connectClient(fresh.url.replace('http', 'ws'), board, 'observer')
    clients.push(reader)
    await reader.synced()
    expect(reader.doc.getArray('log').length).toBe(total)
  })
})
