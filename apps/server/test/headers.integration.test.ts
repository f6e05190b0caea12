import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { afterEach, describe, expect, it } from 'vitest'
import { clientPool, startServer, type TestServer, tokenOf, whenDoc } from './harness.ts'

let srv: TestServer | null = null
const pool = clientPool()
afterEach(async () => {
  pool.destroyAll()
  await srv?.close()
  srv = null
})

function fakeWebDist(): string {
  const dir = mkdtempSync(join(tmpdir(), 'wt-dist-'))
  mkdirSync(join(dir, 'assets'))
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html><script type="module" src="/assets/app.js"></script>',
  )
  writeFileSync(join(dir, 'assets', 'app.js'), 'console.log(1)')
  return dir
}

/** The directives of a Content-Security-Policy header, by name. */
function directives(csp: string | null): Map<string, string[]> {
  const map = new Map<string, string[]>()
  for (const part of (csp ?? '').split(';')) {
    const [name, ...values] = part.trim().split(/\s+/)
    if (name) map.set(name, values)
  }
  return map
}

function expectSecurityHeaders(res: Response, what: string): void {
  const csp = directives(res.headers.get('content-security-policy'))
  expect(csp.get('script-src'), what).toEqual(["'self'"])
  expect(csp.get('frame-ancestors'), what).toEqual(["'none'"])
  expect(csp.get('object-src'), what).toEqual(["'none'"])
  expect(res.headers.get('x-frame-options'), what).toBe('DENY')
  expect(res.headers.get('x-content-type-options'), what).toBe('nosniff')
  expect(res.headers.get('referrer-policy'), what).toBe('no-referrer')
  expect(res.headers.get('cross-origin-opener-policy'), what).toBe('same-origin')
}

function boardCount(dataDir: string): number {
  const db = new DatabaseSync(join(dataDir, 'waardentafel.sqlite'), { readOnly: true })
  try {
    return Number((db.prepare('SELECT count(*) AS n FROM boards').get() as { n: number }).n)
  } finally {
    db.close()
  }
}

describe('security headers', () => {
  it('[N5] every answer carries the CSP (no inline script, not framable), nosniff, no-referrer and COOP', async () => {
    srv = await startServer({ WEB_DIST: fakeWebDist() })
    const board = await srv.createBoard('Kopregels')
    const token = tokenOf(board.links.participant)
    const requests: Array<[string, RequestInit?]> = [
      ['/'],
      [`/b/${board.id}?token=${token}`],
      ['/assets/app.js'],
      ['/healthz'],
      ['/api/config'],
      ['/api/nothing'],
      ['/api/boards/%E0/session'],
      [`/api/boards/${board.id}/session?token=${token}`],
      [`/api/boards/${board.id}/snapshot`],
      [
        '/api/boards',
        { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"title":"x"}' },
      ],
      ['/api/boards', { method: 'POST', body: '{"title":"x"}' }],
      ['/', { method: 'HEAD' }],
    ]
    for (const [path, init] of requests) {
      const res = await fetch(`${srv.url}${path}`, init)
      expectSecurityHeaders(res, `${init?.method ?? 'GET'} ${path} (${res.status})`)
      await res.body?.cancel()
    }
    // The app's own WebSocket (same host) is allowed, nothing else is.
    const csp = directives((await fetch(`${srv.url}/`)).headers.get('content-security-policy'))
    const host = new URL(srv.url).host
    expect(csp.get('connect-src')).toEqual(["'self'", 'data:', 'blob:', `ws://${host}`, `wss://${host}`])
    expect(csp.get('default-src')).toEqual(["'self'"])
  })

  it('[N6] the HTML export runs under a script-free CSP and is offered with a safe file name', async () => {
    srv = await startServer()
    const board = await srv.createBoard('Gnéphoek "Oost" <script>/..\\x')
    const get = (format: string, extra = '') =>
      fetch(`${srv?.url}/api/boards/${board.id}/programma?format=${format}${extra}`, {
        headers: { authorization: `Bearer ${tokenOf(board.links.facilitator)}` },
      })
    const html = await get('html')
    expect(html.status).toBe(200)
    const csp = directives(html.headers.get('content-security-policy'))
    expect(csp.get('default-src')).toEqual(["'none'"])
    expect(csp.has('script-src')).toBe(false)
    expect(csp.get('frame-ancestors')).toEqual(["'none'"])
    expect(html.headers.get('x-content-type-options')).toBe('nosniff')
    const inline = html.headers.get('content-disposition') ?? ''
    // Characters a file system refuses (quotes, <, >, /, \\) become a dash; the day is the server's.
    const day = new Date().toISOString().slice(0, 10)
    expect(inline).toMatch(
      new RegExp(
        `^inline; filename="Programma van Waarden - Gn_phoek -Oost- -script-\\.\\.-x ${day}\\.html"; filename\\*=UTF-8''`,
      ),
    )
    expect(decodeURIComponent(inline.split("UTF-8''")[1] ?? '')).toBe(
      `Programma van Waarden - Gnéphoek -Oost- -script-..-x ${day}.html`,
    )
    expect(await html.text()).not.toMatch(/<script/i)

    const download = await get('html', '&download=1')
    expect(download.headers.get('content-disposition')).toMatch(/^attachment; filename="/)
    for (const format of ['md', 'docx']) {
      const res = await get(format)
      expect(res.headers.get('content-disposition'), format).toMatch(
        /^attachment; filename="[^"/\\]+"; filename\*=/,
      )
      expect(res.headers.get('x-content-type-options'), format).toBe('nosniff')
      await res.body?.cancel()
    }
  })
})

describe('cross-site requests', () => {
  it('[N7] a cross-origin text/plain POST does not create a board; only JSON from this or an allowed origin does', async () => {
    srv = await startServer({ ALLOWED_ORIGINS: 'https://gemeente.example, https://wt.example:8443' })
    const post = (headers: Record<string, string>) =>
      fetch(`${srv?.url}/api/boards`, { method: 'POST', headers, body: '{"title":"Via een andere site"}' })
    const before = boardCount(srv.dataDir)
    const refused: Array<[Record<string, string>, number, string]> = [
      [{ 'content-type': 'text/plain', origin: 'https://evil.example' }, 403, 'ORIGIN_FORBIDDEN'],
      [{ 'content-type': 'text/plain;charset=UTF-8' }, 415, 'UNSUPPORTED_MEDIA_TYPE'],
      [{ 'content-type': 'application/x-www-form-urlencoded' }, 415, 'UNSUPPORTED_MEDIA_TYPE'],
      [{ 'content-type': 'multipart/form-data; boundary=b' }, 415, 'UNSUPPORTED_MEDIA_TYPE'],
      [{ 'content-type': 'application/json', origin: 'https://evil.example' }, 403, 'ORIGIN_FORBIDDEN'],
      [{ 'content-type': 'application/json', origin: 'null' }, 403, 'ORIGIN_FORBIDDEN'],
      [{ 'content-type': 'application/json', origin: 'https://wt.example' }, 403, 'ORIGIN_FORBIDDEN'],
    ]
    for (const [headers, status, code] of refused) {
      const res = await post(headers)
      expect(res.status, JSON.stringify(headers)).toBe(status)
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe(code)
    }
    expect(boardCount(srv.dataDir)).toBe(before)

    const own = new URL(srv.url).origin
    for (const origin of [own, 'https://gemeente.example', 'https://wt.example:8443']) {
      const res = await post({ 'content-type': 'application/json; charset=utf-8', origin })
      expect(res.status, origin).toBe(201)
    }
    expect((await post({ 'content-type': 'application/json' })).status).toBe(201)
    expect(boardCount(srv.dataDir)).toBe(before + 4)
  })

  it('[N7] a link action sent as text/plain is refused before it is read: the timer does not start', async () => {
    srv = await startServer()
    const board = await srv.createBoard('Timer')
    const action = (headers: Record<string, string>) =>
      fetch(`${srv?.url}/api/boards/${board.id}/facilitation?token=${tokenOf(board.links.facilitator)}`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ action: 'timer.start', durationMs: 60_000 }),
      })
    expect((await action({ 'content-type': 'text/plain' })).status).toBe(415)
    expect(
      (await action({ 'content-type': 'application/json', origin: 'https://evil.example' })).status,
    ).toBe(403)
    const client = pool.connect(srv.wsUrl, board, 'facilitator')
    await client.synced()
    const timer = () =>
      (client.doc.getMap('facilitation').get('timer') as { status?: string } | undefined)?.status
    expect(timer() ?? 'idle').toBe('idle')
    expect((await action({ 'content-type': 'application/json' })).status).toBe(200)
    await whenDoc(client.doc, () => timer() === 'running')
  })
})
