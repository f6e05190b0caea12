import type { ChildProcess } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { connectClient, createBoard, type TestClient, whenDoc } from './harness.ts'
import { startProcess as startServer } from './processHarness.ts'

/** The real server process on `dataDir`. */
const startProcess = (dataDir: string) => startServer({ DATA_DIR: dataDir })

const children: ChildProcess[] = []
const clients: TestClient[] = []
afterEach(() => {
  for (const c of clients.splice(0)) c.destroy()
  for (const child of children.splice(0)) child.kill('SIGKILL')
})

describe('durability', () => {
  it('[D1] kill -9 loses nothing that any other client has seen', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'wt-crash-'))
    const first = await startProcess(dataDir)
    children.push(first.child)
    const board = await createBoard(first.url, 'crash')
    const wsUrl = first.url.replace('http', 'ws')
    const writer = connectClient(wsUrl, board, 'participant')
    const watcher = connectClient(wsUrl, board, 'participant')
    clients.push(writer, watcher)
    await Promise.all([writer.synced(), watcher.synced()])
    // An edit storm, one transaction per event-loop turn, killed (-9) in the middle.
    let round = 0
    const storm = setInterval(() => {
      writer.doc.transact(() => {
        for (let i = 0; i < 5; i++) writer.doc.getArray<number>('log').push([round * 5 + i])
      })
      round++
    }, 1)
    await whenDoc(watcher.doc, () => watcher.doc.getArray('log').length >= 150)
    first.child.kill('SIGKILL')
    await new Promise((resolve) => first.child.once('exit', resolve))
    clearInterval(storm)
    writer.provider.disconnect()
    watcher.provider.disconnect()
    const seen = watcher.doc.getArray<number>('log').toArray()
    expect(seen.length).toBeGreaterThanOrEqual(150)

    const second = await startProcess(dataDir)
    children.push(second.child)
    const fresh = connectClient(second.url.replace('http', 'ws'), board, 'observer')
    clients.push(fresh)
    await fresh.synced()
    const restored = fresh.doc.getArray<number>('log').toArray()
    // Everything the watcher saw survived, in order (the writer may have had more stored, never less).
    expect(restored.slice(0, seen.length)).toEqual(seen)
  })
})

describe('graceful shutdown', () => {
  it('[D2] SIGTERM flushes every board and exits 0; a restart serves the same state', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'wt-term-'))
    const first = await startProcess(dataDir)
    children.push(first.child)
    const board = await createBoard(first.url, 'term')
    const writer = connectClient(first.url.replace('http', 'ws'), board, 'participant')
    clients.push(writer)
    await writer.synced()
    writer.doc.getMap('m').set('kept', 'yes')
    const watcher = connectClient(first.url.replace('http', 'ws'), board, 'observer')
    clients.push(watcher)
    await whenDoc(watcher.doc, () => watcher.doc.getMap('m').get('kept') === 'yes')
    const exited = new Promise<number | null>((resolve) => first.child.once('exit', resolve))
    first.child.kill('SIGTERM')
    expect(await exited).toBe(0)
    writer.provider.disconnect()
    watcher.provider.disconnect()

    const second = await startProcess(dataDir)
    children.push(second.child)
    const fresh = connectClient(second.url.replace('http', 'ws'), board, 'observer')
    clients.push(fresh)
    await fresh.synced()
    expect(fresh.doc.getMap('m').get('kept')).toBe('yes')
  })
})
