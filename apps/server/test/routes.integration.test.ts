import { type HttpMethod, ROUTE_NAMES, Roles, Routes, routePath } from '@waardentafel/protocol'
import { afterEach, describe, expect, it } from 'vitest'
import { startServer, type TestServer, tokenOf } from './harness.ts'

// The route table (packages/protocol/src/routes) on a running server: what the table says about each route is
// what the server does, for every route, without a test per endpoint.

let srv: TestServer | null = null
afterEach(async () => {
  await srv?.close()
  srv = null
})

const codeOf = async (res: Response) => ((await res.json()) as { error: { code: string } }).error.code

// Every other path parameter of the table (a round, session, version, workspace, asset …) gets a well-formed value.
const pathOf = (name: (typeof ROUTE_NAMES)[number], boardId: string) =>
  routePath(
    name,
    new Proxy({ boardId, code: 'ABC234', number: '1' } as Record<string, string>, {
      get: (known, key: string) => known[key] ?? `${key}1`,
    }) as never,
  )

describe('the route table on a running server', () => {
  it('[H7] each token route refuses the roles it does not name with 403 FORBIDDEN, before its body is read', async () => {
    srv = await startServer()
    const board = await srv.createBoard('Routes')
    const refused: string[] = []
    for (const name of ROUTE_NAMES) {
      const { auth, method } = Routes[name]
      if (auth.kind !== 'token') continue
      for (const role of Roles.filter((r) => !(auth.roles as readonly string[]).includes(r))) {
        const res = await fetch(`${srv.url}${pathOf(name, board.id)}`, {
          method,
          headers: {
            authorization: `Bearer ${tokenOf(board.links[role])}`,
            'content-type': 'application/json',
          },
          // Not JSON: a route that read its body before checking the role would answer 400 INVALID_BODY.
          ...(method === 'GET' ? {} : { body: 'not json' }),
        })
        refused.push(`${name} ${role} ${res.status} ${await codeOf(res)}`)
      }
    }
    expect(refused.length).toBeGreaterThan(10)
    for (const line of refused) expect(line).toMatch(/ 403 FORBIDDEN$/)
  })

  it('[H8] a path of the table asked with another method is 405 METHOD_NOT_ALLOWED, before any token is looked at', async () => {
    srv = await startServer()
    const others: readonly HttpMethod[] = ['GET', 'POST', 'PUT']
    for (const name of ROUTE_NAMES) {
      if (name === 'health') continue // answers whatever the method, for probes
      const { method } = Routes[name]
      for (const other of ['DELETE', ...others.filter((m) => m !== method)]) {
        // The same path may be another route's with that method (`GET` and `POST …/sessions`).
        const owner = ROUTE_NAMES.find(
          (n) => Routes[n].method === other && Routes[n].path === Routes[name].path,
        )
        if (owner) continue
        const res = await fetch(`${srv.url}${pathOf(name, 'b0000000')}`, {
          method: other,
          headers: { 'content-type': 'application/json' },
          ...(other === 'GET' ? {} : { body: '{}' }),
        })
        expect(`${name} ${other} ${res.status} ${await codeOf(res)}`).toBe(
          `${name} ${other} 405 METHOD_NOT_ALLOWED`,
        )
      }
    }
  })

  it('[H9] a JSON body outside the route schema is 400 INVALID_BODY naming the field; a fitting one reaches the handler', async () => {
    srv = await startServer()
    const board = await srv.createBoard('Routes')
    const act = (body: unknown) =>
      fetch(`${srv?.url}/api/boards/${board.id}/facilitation`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${tokenOf(board.links.facilitator)}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify(body),
      })
    const bad = await act({ action: 'timer.start', durationMs: -5 })
    expect(bad.status).toBe(400)
    expect((await bad.json()) as unknown).toMatchObject({
      error: { code: 'INVALID_BODY', message: expect.stringMatching(/^durationMs: /) },
    })
    const good = await act({ action: 'timer.start', durationMs: 60_000 })
    expect(good.status).toBe(Routes.facilitation.status)
    expect(await good.json()).toEqual({ ok: true })
  })
})
