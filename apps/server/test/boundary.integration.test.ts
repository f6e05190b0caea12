import { mkdirSync, mkdtempSync, unlinkSync, writeFileSync } from 'node:fs'
import { connect } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { CreateBoardResponse } from '@waardentafel/protocol'
import fc from 'fast-check'
import { pino } from 'pino'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { clientPool, startServer, type TestServer, tokenOf, whenDoc } from './harness.ts'
import { errorCode, httpRequestText, type RawAnswer, rawRequest, upgradeRequestText } from './rawHttp.ts'

/** Broken, overlong and surrogate %-encodings, NUL and a lone %: each must be refused, none may end the process. */
const BAD = ['%', '%E0', '%ZZ', '%C0%AF', '%E0%80%AF', '%F0%80%80%AF', '%ED%A0%80', '%FF', '%00', '%e0%a4']

/** A web app as `WEB_DIST` serves it, so the static route (sirv) is part of the sweep. */
function fakeWebDist(): string {
  const dir = mkdtempSync(join(tmpdir(), 'wt-dist-'))
  mkdirSync(join(dir, 'assets'))
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Waardentafel</title>')
  writeFileSync(join(dir, 'assets', 'app.js'), 'console.log(1)\n'.repeat(100))
  writeFileSync(join(dir, 'assets', 'old.js'), 'console.log(0)\n')
  return dir
}

const pool = clientPool()
afterEach(() => pool.destroyAll())

describe('no input ends the process', () => {
  let srv: TestServer
  let board: CreateBoardResponse
  let port: number
  let webDist: string
  beforeAll(async () => {
    webDist = fakeWebDist()
    srv = await startServer({ WEB_DIST: webDist })
    board = await srv.createBoard('Sweep')
    port = Number(new URL(srv.url).port)
  })
  afterAll(() => srv.close())

  /** Every route of server.ts (docs/protocol.md), with a real board id. */
  const routes = (): Array<[string, string]> => {
    const b = `/api/boards/${board.id}`
    return [
      ['GET', '/healthz'],
      ['GET', '/api/config'],
      ['POST', '/api/boards'],
      ['POST', '/api/boards/import'],
      ['POST', `${b}/facilitation`],
      ['POST', `${b}/links`],
      ['POST', `${b}/links/revoke`],
      ['GET', `${b}/session`],
      ['GET', `${b}/snapshot`],
      ['GET', `${b}/programma`],
      ['GET', `${b}/rounds/r1`],
      ['PUT', `${b}/rounds/r1/placements`],
      ['GET', `${b}/sessions`],
      ['GET', `${b}/sessions/compare`],
      ['POST', `${b}/sessions/s1/restore`],
      ['GET', '/'],
      ['GET', `/b/${board.id}`],
      ['GET', '/assets/app.js'],
      ['GET', `/sync/${board.id}`],
    ]
  }

  /** Each path with a bad encoding appended, put in place of each segment, and glued onto each segment. */
  const malformedTargets = (path: string): string[] => {
    const segments = path.slice(1).split('/')
    const targets: string[] = []
    for (const bad of BAD) {
      targets.push(`${path}/${bad}`, `${path}?token=${bad}`, `${path}?${bad}=1`)
      segments.forEach((segment, i) => {
        const replaced = segments.map((s, j) => (j === i ? bad : s))
        const glued = segments.map((s, j) => (j === i ? `${segment}${bad}` : s))
        targets.push(`/${replaced.join('/')}`, `/${glued.join('/')}`)
      })
    }
    targets.push(`${path}?token=a&token=b`, `${path}?format=md&format=json`, `/${'x'.repeat(9000)}${path}`)
    return targets
  }

  const expectRefused = (answer: RawAnswer, what: string, status: number, code: string | null) => {
    expect(answer.status, what).toBe(status)
    if (code) expect(errorCode(answer), what).toBe(code)
  }

  it('[N3] malformed request targets on every route are answered 400 MALFORMED_REQUEST', {
    timeout: 120_000,
  }, async () => {
    const token = tokenOf(board.links.facilitator)
    let count = 0
    for (const [method, path] of routes()) {
      for (const target of malformedTargets(path)) {
        const headers = {
          host: 'localhost',
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
        }
        const answer = await rawRequest(
          port,
          httpRequestText(method, target, headers, method === 'GET' ? '' : '{}'),
        )
        expectRefused(answer, `${method} ${target.slice(0, 120)}`, 400, 'MALFORMED_REQUEST')
        expect(answer.headers['x-content-type-options'], target).toBe('nosniff')
        count++
      }
    }
    expect(count).toBeGreaterThan(1000)
  })

  it('[N3] what Node itself refuses (NUL, raw bytes, absolute-form, huge headers, unknown methods) is a 4xx too', async () => {
    const cases: Array<[string, string | Buffer]> = [
      [
        'raw NUL',
        Buffer.from('GET /api/boards/a\0b/session HTTP/1.1\r\nhost: localhost\r\nconnection: close\r\n\r\n'),
      ],
      [
        'raw high bytes',
        Buffer.concat([Buffer.from('GET /\xe0\xff HTTP/1.1\r\n', 'latin1'), Buffer.from('host: x\r\n\r\n')]),
      ],
      ['absolute form', httpRequestText('GET', 'http://evil.example/healthz')],
      ['asterisk', httpRequestText('OPTIONS', '*')],
      ['no host', 'GET /healthz HTTP/1.1\r\nconnection: close\r\n\r\n'],
      ['bad host', httpRequestText('GET', '/api/config', { host: 'evil.example/x' })],
      ['bad host bracket', httpRequestText('GET', '/api/config', { host: '[' })],
      [
        'bad host userinfo',
        httpRequestText(
          'POST',
          '/api/boards',
          { host: 'a@b', 'content-type': 'application/json' },
          '{"title":"x"}',
        ),
      ],
      ['huge header', httpRequestText('GET', '/healthz', { host: 'localhost', 'x-big': 'a'.repeat(20_000) })],
      ['huge path', httpRequestText('GET', `/${'a'.repeat(20_000)}`)],
      ['unknown method', httpRequestText('BREW', '/healthz')],
      [
        'DELETE',
        httpRequestText('DELETE', `/api/boards/${board.id}/links`, {
          host: 'localhost',
          'content-type': 'application/json',
        }),
      ],
      ['bad content-length', 'POST /api/boards HTTP/1.1\r\nhost: x\r\ncontent-length: -1\r\n\r\n'],
      [
        'two content-lengths',
        'POST /api/boards HTTP/1.1\r\nhost: x\r\ncontent-length: 2\r\ncontent-length: 3\r\n\r\n{}',
      ],
      [
        'broken chunking',
        'POST /api/boards HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\n\r\nzz\r\n',
      ],
      ['bad range', httpRequestText('GET', '/assets/app.js', { host: 'localhost', range: 'bytes=50-2' })],
      ['bad range on index', httpRequestText('GET', '/', { host: 'localhost', range: 'bytes=9-1' })],
      ['garbage range', httpRequestText('GET', '/assets/app.js', { host: 'localhost', range: 'bytes=--,' })],
      [
        'range past the end',
        httpRequestText('GET', '/assets/app.js', { host: 'localhost', range: 'bytes=999999-' }),
      ],
    ]
    for (const [what, request] of cases) {
      const answer = await rawRequest(port, request)
      // A Range the file cannot satisfy is 416 from sirv or served whole; everything else is refused.
      if (what.includes('range')) expect([200, 206, 416], what).toContain(answer.status)
      else expect(answer.status >= 400 && answer.status < 500, `${what}: ${answer.status}`).toBe(true)
    }
  })

  it('[N3] bad Origin, content types and JSON bodies are refused with their codes on every state-changing route', {
    timeout: 120_000,
  }, async () => {
    const token = tokenOf(board.links.facilitator)
    const writes = routes().filter(([method]) => method !== 'GET')
    const deep = '['.repeat(200_000)
    for (const [method, path] of writes) {
      const send = (headers: Record<string, string>, body: string) =>
        rawRequest(
          port,
          httpRequestText(
            method,
            path,
            { host: 'localhost', authorization: `Bearer ${token}`, ...headers },
            body,
          ),
        )
      const json = { 'content-type': 'application/json' }
      for (const origin of [
        'null',
        'http://evil.example',
        '%E0',
        'http://localhost.evil.example',
        'http://localhost:1',
      ]) {
        expectRefused(
          await send({ ...json, origin }, '{}'),
          `${path} from ${origin}`,
          403,
          'ORIGIN_FORBIDDEN',
        )
      }
      for (const type of [
        'text/plain',
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=x',
        'application/jsonx',
      ]) {
        expectRefused(
          await send({ 'content-type': type }, '{}'),
          `${path} as ${type}`,
          415,
          'UNSUPPORTED_MEDIA_TYPE',
        )
      }
      expectRefused(await send({}, '{}'), `${path} without a type`, 415, 'UNSUPPORTED_MEDIA_TYPE')
      for (const body of ['{', '\0', '"', 'nul', '{"title":', deep, '\ud800']) {
        const answer = await send(json, body)
        expect(
          answer.status >= 400 && answer.status < 500,
          `${path} with ${body.slice(0, 10)}: ${answer.status}`,
        ).toBe(true)
      }
    }
  })

  it('[N3] aborted bodies and half-sent requests leave the server answering', async () => {
    const aborts = Array.from(
      { length: 20 },
      (_, i) =>
        new Promise<void>((resolve) => {
          const socket = connect(port, '127.0.0.1', () => {
            const path = i % 2 ? '/api/boards' : '/api/boards/import'
            socket.write(
              `POST ${path} HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: 1000\r\n\r\n{"ti`,
            )
            socket.destroy()
          })
          socket.on('close', () => resolve())
          socket.on('error', () => resolve())
        }),
    )
    await Promise.all(aborts)
    expect((await fetch(`${srv.url}/healthz`)).status).toBe(200)
  })

  it('[N3] a file of the web app removed while the server runs (a new build put in place) cuts that answer only', async () => {
    unlinkSync(join(webDist, 'assets', 'old.js'))
    const answer = await rawRequest(port, httpRequestText('GET', '/assets/old.js'))
    // The status line may be out before the file turns out to be gone; the body never comes.
    expect(answer.body).not.toContain('console.log')
    expect((await fetch(`${srv.url}/healthz`)).status).toBe(200)
  })

  it('[N3] malformed upgrades are answered 400 over HTTP; the WebSocket server never sees them', async () => {
    const token = tokenOf(board.links.participant)
    const targets = [
      ...BAD.flatMap((bad) => [
        `/sync/${bad}`,
        `/sync/${board.id}${bad}`,
        `/sync/${board.id}/${bad}`,
        `/sync/${board.id}?token=${bad}`,
        `/sync/${board.id}?token=${token}&${bad}`,
        `/${bad}/sync/${board.id}`,
      ]),
      `/sync/${board.id}?token=${token}&token=${token}`,
      `/sync/${'a'.repeat(9000)}`,
    ]
    for (const target of targets) {
      expectRefused(
        await rawRequest(port, upgradeRequestText(target)),
        `upgrade ${target.slice(0, 100)}`,
        400,
        'MALFORMED_REQUEST',
      )
    }
    const badHost = upgradeRequestText(`/sync/${board.id}?token=${token}`, { host: 'evil/x' })
    expectRefused(await rawRequest(port, badHost), 'upgrade with a bad Host', 400, 'MALFORMED_REQUEST')
    expect((await rawRequest(port, upgradeRequestText('/elsewhere'))).status).toBe(404)
    // A dot-segment board id is just an unknown board: upgraded, then closed 4404 like any.
    expect((await rawRequest(port, upgradeRequestText(`/sync/..%2F..%2Fapi?token=${token}`))).status).toBe(
      101,
    )

    // The same through the `ws` client, as a page would open it.
    for (const target of ['/sync/%E0', `/sync/${board.id}?token=%C0%AF`]) {
      const status = await new Promise<number>((resolve, reject) => {
        const ws = new WebSocket(`${srv.wsUrl}${target}`)
        ws.on('unexpected-response', (_req, res) => {
          resolve(res.statusCode ?? 0)
          ws.terminate()
        })
        ws.on('open', () => reject(new Error(`${target} was upgraded`)))
        ws.on('error', () => {})
      })
      expect(status, target).toBe(400)
    }
  })

  it('[N2] generated request targets (fast-check) against the running server: never a 5xx, never a dropped request', {
    timeout: 120_000,
  }, async () => {
    const piece = fc.oneof(
      fc.constantFrom(
        ...BAD,
        '..',
        '.',
        '%2F',
        '%2e%2e',
        '/',
        '//',
        '?',
        '&',
        '=',
        '+',
        '#',
        'api',
        'boards',
        board.id,
      ),
      fc.constantFrom(
        'session',
        'snapshot',
        'programma',
        'links',
        'revoke',
        'rounds',
        'sessions',
        'restore',
        'import',
      ),
      fc.stringMatching(/^[\x21-\x7e]{0,6}$/),
    )
    const target = fc.array(piece, { maxLength: 10 }).map((parts) => `/${parts.join('')}`)
    const method = fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'HEAD', 'OPTIONS', 'PATCH')
    await fc.assert(
      fc.asyncProperty(method, target, async (m, t) => {
        const headers = { host: 'localhost', 'content-type': 'application/json' }
        const answer = await rawRequest(
          port,
          httpRequestText(m, t, headers, m === 'GET' || m === 'HEAD' ? '' : '{}'),
        )
        expect(answer.status >= 200 && answer.status < 500, `${m} ${t}: ${answer.status}`).toBe(true)
      }),
      { numRuns: 300, seed: 15 },
    )
  })

  it('[N3] after the sweep the server answers /healthz and real y-websocket clients still edit a board', async () => {
    expect((await fetch(`${srv.url}/healthz`)).status).toBe(200)
    const a = pool.connect(srv.wsUrl, board, 'participant')
    const b = pool.connect(srv.wsUrl, board, 'facilitator')
    await Promise.all([a.synced(), b.synced()])
    a.doc.getMap('sweep').set('after', 'still editing')
    await whenDoc(b.doc, () => b.doc.getMap('sweep').get('after') === 'still editing')
  })
})

describe('log flooding', () => {
  it('[N4] 1,000 malformed requests produce a bounded number of log lines, at warn or below, without stacks', {
    timeout: 120_000,
  }, async () => {
    const lines: Array<Record<string, unknown>> = []
    let onLine = () => {}
    const log = pino(
      { level: 'debug' },
      {
        write: (line: string) => {
          lines.push(JSON.parse(line) as Record<string, unknown>)
          onLine()
        },
      },
    )
    const srv = await startServer({}, { log })
    try {
      const board = await srv.createBoard('Flood')
      const port = Number(new URL(srv.url).port)
      lines.length = 0
      let sent = 0
      // 600 malformed paths and queries over keep-alive fetch.
      for (let i = 0; i < 600; i++, sent++) {
        const bad = BAD[i % BAD.length]
        const res = await fetch(
          `${srv.url}/api/boards/${i % 3 ? bad : board.id}/session?n=${i}${i % 3 ? '' : `&token=${bad}`}`,
        )
        expect(res.status).toBe(400)
        await res.body?.cancel()
      }
      // 250 cross-site form posts.
      for (let i = 0; i < 250; i++, sent++) {
        const res = await fetch(`${srv.url}/api/boards`, { method: 'POST', body: `{"title":"t${i}"}` })
        expect(res.status).toBe(415)
        await res.body?.cancel()
      }
      // 100 malformed upgrades.
      for (let i = 0; i < 100; i++, sent++) {
        expect((await rawRequest(port, upgradeRequestText(`/sync/${BAD[i % BAD.length]}`))).status).toBe(400)
      }
      // 50 bodies cut off mid-way.
      for (let i = 0; i < 50; i++, sent++) {
        await new Promise<void>((resolve) => {
          const socket = connect(port, '127.0.0.1', () => {
            socket.write(
              'POST /api/boards HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: 500\r\n\r\n{',
            )
            socket.destroy()
          })
          socket.on('close', () => resolve())
        })
      }
      expect(sent).toBe(1000)
      // The server sees the cut-off bodies when it reads the closed sockets: wait for that line, with a bound.
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no BODY_ABORTED line within 10 s')), 10_000)
        onLine = () => {
          if (!lines.some((l) => l.code === 'BODY_ABORTED')) return
          clearTimeout(timer)
          resolve()
        }
        onLine()
      })
      expect((await fetch(`${srv.url}/healthz`)).status).toBe(200)

      // One line per kind and address: MALFORMED_REQUEST, UNSUPPORTED_MEDIA_TYPE, BODY_ABORTED.
      expect(lines.length, JSON.stringify(lines)).toBeLessThanOrEqual(5)
      for (const line of lines) {
        expect(line.level as number).toBeLessThanOrEqual(40)
        expect(JSON.stringify(line)).not.toContain('    at ')
      }
      const malformed = lines.find((l) => l.code === 'MALFORMED_REQUEST')
      expect(malformed?.level).toBe(40)
      expect(lines.find((l) => l.code === 'UNSUPPORTED_MEDIA_TYPE')?.level).toBe(40)
      expect(lines.find((l) => l.code === 'BODY_ABORTED')?.level).toBe(20)
    } finally {
      await srv.close()
    }
  })
})
