import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { type ApiClient, ApiError, createApiClient } from './client.ts'

// The client against a real HTTP server on port 0: what goes over the wire (method, raw path, headers, body) and
// how every kind of answer comes back.

type Seen = { method: string; url: string; headers: IncomingHttpHeaders; body: string }
type Reply = { status: number; body: string; type?: string }

let server: Server
let client: ApiClient
let seen: Seen[] = []
let reply: Reply = { status: 200, body: '{}' }

const json = (status: number, value: unknown): Reply => ({ status, body: JSON.stringify(value) })
const SESSION = {
  board: { id: 'bord-gnephoek', title: 'Gnephoek' },
  role: 'participant',
  expiresAt: 1_900_000_000_000,
  serverTime: 1_800_000_000_000,
}

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = ''
    req.setEncoding('utf8')
    req.on('data', (chunk: string) => {
      body += chunk
    })
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body })
      res.writeHead(reply.status, { 'content-type': reply.type ?? 'application/json' })
      res.end(reply.body)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  client = createApiClient(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)
})
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))
beforeEach(() => {
  seen = []
  reply = { status: 200, body: '{}' }
})

async function refusal(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  )
  if (!(error instanceof ApiError)) throw new Error(`expected an ApiError, got ${String(error)}`)
  return error
}

describe('api client: requests', () => {
  it('percent-encodes each path parameter as one segment', async () => {
    reply = json(200, SESSION)
    await client.call('session', { boardId: 'a/b c?#%' }, undefined, { bearer: 't' })
    expect(seen[0]?.url).toBe('/api/boards/a%2Fb%20c%3F%23%25/session')
    await client.call('roundReport', { boardId: 'x', roundId: 'r/1' }).catch(() => null)
    expect(seen[1]?.url).toBe('/api/boards/x/rounds/r%2F1')
  })

  it("sends the route's method, the bearer and the JSON body", async () => {
    reply = json(200, { ok: true, roundId: 'r1' })
    const answer = await client.call(
      'facilitation',
      { boardId: 'b' },
      { action: 'privateMode', on: true },
      {
        bearer: 'tok',
      },
    )
    expect(answer).toEqual({ ok: true, roundId: 'r1' })
    expect(seen[0]).toMatchObject({ method: 'POST', url: '/api/boards/b/facilitation' })
    expect(seen[0]?.headers.authorization).toBe('Bearer tok')
    expect(seen[0]?.headers['content-type']).toBe('application/json')
    expect(JSON.parse(seen[0]?.body ?? '')).toEqual({ action: 'privateMode', on: true })
  })

  it('sends `{}` as JSON on a POST whose route reads no body, and nothing on a GET', async () => {
    reply = json(201, { participantKey: 'k'.repeat(32) })
    await client.call('issueParticipantKey', { boardId: 'b' }).catch(() => null)
    expect(seen[0]).toMatchObject({ method: 'POST', body: '{}' })
    expect(seen[0]?.headers['content-type']).toBe('application/json')
    reply = json(200, [])
    await client.call('listSessions', { boardId: 'b' })
    expect(seen[1]).toMatchObject({ method: 'GET', body: '' })
    expect(seen[1]?.headers['content-type']).toBeUndefined()
    expect(seen[1]?.headers.authorization).toBeUndefined()
  })

  it('encodes query parameters and leaves out undefined ones', async () => {
    reply = json(200, {})
    await client.call('compareSessions', { boardId: 'b' }, undefined, {
      query: { from: 'a&b', to: undefined },
    })
    expect(seen[0]?.url).toBe('/api/boards/b/sessions/compare?from=a%26b')
  })

  it('passes extra headers (the ballot key)', async () => {
    await client
      .call('roundReport', { boardId: 'b', roundId: 'r' }, undefined, {
        headers: { 'x-participant-key': 'k' },
      })
      .catch(() => null)
    expect(seen[0]?.headers['x-participant-key']).toBe('k')
  })

  it("sends the organiser's CSRF token on state-changing calls only, and stops after sign-out", async () => {
    client.setCsrfToken('csrf-1')
    reply = json(201, { participantKey: 'k'.repeat(32) })
    await client.call('issueParticipantKey', { boardId: 'b' }).catch(() => null)
    reply = json(200, [])
    await client.call('listSessions', { boardId: 'b' })
    client.setCsrfToken(null)
    await client.call('issueParticipantKey', { boardId: 'b' }).catch(() => null)
    expect(seen.map((s) => s.headers['x-csrf-token'])).toEqual(['csrf-1', undefined, undefined])
  })
})

describe('api client: answers', () => {
  it("returns the answer as the route's schema parses it", async () => {
    reply = json(200, SESSION)
    expect(await client.call('session', { boardId: 'b' })).toEqual(SESSION)
  })

  it("turns a refusal into an ApiError with the server's code, message and status", async () => {
    reply = json(410, { error: { code: 'TOKEN_EXPIRED', message: 'link expired' } })
    const error = await refusal(client.call('session', { boardId: 'b' }))
    expect(error).toMatchObject({ code: 'TOKEN_EXPIRED', message: 'link expired', status: 410 })
  })

  it('names a refusal without a documented body by its status', async () => {
    reply = { status: 502, body: '<html>Bad gateway</html>', type: 'text/html' }
    expect(await refusal(client.call('config', {}))).toMatchObject({ code: 'HTTP_502', status: 502 })
    reply = json(429, { error: 'slow down' })
    expect(await refusal(client.call('config', {}))).toMatchObject({ code: 'HTTP_429', status: 429 })
  })

  it("refuses a 2xx answer that does not match the route's schema", async () => {
    reply = json(200, { board: { id: 'b' } })
    expect(await refusal(client.call('session', { boardId: 'b' }))).toMatchObject({
      code: 'BAD_RESPONSE',
      status: 200,
    })
    reply = { status: 200, body: 'not json' }
    expect(await refusal(client.call('session', { boardId: 'b' }))).toMatchObject({ code: 'BAD_RESPONSE' })
  })

  it('returns a file route as bytes', async () => {
    reply = { status: 200, body: '# Programma', type: 'text/markdown' }
    const blob = await client.file('programma', { boardId: 'b' }, { query: { format: 'md' } })
    expect(await blob.text()).toBe('# Programma')
    expect(seen[0]?.url).toBe('/api/boards/b/programma?format=md')
  })

  it('reports NETWORK when no server answers', async () => {
    const closed = createServer()
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve))
    const { port } = closed.address() as AddressInfo
    await new Promise<void>((resolve) => closed.close(() => resolve()))
    const error = await refusal(createApiClient(`http://127.0.0.1:${port}`).call('config', {}))
    expect(error).toMatchObject({ code: 'NETWORK', status: null })
  })
})
