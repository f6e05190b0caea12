import { isJoinCode, type JoinCodeResponse, type JoinResolveResponse } from '@waardentafel/protocol'
import { afterEach, describe, expect, it } from 'vitest'
import { startServer, type TestServer, tokenOf } from './harness.ts'

// Joining from the room (docs/protocol.md "Join codes"): the facilitator's short code for the participant link,
// ending with that link, and guarded against guessing per address. Rate limits are on in every server here.
const LIMITS_ON = { RATE_LIMITS: 'true', QUOTA_BOARDS: '100', QUOTA_STORAGE_MB: '500' }

const servers: TestServer[] = []
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close()
})

async function start(env: Record<string, string> = {}): Promise<TestServer> {
  const srv = await startServer({ ...LIMITS_ON, ...env })
  servers.push(srv)
  return srv
}

const post = (srv: TestServer, boardId: string, path: string, link: string, body: unknown = {}) =>
  fetch(`${srv.url}/api/boards/${boardId}/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${tokenOf(link)}` },
    body: JSON.stringify(body),
  })
const resolve = (srv: TestServer, code: string) => fetch(`${srv.url}/api/join/${encodeURIComponent(code)}`)
const errorCode = async (res: Response) => ((await res.json()) as { error: { code: string } }).error.code

async function issue(srv: TestServer, board: { id: string; links: { facilitator: string } }) {
  const res = await post(srv, board.id, 'join-code', board.links.facilitator)
  expect(res.status).toBe(200)
  return (await res.json()) as JoinCodeResponse
}

/** A wrong code of the right shape (the alphabet has no 0, O, 1, I or L: a code of Zs is as good as any). */
const wrongCode = (right: string, i: number) => {
  const candidate = `ZZZZ${String((i % 8) + 2)}${i % 2 ? 'Z' : 'Y'}`
  return candidate === right ? 'YYYYYY' : candidate
}

describe('join codes', () => {
  it('[J1] the facilitator issues one code per board; it resolves to a working participant link; others get 403', async () => {
    const srv = await start()
    const board = await srv.createBoard('Bewonersavond')
    const first = await issue(srv, board)
    expect(isJoinCode(first.code)).toBe(true)
    expect(first.url).toBe(`http://${new URL(srv.url).host}/${first.code}`)
    expect((await issue(srv, board)).code).toBe(first.code)
    for (const role of ['participant', 'observer'] as const) {
      const res = await post(srv, board.id, 'join-code', board.links[role])
      expect(res.status).toBe(403)
    }

    // Typed as people type it: lower case, with a space in the middle.
    const typed = `${first.code.slice(0, 3).toLowerCase()} ${first.code.slice(3)}`
    const res = await resolve(srv, typed)
    expect(res.status).toBe(200)
    const joined = (await res.json()) as JoinResolveResponse
    expect(joined.board).toEqual({ id: board.id, title: 'Bewonersavond' })
    expect(joined.expiresAt).toBe(first.expiresAt)
    const session = await fetch(`${srv.url}/api/boards/${board.id}/session`, {
      headers: { authorization: `Bearer ${tokenOf(joined.link)}` },
    })
    expect(session.status).toBe(200)
    expect(((await session.json()) as { role: string }).role).toBe('participant')
  })

  it('[J2] revoking the participant links ends the code; the next code is a new one that works', async () => {
    const srv = await start()
    const board = await srv.createBoard()
    const before = await issue(srv, board)
    expect(
      (await post(srv, board.id, 'links/revoke', board.links.facilitator, { role: 'participant' })).status,
    ).toBe(200)
    const old = await resolve(srv, before.code)
    expect(old.status).toBe(404)
    expect(await errorCode(old)).toBe('JOIN_CODE_UNKNOWN')
    // Revoking another role's links leaves the participants' code alone.
    const after = await issue(srv, board)
    expect(after.code).not.toBe(before.code)
    expect(
      (await post(srv, board.id, 'links/revoke', board.links.facilitator, { role: 'observer' })).status,
    ).toBe(200)
    const res = await resolve(srv, after.code)
    expect(res.status).toBe(200)
    const { link } = (await res.json()) as JoinResolveResponse
    const session = await fetch(`${srv.url}/api/boards/${board.id}/session?token=${tokenOf(link)}`)
    expect(session.status).toBe(200)
  })

  it('[J3] the code expires with its link', async () => {
    // Links live 3 s on this server.
    const srv = await start({ TOKEN_TTL_DAYS: String(3 / 86_400) })
    const board = await srv.createBoard()
    // The facilitator keeps a link of a day, to ask for the next code afterwards.
    const longer = await post(srv, board.id, 'links', board.links.facilitator, {
      role: 'facilitator',
      ttlDays: 1,
    })
    const facilitator = ((await longer.json()) as { link: string }).link
    const code = await issue(srv, board)
    const payload = JSON.parse(Buffer.from(tokenOf(code.link).split('.')[0]!, 'base64url').toString()) as {
      exp: number
    }
    expect(code.expiresAt).toBe(payload.exp)
    expect((await resolve(srv, code.code)).status).toBe(200)
    // Waiting for the clock to pass the expiry (a condition on time itself, bounded by the 3 s lifetime).
    while (Date.now() <= code.expiresAt * 1000) await new Promise((r) => setTimeout(r, 100))
    const expired = await resolve(srv, code.code)
    expect(expired.status).toBe(404)
    expect(await errorCode(expired)).toBe('JOIN_CODE_UNKNOWN')
    const fresh = await issue(srv, { id: board.id, links: { facilitator } })
    expect(fresh.code).not.toBe(code.code)
  })

  it('[J4] guessing is throttled per address: the 11th wrong code in a minute gets 429 with Retry-After', async () => {
    const srv = await start()
    const board = await srv.createBoard()
    const { code } = await issue(srv, board)
    for (let i = 0; i < 10; i++) {
      const res = await resolve(srv, i === 3 ? 'not-a-code' : wrongCode(code, i))
      expect(res.status).toBe(404)
    }
    const refused = await resolve(srv, wrongCode(code, 11))
    expect(refused.status).toBe(429)
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(await errorCode(refused)).toBe('RATE_LIMITED')
    // A guesser over the budget cannot tell a right code from a wrong one.
    expect((await resolve(srv, code)).status).toBe(429)
  })

  it('[J5] 300 people behind one address join by the right code (some typos among them) and are not refused', async () => {
    const srv = await start()
    const board = await srv.createBoard('Zaal')
    const { code } = await issue(srv, board)
    const statuses: number[] = []
    const join = async (i: number) => {
      // Five people mistype first; that counts against the guessing budget but leaves it far from used up.
      if (i % 60 === 0) expect((await resolve(srv, wrongCode(code, i))).status).toBe(404)
      const res = await resolve(srv, code)
      statuses.push(res.status)
      if (res.status !== 200) return
      const { link } = (await res.json()) as JoinResolveResponse
      const session = await fetch(`${srv.url}/api/boards/${board.id}/session?token=${tokenOf(link)}`)
      statuses.push(session.status)
    }
    for (let batch = 0; batch < 300; batch += 50) {
      await Promise.all(Array.from({ length: 50 }, (_, i) => join(batch + i)))
    }
    expect(statuses).toHaveLength(600)
    expect(statuses.every((s) => s === 200)).toBe(true)
  })

  it('[J6] GET only; an unknown board cannot get a code', async () => {
    const srv = await start()
    const board = await srv.createBoard()
    const { code } = await issue(srv, board)
    const res = await fetch(`${srv.url}/api/join/${code}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
    })
    expect(res.status).toBe(405)
    const other = await fetch(`${srv.url}/api/boards/AAAAAAAAAAAAAAAA/join-code`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${tokenOf(board.links.facilitator)}`,
      },
      body: '{}',
    })
    expect(other.status).toBe(403)
  })
})
