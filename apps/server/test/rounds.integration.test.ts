import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { readBoard } from '@waardentafel/domain'
import type { CreateBoardResponse, RoundReport } from '@waardentafel/protocol'
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
const call = (board: CreateBoardResponse, role: Role, method: string, path: string, body?: unknown) =>
  fetch(`${srv.url}/api/boards/${board.id}/${path}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${tokenOf(board.links[role])}` },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })

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
    const put = (
      key: string,
      name: string,
      placements: Array<[string, string, number, boolean?]>,
      role: Role = 'participant',
    ) =>
      call(board, role, 'PUT', `rounds/${roundId}/placements`, {
        participant: { key, name, organisation: 'test' },
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
        await put('anna-0001', 'Anna', [
          [v1, 'meekoppelen', monday],
          [v2, 'sturend', monday],
        ])
      ).status,
    ).toBe(200)
    expect(
      (
        await put('anna-0001', 'Anna', [
          [v1, 'sturend', monday + 2 * DAY],
          [v3, 'sturend', monday + 2 * DAY, true],
        ])
      ).status,
    ).toBe(200)
    expect((await put('anna-0001', 'Anna', [[v1, 'meekoppelen', monday]])).status).toBe(200)
    // Bram, Carla, Dirk and Els (Els on the big screen in the room, facilitator token).
    await put('bram-0002', 'Bram', [
      [v1, 'sturend', monday + DAY],
      [v2, 'meekoppelen', monday + DAY],
      [v3, 'sturend', monday + DAY],
    ])
    await put('carla-003', 'Carla', [
      [v1, 'sturend', monday + DAY],
      [v2, 'vinger-aan-de-pols', monday + DAY],
      [v3, 'meekoppelen', monday + DAY],
    ])
    await put('dirk-0004', 'Dirk', [
      [v1, 'sturend', monday + 3 * DAY],
      [v2, 'sturend', monday + 3 * DAY],
    ])
    await put(
      'els-00005',
      'Els',
      [
        [v1, 'meekoppelen', monday + 3 * DAY],
        [v2, 'meekoppelen', monday + 3 * DAY],
        [v3, 'vinger-aan-de-pols', monday + 3 * DAY],
      ],
      'facilitator',
    )
    // An unknown value (a card deleted meanwhile) is ignored, not fatal.
    const stray = await put('bram-0002', 'Bram', [['shape:bestaat-niet', 'sturend', monday + 4 * DAY]])
    expect(await stray.json()).toMatchObject({ accepted: 0, ignored: 1 })

    const hidden = (await (
      await call(board, 'participant', 'GET', `rounds/${roundId}?participant=anna-0001`)
    ).json()) as RoundReport
    expect(hidden.results).toBeNull()
    expect(hidden.mine.find((p) => p.valueId === v1)?.klasse).toBe('sturend')

    const report = (await (
      await call(board, 'facilitator', 'GET', `rounds/${roundId}`)
    ).json()) as RoundReport
    expect(report.progress).toHaveLength(5)
    const byValue = new Map(report.results!.map((r) => [r.valueId, r]))
    expect(byValue.get(v1)?.counts).toEqual({ sturend: 4, meekoppelen: 1, 'vinger-aan-de-pols': 0 })
    expect(byValue.get(v1)?.majority).toBe('sturend')
    expect(byValue.get(v2)?.counts).toEqual({ sturend: 2, meekoppelen: 2, 'vinger-aan-de-pols': 1 })
    expect(byValue.get(v3)?.twijfel).toBe(1)
    expect(report.toDiscuss?.[0]).toBe(v2)
    expect(report.progress.find((p) => p.name === 'Dirk')?.done).toBe(false)

    expect(
      (await call(board, 'facilitator', 'POST', 'facilitation', { action: 'round.close', roundId })).status,
    ).toBe(200)
    expect((await put('dirk-0004', 'Dirk', [[v3, 'sturend', monday + 5 * DAY]])).status).toBe(409)
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
    await call(board, 'participant', 'PUT', `rounds/${roundId}/placements`, {
      participant: { key: 'anna-0001', name: 'Anna' },
      placements: [{ valueId: valueIds[0], klasse: 'sturend', at: 1 }],
    })
    const report = (await (
      await call(board, 'participant', 'GET', `rounds/${roundId}`)
    ).json()) as RoundReport
    expect(report.progress).toEqual([{ name: null, organisation: null, placed: 1, done: false }])
    expect(report.results).not.toBeNull()
    const observer = await call(board, 'observer', 'PUT', `rounds/${roundId}/placements`, {
      participant: { key: 'obs-00001', name: 'X' },
      placements: [],
    })
    expect(observer.status).toBe(403)
    expect((await call(board, 'participant', 'GET', 'rounds/nope')).status).toBe(404)
  })
})
