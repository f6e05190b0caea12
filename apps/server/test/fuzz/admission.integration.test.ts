import type { CreateBoardResponse } from '@waardentafel/protocol'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { startServer, type TestServer, tokenOf, whenDoc } from '../harness.ts'

// Admission control on a real server with real sockets: connections from several loopback addresses (all of
// 127.0.0.0/8 reaches the server on Linux), so that a violating address and a clean one can be told apart.
// The spacing is made large here (half a second) so that "delayed" and "at once" differ by far more than a loaded
// machine's jitter.
const SPACING_MS = 500
let srv: TestServer
let board: CreateBoardResponse
let url = ''
const opened: WebSocket[] = []
const providers: WebsocketProvider[] = []

beforeAll(async () => {
  srv = await startServer({
    ADMISSION_DELAY_MS: String(SPACING_MS),
    ADMISSION_MAX_DELAY_MS: String(SPACING_MS),
    ADMISSION_MAX_PENDING: '2',
    ADMISSION_HALF_LIFE_MS: '600000',
  })
  board = await srv.createBoard()
  url = `${srv.wsUrl}/sync/${board.id}?token=${tokenOf(board.links.participant)}`
})
afterEach(() => {
  for (const ws of opened.splice(0)) ws.terminate()
  for (const p of providers.splice(0)) p.destroy()
})
afterAll(async () => {
  await srv.close()
})

type Attempt =
  | { opened: true; ms: number; ws: WebSocket }
  | { opened: false; ms: number; status: number; retryAfter: string | undefined }

/** Opens a connection from `localAddress`; resolves when it is open or refused, with how long that took. */
function connect(from: string, headers: Record<string, string> = {}, to = url): Promise<Attempt> {
  const started = performance.now()
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(to, { localAddress: from, headers })
    ws.on('open', () => {
      opened.push(ws)
      resolve({ opened: true, ms: performance.now() - started, ws })
    })
    ws.on('unexpected-response', (req, res) => {
      req.destroy()
      resolve({
        opened: false,
        ms: performance.now() - started,
        status: res.statusCode ?? 0,
        retryAfter: res.headers['retry-after'],
      })
    })
    ws.on('error', reject)
  })
}

/** A connection that breaks the protocol (a frame of unknown type): closed with 4400, counted against `from`. */
async function violate(from: string, headers: Record<string, string> = {}, to = url): Promise<void> {
  const attempt = await connect(from, headers, to)
  if (!attempt.opened) throw new Error(`refused (${attempt.status})`)
  const code = await new Promise<number>((resolve) => {
    attempt.ws.on('close', (c) => resolve(c))
    attempt.ws.send(Uint8Array.from([42]))
  })
  expect(code).toBe(4400)
}

/** A y-websocket client connecting from `from`. */
function honestFrom(from: string): { doc: Y.Doc; provider: WebsocketProvider } {
  class FromAddress extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, { localAddress: from })
    }
  }
  const doc = new Y.Doc()
  const provider = new WebsocketProvider(`${srv.wsUrl}/sync`, board.id, doc, {
    params: { token: tokenOf(board.links.participant) },
    WebSocketPolyfill: FromAddress as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  })
  providers.push(provider)
  return { doc, provider }
}

describe('admission control (per address, after protocol violations)', () => {
  it('an address that never broke the protocol is never delayed, however many connections it opens', async () => {
    const attempts = await Promise.all(Array.from({ length: 12 }, () => connect('127.0.0.2')))
    for (const a of attempts) {
      expect(a.opened).toBe(true)
      expect(a.ms).toBeLessThan(SPACING_MS * 0.9)
    }
  })

  it('a violating address has its next upgrades spaced out; other addresses and its open connections are untouched', async () => {
    // Someone at the address syncs before the violations (a colleague behind the same NAT).
    const colleague = honestFrom('127.0.0.3')
    await new Promise<void>((resolve) => colleague.provider.once('sync', () => resolve()))
    await violate('127.0.0.3')
    // Two upgrades at once from the violating address: one goes at once, the next waits for its slot.
    const [first, second] = await Promise.all([connect('127.0.0.3'), connect('127.0.0.3')])
    const times = [first!.ms, second!.ms].sort((a, b) => a - b)
    expect(first!.opened && second!.opened).toBe(true)
    expect(times[1]).toBeGreaterThanOrEqual(SPACING_MS * 0.9)
    // Another address meanwhile: at once.
    const elsewhere = await Promise.all([connect('127.0.0.4'), connect('127.0.0.4')])
    for (const a of elsewhere) expect(a.ms).toBeLessThan(SPACING_MS * 0.9)
    // The colleague's open connection is not touched: it still gets everyone's edits.
    const other = honestFrom('127.0.0.4')
    other.doc.getMap('m').set('k', 'after the violations')
    await whenDoc(colleague.doc, () => colleague.doc.getMap('m').get('k') === 'after the violations')
    expect(colleague.provider.wsconnected).toBe(true)
  })

  it('beyond ADMISSION_MAX_PENDING waiting upgrades the address is refused with 429 and Retry-After; once they are through it is admitted again', async () => {
    await violate('127.0.0.5')
    // One at once, two waiting (the cap), the fourth refused.
    const attempts = await Promise.all(Array.from({ length: 4 }, () => connect('127.0.0.5')))
    const refused = attempts.filter((a) => !a.opened)
    expect(refused).toHaveLength(1)
    expect(refused[0]).toMatchObject({ status: 429 })
    expect(Number(refused[0]!.opened ? 0 : refused[0]!.retryAfter)).toBeGreaterThanOrEqual(1)
    expect(refused[0]!.ms).toBeLessThan(SPACING_MS * 0.9) // refused at once, not after waiting
    // An honest client from that address is spaced like the rest (there is no telling them apart at the
    // upgrade), but admitted, and syncs.
    const late = honestFrom('127.0.0.5')
    await new Promise<void>((resolve) => late.provider.once('sync', () => resolve()))
  })

  it('TRUST_PROXY: behind a reverse proxy the address is the last X-Forwarded-For entry, not the proxy', async () => {
    const proxied = await startServer({
      ADMISSION_DELAY_MS: String(SPACING_MS),
      ADMISSION_MAX_DELAY_MS: String(SPACING_MS),
      TRUST_PROXY: 'true',
    })
    try {
      const b = await proxied.createBoard()
      const to = `${proxied.wsUrl}/sync/${b.id}?token=${tokenOf(b.links.participant)}`
      const via = (client: string) => ({ 'X-Forwarded-For': `10.9.9.9, ${client}` })
      await violate('127.0.0.6', via('198.51.100.1'), to)
      const [x, y, other] = await Promise.all([
        connect('127.0.0.6', via('198.51.100.1'), to),
        connect('127.0.0.6', via('198.51.100.1'), to),
        connect('127.0.0.6', via('198.51.100.2'), to),
      ])
      expect(Math.max(x!.ms, y!.ms)).toBeGreaterThanOrEqual(SPACING_MS * 0.9)
      expect(other!.ms).toBeLessThan(SPACING_MS * 0.9)
      for (const a of [x, y, other]) if (a?.opened) a.ws.terminate()
    } finally {
      await proxied.close()
    }
  })
})
