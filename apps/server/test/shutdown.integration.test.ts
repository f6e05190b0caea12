import { connect } from 'node:net'
import { describe, expect, it } from 'vitest'
import { startServer } from './harness.ts'

// A server that is closing (a deploy, a test's afterEach) does not wait for ever on a request that never ends.

describe('shutdown', () => {
  it('[N10] close() ends even with a half-sent request and an idle keep-alive connection open', async () => {
    const srv = await startServer()
    const port = Number(new URL(srv.url).port)
    const open = (text: string) =>
      new Promise<{ closed: Promise<void> }>((resolve) => {
        const socket = connect(port, '127.0.0.1', () => {
          socket.write(text)
          resolve({ closed: new Promise((done) => socket.on('close', () => done())) })
        })
        socket.on('error', () => {})
        socket.resume() // read what the server sends, so its end is seen
      })
    // A body promised and never sent, and a finished request on a kept-alive connection.
    const stalled = await open(
      'POST /api/boards HTTP/1.1\r\nhost: localhost\r\ncontent-type: application/json\r\ncontent-length: 100\r\n\r\n{"ti',
    )
    const idle = await open('GET /healthz HTTP/1.1\r\nhost: localhost\r\nconnection: keep-alive\r\n\r\n')
    const started = Date.now()
    await srv.close()
    // The grace for running requests is 2 s; the server waited no longer than that and a little.
    expect(Date.now() - started).toBeLessThan(10_000)
    await Promise.all([stalled.closed, idle.closed])
  })
})
