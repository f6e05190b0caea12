import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { readBoard } from '@waardentafel/domain'
import type { ApiErrorBody, CreateBoardResponse, RoundReport } from '@waardentafel/protocol'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startServer, type TestServer, tokenOf } from './harness.ts'

const fixture = readFileSync(
  join(import.meta.dirname, '../../../packages/domain/test/fixtures/handreiking-voorbeeld.json'),
  'utf8',
)

let srv: TestServer
beforeEach(async () => {
  srv = await startServer()
})
afterEach(async () => {
  await srv.close()
})

type Role = 'facilitator' | 'participant' | 'observer'
const call = (
  board: CreateBoardResponse,
  role: Role,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
  server: TestServer = srv,
) =>
  fetch(`${server.url}/api/boards/${board.id}/${path}`, {
    method,
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${tokenOf(board.links[role])}`,
      ...headers,
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })

/** A ballot key from the server, as a device gets one (`POST …/rounds/participant`). */
async function issueKey(board: CreateBoardResponse, role: Role = 'participant'): Promise<string> {
  const res = await call(board, role, 'POST', 'rounds/participant', {})
  expect(res.status).toBe(201)
  return ((await res.json()) as { key: string }).key
}

const report = async (board: CreateBoardResponse, role: Role, roundId: string, key?: string) => {
  const res = await call(
    board,
    role,
    'GET',
    `rounds/${roundId}`,
    undefined,
    key ? { 'x-participant-key': key } : {},
  )
  expect(res.status).toBe(200)
  return (await res.json()) as RoundReport
}

const errorCode = async (res: Response) => ((await res.json()) as ApiErrorBody).error.code

async function setUp(options: { anonymous?: boolean; visibleBeforeClose?: boolean } = {}) {
  const board = (await (
    await fetch(`${srv.url}/api/boards/import`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: fixture,
    })
  ).json()) as CreateBoardResponse
  const read = readBoard(JSON.parse(fixture))
  if (!read.ok) throw new Error('fixture unreadable')
  const prioritering = read.board.prioriteringen[0]!
  const valueIds = read.board.valueCards.filter((c) => c.templateId === prioritering.id).map((c) => c.id)
  const opened = await call(board, 'facilitator', 'POST', 'facilitation', {
    action: 'round.open',
    title: 'Prioriteer vóór 12 december',
    deadline: '2026-12-12',
    anonymous: options.anonymous ?? false,
    visibleBeforeClose: options.visibleBeforeClose ?? false,
    prioriteringId: prioritering.id,
  })
  expect(opened.status).toBe(200)
  const { roundId } = (await opened.json()) as { roundId: string }
  return { board, roundId, valueIds }
}

const DAY = 86_400_000
const monday = Date.UTC(2026, 11, 7, 9)

describe('async prioritising rounds', () => {
  it('[Q1] five participants over several days, devices and disconnects: aggregated correctly, adoption recorded', async () => {
    const { board, roundId, valueIds } = await setUp()
    const [v1, v2, v3] = valueIds as [string, string, string]
    // Each person's device asks the server for a ballot key; Els's is the room's screen (facilitator link). Anna
    // continues on her phone by typing her laptop's code there: the same key, one ballot.
    const keys = {
      anna: await issueKey(board),
      bram: await issueKey(board),
      carla: await issueKey(board),
      dirk: await issueKey(board),
      els: await issueKey(board, 'facilitator'),
    }
    const put = (
      key: keyof typeof keys,
      name: string,
      placements: Array<[string, string, number, boolean?]>,
      role: Role = 'participant',
    ) =>
      call(board, role, 'PUT', `rounds/${roundId}/placements`, {
        participant: { key: keys[key], name, organisation: 'test' },
        placements: placements.map(([valueId, klasse, at, twijfel]) => ({
          valueId,
          klasse,
          at,
          twijfel: twijfel ?? false,
        })),
      })
    // Anna works on her laptop on Monday and on her phone on Wednesday; the phone's queue also resends Monday's
    // older choice for v1 after reconnecting — the newer one must win.
    expect(
      (
        await put('anna', 'Anna', [
          [v1, 'meekoppelen', monday],
          [v2, 'sturend', monday],
        ])
      ).status,
    ).toBe(200)
    expect(
      (
        await put('anna', 'Anna', [
          [v1, 'sturend', monday + 2 * DAY],
          [v3, 'sturend', monday + 2 * DAY, true],
        ])
      ).status,
    ).toBe(200)
    expect((await put('anna', 'Anna', [[v1, 'meekoppelen', monday]])).status).toBe(200)
    // Bram, Carla, Dirk and Els (Els on the big screen in the room, facilitator token).
    await put('bram', 'Bram', [
      [v1, 'sturend', monday + DAY],
      [v2, 'meekoppelen', monday + DAY],
      [v3, 'sturend', monday + DAY],
    ])
    await put('carla', 'Carla', [
      [v1, 'sturend', monday + DAY],
      [v2, 'vinger-aan-de-pols', monday + DAY],
      [v3, 'meekoppelen', monday + DAY],
    ])
    await put('dirk', 'Dirk', [
      [v1, 'sturend', monday + 3 * DAY],
      [v2, 'sturend', monday + 3 * DAY],
    ])
    await put(
      'els',
      'Els',
      [
        [v1, 'meekoppelen', monday + 3 * DAY],
        [v2, 'meekoppelen', monday + 3 * DAY],
        [v3, 'vinger-aan-de-pols', monday + 3 * DAY],
      ],
      'facilitator',
    )
    // An unknown value (a card deleted meanwhile) is ignored, not fatal.
    const stray = await put('bram', 'Bram', [['shape:bestaat-niet', 'sturend', monday + 4 * DAY]])
    expect(await stray.json()).toMatchObject({ accepted: 0, ignored: 1 })

    const hidden = await report(board, 'participant', roundId, keys.anna)
    expect(hidden.results).toBeNull()
    expect(hidden.mine.find((p) => p.valueId === v1)?.klasse).toBe('sturend')

    const full = await report(board, 'facilitator', roundId)
    expect(full.progress).toHaveLength(5)
    const byValue = new Map(full.results!.map((r) => [r.valueId, r]))
    expect(byValue.get(v1)?.counts).toEqual({ sturend: 4, meekoppelen: 1, 'vinger-aan-de-pols': 0 })
    expect(byValue.get(v1)?.majority).toBe('sturend')
    expect(byValue.get(v2)?.counts).toEqual({ sturend: 2, meekoppelen: 2, 'vinger-aan-de-pols': 1 })
    expect(byValue.get(v3)?.twijfel).toBe(1)
    expect(full.toDiscuss?.[0]).toBe(v2)
    expect(full.progress.find((p) => p.name === 'Dirk')?.done).toBe(false)

    expect(
      (await call(board, 'facilitator', 'POST', 'facilitation', { action: 'round.close', roundId })).status,
    ).toBe(200)
    expect((await put('dirk', 'Dirk', [[v3, 'sturend', monday + 5 * DAY]])).status).toBe(409)
    const closed = (await (
      await call(board, 'participant', 'GET', `rounds/${roundId}`)
    ).json()) as RoundReport
    expect(closed.results).not.toBeNull()
    expect(
      (
        await call(board, 'participant', 'POST', 'facilitation', {
          action: 'round.adopt',
          roundId,
          by: 'Anna',
        })
      ).status,
    ).toBe(403)
    expect(
      (
        await call(board, 'facilitator', 'POST', 'facilitation', {
          action: 'round.adopt',
          roundId,
          by: 'Fenna',
        })
      ).status,
    ).toBe(200)
    const adopted = (await (
      await call(board, 'facilitator', 'GET', `rounds/${roundId}`)
    ).json()) as RoundReport
    expect(adopted.round.adoption).toMatchObject({ by: 'Fenna' })
    expect(adopted.round.status).toBe('closed')
  })

  it('[Q2] anonymous rounds name nobody; observers cannot place; unknown rounds are 404', async () => {
    const { board, roundId, valueIds } = await setUp({ anonymous: true, visibleBeforeClose: true })
    const anna = await issueKey(board)
    const put = await call(board, 'participant', 'PUT', `rounds/${roundId}/placements`, {
      participant: { key: anna, name: 'Anna' },
      placements: [{ valueId: valueIds[0], klasse: 'sturend', at: 1 }],
    })
    expect(put.status).toBe(200)
    const seen = await report(board, 'participant', roundId)
    expect(seen.progress).toEqual([{ name: null, organisation: null, placed: 1, done: false }])
    expect(seen.results).not.toBeNull()
    const observer = await call(board, 'observer', 'PUT', `rounds/${roundId}/placements`, {
      participant: { key: anna, name: 'X' },
      placements: [],
    })
    expect(observer.status).toBe(403)
    expect(await errorCode(observer)).toBe('FORBIDDEN')
    expect((await call(board, 'observer', 'POST', 'rounds/participant', {})).status).toBe(403)
    expect((await call(board, 'participant', 'GET', 'rounds/nope')).status).toBe(404)
  })

  it('[Q3] placements count only with a key the server issued for this board: invented keys are refused (403)', async () => {
    const { board, roundId, valueIds } = await setUp({ visibleBeforeClose: true })
    const place = (key: string, role: Role = 'participant') =>
      call(board, role, 'PUT', `rounds/${roundId}/placements`, {
        participant: { key, name: 'Stemmer', organisation: '' },
        placements: valueIds.map((valueId) => ({ valueId, klasse: 'sturend', at: 1 })),
      })
    // The attack: one participant link submits placements under a hundred keys it made up.
    for (let i = 0; i < 100; i++) {
      const res = await place(`VERZONNEN${String(i).padStart(4, '0')}`)
      expect(res.status).toBe(403)
      expect(await errorCode(res)).toBe('PARTICIPANT_KEY_UNKNOWN')
    }
    // Nor a key the server issued for another board, nor an invented one from the facilitator's link.
    const other = await setUp()
    const foreign = await issueKey(other.board)
    for (const res of [await place(foreign), await place('ABCDEFGHJKMNPQRSTUVWXYZ234', 'facilitator')]) {
      expect(res.status).toBe(403)
      expect(await errorCode(res)).toBe('PARTICIPANT_KEY_UNKNOWN')
    }
    const refused = await call(board, 'participant', 'GET', `rounds/${roundId}`, undefined, {
      'x-participant-key': 'VERZONNEN0001',
    })
    expect(refused.status).toBe(403)
    expect(await errorCode(refused)).toBe('PARTICIPANT_KEY_UNKNOWN')
    const empty = await report(board, 'facilitator', roundId)
    expect(empty.progress).toEqual([])
    expect(empty.results?.every((r) => r.total === 0)).toBe(true)

    // An issued key counts once, whatever link sends it; the server keeps only its hash.
    const key = await issueKey(board)
    expect(key).toMatch(/^[A-HJ-NP-Z2-9]{26}$/)
    expect(await issueKey(board)).not.toBe(key)
    expect((await place(key)).status).toBe(200)
    expect((await place(key, 'facilitator')).status).toBe(200)
    const counted = await report(board, 'facilitator', roundId)
    expect(counted.progress).toHaveLength(1)
    expect(counted.results?.every((r) => r.total === 1)).toBe(true)
    const stored = await srv.storage.listPlacements(board.id, roundId)
    expect(stored.some((p) => p.participantKey === key)).toBe(false)
  })

  it('[Q4] an anonymous round shows individual placements to their author only', async () => {
    const { board, roundId, valueIds } = await setUp({ anonymous: true, visibleBeforeClose: true })
    const [v1, v2] = valueIds as [string, string]
    const anna = await issueKey(board)
    const bram = await issueKey(board)
    const put = (key: string, klasse: string) =>
      call(board, 'participant', 'PUT', `rounds/${roundId}/placements`, {
        participant: { key, name: key === anna ? 'Anna' : 'Bram', organisation: 'GGD' },
        placements: [
          { valueId: v1, klasse, at: 10 },
          { valueId: v2, klasse, at: 10 },
        ],
      })
    expect((await put(anna, 'sturend')).status).toBe(200)
    expect((await put(bram, 'vinger-aan-de-pols')).status).toBe(200)

    // The author, with the key: their own placements, nobody else's.
    const own = await report(board, 'participant', roundId, anna)
    expect(own.mine.map((p) => `${p.valueId} ${p.klasse}`).sort()).toEqual(
      [`${v1} sturend`, `${v2} sturend`].sort(),
    )
    expect(own.ballots).toBeNull()
    expect(
      (await report(board, 'participant', roundId, bram)).mine.every((p) => p.klasse !== 'sturend'),
    ).toBe(true)
    // Without the key, a participant (even the same link) and the facilitator see the aggregate only.
    for (const role of ['participant', 'facilitator'] as const) {
      const seen = await report(board, role, roundId)
      expect(seen.mine).toEqual([])
      expect(seen.ballots).toBeNull()
      expect(seen.progress.every((p) => p.name === null && p.organisation === null)).toBe(true)
      expect(seen.results?.find((r) => r.valueId === v1)?.counts).toEqual({
        sturend: 1,
        meekoppelen: 0,
        'vinger-aan-de-pols': 1,
      })
      expect(JSON.stringify(seen)).not.toContain('Anna')
    }
    // An observer gets no individual placement, not even with a key in hand.
    const observed = await report(board, 'observer', roundId)
    expect(observed.mine).toEqual([])
    expect(observed.ballots).toBeNull()
    const withKey = await call(board, 'observer', 'GET', `rounds/${roundId}`, undefined, {
      'x-participant-key': anna,
    })
    expect(withKey.status).toBe(403)
    // The old way of asking (the key in the URL) reveals nothing.
    const byQuery = (await (
      await call(board, 'observer', 'GET', `rounds/${roundId}?participant=${anna}`)
    ).json()) as RoundReport
    expect(byQuery.mine).toEqual([])
  })

  it('[Q5] in a named round the facilitator sees who chose what; participants see names and progress only', async () => {
    const { board, roundId, valueIds } = await setUp()
    const [v1] = valueIds as [string]
    const anna = await issueKey(board)
    await call(board, 'participant', 'PUT', `rounds/${roundId}/placements`, {
      participant: { key: anna, name: 'Anna', organisation: 'GGD' },
      placements: [{ valueId: v1, klasse: 'meekoppelen', twijfel: true, at: 5 }],
    })
    const facilitator = await report(board, 'facilitator', roundId)
    expect(facilitator.ballots).toEqual([
      {
        name: 'Anna',
        organisation: 'GGD',
        placements: [{ valueId: v1, klasse: 'meekoppelen', twijfel: true, at: 5 }],
      },
    ])
    const participant = await report(board, 'participant', roundId)
    expect(participant.ballots).toBeNull()
    expect(participant.mine).toEqual([])
    expect(participant.progress).toEqual([{ name: 'Anna', organisation: 'GGD', placed: 1, done: false }])
  })

  it('[Q6] a link cannot mint unlimited ballots: bounded per link and address, and per board', async () => {
    const small = await startServer({ MAX_ROUND_KEYS_PER_LINK_ADDRESS: '3', MAX_ROUND_KEYS_PER_BOARD: '5' })
    try {
      const board = await small.createBoard('Stemmen')
      const mint = (role: Role) => call(board, role, 'POST', 'rounds/participant', {}, {}, small)
      for (let i = 0; i < 3; i++) expect((await mint('participant')).status).toBe(201)
      const limited = await mint('participant')
      expect(limited.status).toBe(429)
      expect(await errorCode(limited)).toBe('PARTICIPANT_KEY_RATE_LIMITED')
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(3000)
      // Another link has its own allowance, until the board holds its maximum.
      expect((await mint('facilitator')).status).toBe(201)
      expect((await mint('facilitator')).status).toBe(201)
      const full = await mint('facilitator')
      expect(full.status).toBe(409)
      expect(await errorCode(full)).toBe('PARTICIPANT_KEY_LIMIT')
      // Another board is not affected.
      const fresh = await small.createBoard('Ander bord')
      expect((await call(fresh, 'participant', 'POST', 'rounds/participant', {}, {}, small)).status).toBe(201)
    } finally {
      await small.close()
    }
  })
})
