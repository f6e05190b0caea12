import { createHash, randomBytes } from 'node:crypto'
import { connect, type Socket } from 'node:net'
import type { CreateBoardResponse, LinkResponse } from '@waardentafel/protocol'
import * as encoding from 'lib0/encoding'
import { afterEach, describe, expect, it } from 'vitest'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import { clientPool, startServer, type TestServer, tokenOf, whenDoc } from './harness.ts'

let srv: TestServer | null = null
const pool = clientPool()
afterEach(async () => {
  pool.destroyAll()
  await srv?.close()
  srv = null
})

async function issueLink(board: CreateBoardResponse, body: unknown): Promise<Response> {
  return fetch(`${srv?.url}/api/boards/${board.id}/links`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${tokenOf(board.links.facilitator)}`,
    },
    body: JSON.stringify(body),
  })
}

/** The board with its participant link replaced by `link`. */
const withParticipantLink = (board: CreateBoardResponse, link: string): CreateBoardResponse => ({
  ...board,
  links: { ...board.links, participant: link },
})

/** A link for `role` that expires in a few seconds (whole seconds: 1–`seconds` s from now). */
async function shortLink(board: CreateBoardResponse, seconds: number): Promise<LinkResponse> {
  const res = await issueLink(board, { role: 'participant', ttlDays: seconds / 86_400 })
  expect(res.status).toBe(201)
  return (await res.json()) as LinkResponse
}

/** Rejects after `ms`, so a wait for an event is bounded. */
function within<T>(ms: number, what: string, promise: Promise<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what}: not within ${ms} ms`)), ms)
    promise.then(
      (value) => {
        clearTimeout(timer)
        resolve(value)
      },
      (error: unknown) => {
        clearTimeout(timer)
        reject(error)
      },
    )
  })
}

/**
 * A WebSocket client written on a bare TCP socket, as a modified client would be: it keeps sending after the
 * server's close frame and never answers it. Frames it receives are reported by opcode.
 */
async function stubbornSocket(
  port: number,
  target: string,
): Promise<{
  socket: Socket
  send(payload: Uint8Array): void
  onClose(listener: (code: number) => void): void
}> {
  const socket = connect(port, '127.0.0.1')
  const key = randomBytes(16).toString('base64')
  const accept = createHash('sha1').update(`${key}258EAFA5-E914-47DA-95CA-C5AB0DC85B11`).digest('base64')
  let buffer = Buffer.alloc(0)
  let upgraded = false
  const closeListeners: Array<(code: number) => void> = []
  const opened = new Promise<void>((resolve, reject) => {
    socket.on('error', reject)
    socket.on('data', (chunk) => {
      buffer = Buffer.concat([buffer, chunk])
      if (!upgraded) {
        const end = buffer.indexOf('\r\n\r\n')
        if (end < 0) return
        const head = buffer.subarray(0, end).toString('latin1')
        if (!head.startsWith('HTTP/1.1 101') || !head.includes(accept)) return reject(new Error(head))
        upgraded = true
        buffer = buffer.subarray(end + 4)
        resolve()
      }
      // Server frames are unmasked.
      while (buffer.length >= 2) {
        const opcode = buffer[0]! & 0x0f
        let length = buffer[1]! & 0x7f
        let offset = 2
        if (length === 126) {
          if (buffer.length < 4) return
          length = buffer.readUInt16BE(2)
          offset = 4
        } else if (length === 127) {
          if (buffer.length < 10) return
          length = Number(buffer.readBigUInt64BE(2))
          offset = 10
        }
        if (buffer.length < offset + length) return
        const payload = buffer.subarray(offset, offset + length)
        buffer = buffer.subarray(offset + length)
        if (opcode === 0x8) for (const listener of closeListeners) listener(payload.readUInt16BE(0))
      }
    })
  })
  socket.write(
    `GET ${target} HTTP/1.1\r\nhost: localhost\r\nupgrade: websocket\r\nconnection: Upgrade\r\n` +
      `sec-websocket-version: 13\r\nsec-websocket-key: ${key}\r\n\r\n`,
  )
  await opened
  return {
    socket,
    send: (payload) => {
      const mask = randomBytes(4)
      const head =
        payload.length < 126
          ? Buffer.from([0x82, 0x80 | payload.length])
          : Buffer.from([0x82, 0x80 | 126, payload.length >> 8, payload.length & 0xff])
      const masked = Buffer.from(payload.map((byte, i) => byte ^ mask[i % 4]!))
      if (!socket.destroyed) socket.write(Buffer.concat([head, mask, masked]))
    },
    onClose: (listener) => closeListeners.push(listener),
  }
}

describe('link expiry', () => {
  it('[N8] an open socket is closed with 4410 when its link expires; what it sends after is never stored', async () => {
    srv = await startServer()
    const board = await srv.createBoard('Verloopt')
    const issued = await shortLink(board, 3)
    const short = withParticipantLink(board, issued.link)

    // The real client: edits before expiry are stored; at expiry it is told 4410 and stops (a final code).
    const client = pool.connect(srv.wsUrl, short, 'participant')
    await client.synced()
    client.doc.getMap('m').set('before', 'stored')
    const closed = new Promise<{ code: number; at: number }>((resolve) =>
      client.provider.on('closed', ({ code }) => resolve({ code, at: Date.now() })),
    )

    // A modified client on the same link that ignores the close frame and keeps writing.
    const port = Number(new URL(srv.url).port)
    const stubborn = await stubbornSocket(port, `/sync/${board.id}?token=${tokenOf(issued.link)}`)
    const doc = new Y.Doc()
    const frames: Uint8Array[] = []
    doc.on('update', (update: Uint8Array) => {
      const e = encoding.createEncoder()
      encoding.writeVarUint(e, 0)
      syncProtocol.writeUpdate(e, update)
      frames.push(encoding.toUint8Array(e))
    })
    const step1 = encoding.createEncoder()
    encoding.writeVarUint(step1, 0)
    syncProtocol.writeSyncStep1(step1, doc)
    stubborn.send(encoding.toUint8Array(step1))
    const stubbornClosed = new Promise<number>((resolve) => stubborn.onClose(resolve))

    const msLeft = issued.expiresAt * 1000 - Date.now()
    const [clientClose, stubbornCode] = await within(
      msLeft + 10_000,
      'close at expiry',
      Promise.all([closed, stubbornClosed]),
    )
    expect(clientClose.code).toBe(4410)
    expect(stubbornCode).toBe(4410)
    // At the expiry, not before (timers may fire a few ms either side of the clock's second).
    expect(clientClose.at).toBeGreaterThanOrEqual(issued.expiresAt * 1000 - 20)

    // After expiry: the stock client keeps its edit local; the modified one writes anyway.
    client.doc.getMap('m').set('after', 'local only')
    for (let i = 0; i < 5; i++) {
      doc.getMap('m').set(`stubborn-${i}`, 'after expiry')
      stubborn.send(frames.at(-1)!)
    }
    expect(client.provider.wsconnected).toBe(false)

    // Read back while the modified client's connection is still open (the frames above are ahead of anything a new
    // connection sends): a facilitator's write is stored and seen after whatever the expired socket sent.
    const reader = pool.connect(srv.wsUrl, board, 'facilitator')
    await reader.synced()
    await whenDoc(reader.doc, () => reader.doc.getMap('m').get('before') === 'stored')
    reader.doc.getMap('m').set('marker', 1)
    const check = pool.connect(srv.wsUrl, board, 'facilitator')
    await check.synced()
    await whenDoc(check.doc, () => check.doc.getMap('m').get('marker') === 1)
    expect([...check.doc.getMap('m').keys()].sort()).toEqual(['before', 'marker'])

    // Its close frame at last: the server ends the connection.
    const ended = new Promise<void>((resolve) => stubborn.socket.on('close', () => resolve()))
    stubborn.socket.end(Buffer.from([0x88, 0x82, 0, 0, 0, 0, 0x03, 0xe8]))
    await within(5000, 'server ends the stubborn connection', ended)
  })

  it('[N9] ttlDays 0.5, 1/7 and 0.123 give working links with whole-second expiries; out-of-range ttlDays are refused', async () => {
    srv = await startServer()
    const board = await srv.createBoard('Halve dag')
    // A seventh of a day is 12,342.857… s, 0.123 days 10,627.2 s: such expiries were refused as non-integer (401).
    for (const ttlDays of [0.5, 1 / 7, 0.123, 1.1]) {
      const res = await issueLink(board, { role: 'participant', ttlDays })
      expect(res.status, `ttlDays ${ttlDays}`).toBe(201)
      const issued = (await res.json()) as LinkResponse
      expect(Number.isInteger(issued.expiresAt)).toBe(true)
      expect(Math.abs(issued.expiresAt - (Date.now() / 1000 + ttlDays * 86_400))).toBeLessThan(5)
      const session = await fetch(`${srv.url}/api/boards/${board.id}/session`, {
        headers: { authorization: `Bearer ${tokenOf(issued.link)}` },
      })
      expect(session.status).toBe(200)
      const client = pool.connect(srv.wsUrl, withParticipantLink(board, issued.link), 'participant')
      await within(15_000, 'sync with the new link', client.synced())
    }
    for (const ttlDays of [0, -1, 366, 1e9, '1', null]) {
      const res = await issueLink(board, { role: 'participant', ttlDays })
      expect(res.status, `ttlDays ${String(ttlDays)}`).toBe(400)
    }
  })
})
