import type { CreateBoardResponse, UploadAssetResponse } from '@waardentafel/protocol'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { tokenOf } from './harness.ts'
import { type Instance, isolation, startInstance } from './multiHarness.ts'

const iso = isolation()
let one: Instance
let two: Instance
beforeAll(async () => {
  const env = { OPEN_BOARD_CREATION: 'true' }
  one = await startInstance(iso, { env })
  two = await startInstance(iso, { env })
})
afterAll(async () => {
  await one?.close()
  await two?.close()
  await iso.cleanup()
})

describe('assets in multi-instance mode', () => {
  it("[AS10] a picture uploaded through one instance is served by another; deleting the board's assets on one removes them for all", async () => {
    const created = await fetch(`${one.url}/api/boards`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Twee instanties' }),
    })
    const board = (await created.json()) as CreateBoardResponse
    const token = tokenOf(board.links.participant)
    const png = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#2a7' } })
      .png()
      .toBuffer()
    const res = await fetch(`${one.url}/api/boards/${board.id}/assets`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream', authorization: `Bearer ${token}` },
      body: png,
    })
    expect(res.status).toBe(201)
    const asset = (await res.json()) as UploadAssetResponse
    const fromOne = Buffer.from(await (await fetch(`${one.url}${asset.src}?token=${token}`)).arrayBuffer())
    const elsewhere = await fetch(`${two.url}${asset.src}?token=${token}`)
    expect(elsewhere.status).toBe(200)
    expect(elsewhere.headers.get('content-type')).toBe('image/png')
    expect(Buffer.from(await elsewhere.arrayBuffer()).equals(fromOne)).toBe(true)
    expect((await fetch(`${two.url}${asset.src}?size=thumb&token=${token}`)).status).toBe(200)

    expect(await two.server.assets.deleteBoardAssets(board.id)).toBe(1)
    expect((await fetch(`${one.url}${asset.src}?token=${token}`)).status).toBe(404)
  })
})
