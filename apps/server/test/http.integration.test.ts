import { afterEach, describe, expect, it } from 'vitest'
import { TokenSigner } from '../src/tokens.ts'
import { createBoard, rawConnect, startServer, TEST_SECRET, type TestServer, tokenOf } from './harness.ts'

let srv: TestServer | null = null
afterEach(async () => {
  await srv?.close()
  srv = null
})

describe('HTTP API', () => {
  it('[H1] GET /healthz answers 200', async () => {
    srv = await startServer()
    expect((await fetch(`${srv.url}/healthz`)).status).toBe(200)
  })

  it('[H2] POST /api/boards creates a board with three role links', async () => {
    srv = await startServer()
    const board = await srv.createBoard('Gnephoek Quickscan')
    expect(board.title).toBe('Gnephoek Quickscan')
    for (const role of ['facilitator', 'participant', 'observer'] as const) {
      const link = new URL(board.links[role])
      expect(link.pathname).toBe(`/b/${board.id}`)
      const session = await fetch(`${srv.url}/api/boards/${board.id}/session`, {
        headers: { authorization: `Bearer ${tokenOf(board.links[role])}` },
      })
      expect(session.status).toBe(200)
      expect(await session.json()).toMatchObject({
        role,
        board: { id: board.id, title: 'Gnephoek Quickscan' },
      })
    }
  })

  it('[H3] bad bodies are refused with a documented code', async () => {
    srv = await startServer()
    const post = (body: string) =>
      fetch(`${srv?.url}/api/boards`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      })
    const cases: Array<[string, number, string]> = [
      ['not json', 400, 'INVALID_BODY'],
      ['{"title": ""}', 400, 'INVALID_BODY'],
      ['{"title": 5}', 400, 'INVALID_BODY'],
      [JSON.stringify({ title: 'x'.repeat(100_000) }), 413, 'BODY_TOO_LARGE'],
    ]
    for (const [body, status, code] of cases) {
      const res = await post(body)
      expect(res.status).toBe(status)
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe(code)
    }
  })

  it('[H4] with an organiser key configured, creating boards needs it', async () => {
    srv = await startServer({ ORGANISER_KEY: 'organiser-key-123' })
    await expect(createBoard(srv.url, 'x')).rejects.toThrow(/401/)
    await expect(createBoard(srv.url, 'x', 'wrong-key-0000')).rejects.toThrow(/401/)
    expect((await createBoard(srv.url, 'x', 'organiser-key-123')).id).toBeTruthy()
  })

  it('[H5] GET /api/config exposes the tldraw licence key set at runtime', async () => {
    srv = await startServer({ TLDRAW_LICENSE_KEY: 'tldraw-key-abc' })
    expect(await (await fetch(`${srv.url}/api/config`)).json()).toMatchObject({
      tldrawLicenseKey: 'tldraw-key-abc',
    })
  })
})

describe('token matrix on /sync', () => {
  it('[T1] missing, forged, expired, other-board and unknown-board tokens are closed with 44xx before anything is sent', async () => {
    srv = await startServer()
    const board = await srv.createBoard()
    const other = await srv.createBoard('ander bord')
    const good = tokenOf(board.links.participant)
    const [body] = good.split('.')
    const expired = new TokenSigner(TEST_SECRET, 60, () => Date.now() - 3_600_000).sign(
      board.id,
      'participant',
    )
    const wrongSecret = new TokenSigner('another-secret-another-secret-0000', 600).sign(
      board.id,
      'participant',
    )
    const ghost = new TokenSigner(TEST_SECRET, 600).sign('NoSuchBoard123', 'participant')
    const cases: Array<[string, string, number]> = [
      ['missing', `/sync/${board.id}`, 4401],
      ['garbage', `/sync/${board.id}?token=abc`, 4401],
      ['forged signature', `/sync/${board.id}?token=${body}.AAAA`, 4401],
      ['other secret', `/sync/${board.id}?token=${wrongSecret}`, 4401],
      ['expired', `/sync/${board.id}?token=${expired}`, 4410],
      ['other board', `/sync/${other.id}?token=${good}`, 4403],
      ['unknown board', `/sync/NoSuchBoard123?token=${ghost}`, 4404],
    ]
    for (const [name, path, code] of cases) {
      const result = await rawConnect(`${srv.wsUrl}${path}`)
      expect(result.code, name).toBe(code)
      expect(result.messages, name).toHaveLength(0)
    }
  })
})
