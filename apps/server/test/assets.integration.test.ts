import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { crc32, deflateSync } from 'node:zlib'
import type { CreateBoardResponse, UploadAssetResponse } from '@waardentafel/protocol'
import { RECORDS_MAP_NAME, writeDocRecords } from '@waardentafel/tldraw-yjs'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AssetCollector } from '../src/assets/AssetCollector.ts'
import { FileAssetStore } from '../src/storage/files/FileAssetStore.ts'
import { connectClient, startServer, type TestServer, tokenOf, whenDoc } from './harness.ts'

/** A noisy photo (noise does not compress: a real photo's size) with EXIF that holds a GPS position. */
async function photoWithGps(width: number, height: number, orientation = 1): Promise<Buffer> {
  const raw = Buffer.alloc(width * height * 3)
  let seed = 42
  for (let i = 0; i < raw.length; i++) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff
    raw[i] = seed >> 16
  }
  return sharp(raw, { raw: { width, height, channels: 3 } })
    .withMetadata({ orientation })
    .withExif({
      IFD0: { ImageDescription: 'wt-secret-place', Make: 'WtPhone' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '52/1 5/1 31/1',
        GPSLongitudeRef: 'E',
        GPSLongitude: '5/1 7/1 8/1',
      },
    })
    .jpeg({ quality: 92 })
    .toBuffer()
}

/** The JPEG segments before the image data: APP1 (0xE1) holds EXIF and XMP. */
function jpegMarkers(bytes: Uint8Array): number[] {
  const markers: number[] = []
  let at = 2
  while (at + 4 <= bytes.length && bytes[at] === 0xff) {
    const marker = bytes[at + 1] as number
    markers.push(marker)
    if (marker === 0xda) break
    at += 2 + (((bytes[at + 2] as number) << 8) | (bytes[at + 3] as number))
  }
  return markers
}

/** A PNG that declares `width`×`height` pixels in a file of a few dozen bytes (a decompression bomb's header). */
function bombPng(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
    const out = Buffer.alloc(8 + data.length + 4)
    out.writeUInt32BE(data.length, 0)
    body.copy(out, 4)
    out.writeUInt32BE(crc32(body), 8 + data.length)
    return out
  }
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(width, 0)
  ihdr.writeUInt32BE(height, 4)
  ihdr.set([8, 0, 0, 0, 0], 8) // 8-bit greyscale
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.alloc(64 * 1024))),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n')

let srv: TestServer
let board: CreateBoardResponse
let other: CreateBoardResponse
const MAX_ASSET_BYTES = 2 * 1024 * 1024

beforeAll(async () => {
  srv = await startServer({
    MAX_ASSET_BYTES: String(MAX_ASSET_BYTES),
    ASSET_MAX_PIXELS: '800',
    ASSET_THUMB_PIXELS: '128',
    ASSET_MAX_INPUT_PIXELS: '20000000',
    OPEN_BOARD_CREATION: 'true',
  })
  board = await srv.createBoard('Gebiedskaart')
  other = await srv.createBoard('Ander bord')
})
afterAll(() => srv.close())

const token = (b: CreateBoardResponse, role: 'facilitator' | 'participant' | 'observer') =>
  tokenOf(b.links[role])
const upload = (bytes: Uint8Array, tok: string | null, b = board, headers: Record<string, string> = {}) =>
  fetch(`${srv.url}/api/boards/${b.id}/assets`, {
    method: 'POST',
    headers: {
      'content-type': 'application/octet-stream',
      ...(tok ? { authorization: `Bearer ${tok}` } : {}),
      ...headers,
    },
    body: bytes,
  })
const uploaded = async (res: Response) => {
  expect(res.status, await res.clone().text()).toBe(201)
  return (await res.json()) as UploadAssetResponse
}
const errorCode = async (res: Response) => ((await res.json()) as { error: { code: string } }).error.code
const read = (src: string, tok: string, query = '') => fetch(`${srv.url}${src}?token=${tok}${query}`)

describe('assets: stored by the server', () => {
  it('[AS2] a photo is stored without its EXIF or GPS, upright, downscaled, with a thumbnail', async () => {
    const photo = await photoWithGps(1200, 900, 6)
    expect(photo.includes('Exif\0\0')).toBe(true)
    expect((await sharp(photo).metadata()).exif?.includes(Buffer.from([0x25, 0x88]))).toBe(true) // GPS IFD pointer
    const asset = await uploaded(await upload(photo, token(board, 'participant')))
    // Orientation 6 turns the 1200×900 photo to 900×1200; the longest side is brought to ASSET_MAX_PIXELS.
    expect(asset).toMatchObject({ contentType: 'image/jpeg', w: 600, h: 800, thumb: true })
    expect(asset.src).toBe(`/api/boards/${board.id}/assets/${asset.id}`)

    // The bytes as stored on disk, and as served: no APP1 segment (EXIF, XMP), no trace of the place.
    const dir = join(srv.dataDir, 'assets', board.id)
    const stored = readFileSync(join(dir, `${asset.id}.orig`))
    for (const bytes of [
      stored,
      Buffer.from(await (await read(asset.src, token(board, 'observer'))).arrayBuffer()),
    ]) {
      expect(jpegMarkers(bytes)).not.toContain(0xe1)
      expect(bytes.includes('Exif')).toBe(false)
      expect(bytes.includes('wt-secret-place')).toBe(false)
      expect(bytes.includes('WtPhone')).toBe(false)
      const meta = await sharp(bytes).metadata()
      expect([meta.exif, meta.xmp, meta.iptc, meta.orientation]).toEqual([
        undefined,
        undefined,
        undefined,
        undefined,
      ])
      expect([meta.width, meta.height]).toEqual([600, 800])
    }
    const thumb = await read(asset.src, token(board, 'participant'), '&size=thumb')
    expect(thumb.headers.get('content-type')).toBe('image/webp')
    const thumbMeta = await sharp(Buffer.from(await thumb.arrayBuffer())).metadata()
    expect([thumbMeta.width, thumbMeta.height, thumbMeta.exif]).toEqual([96, 128, undefined])
    expect(readdirSync(dir).sort()).toEqual([`${asset.id}.json`, `${asset.id}.orig`, `${asset.id}.thumb`])
  })

  it("[AS3] observers cannot upload; without a token nothing; a stranger cannot read another board's asset", async () => {
    const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#0a0' } })
      .png()
      .toBuffer()
    const refused = await upload(png, token(board, 'observer'))
    expect([refused.status, await errorCode(refused)]).toEqual([403, 'FORBIDDEN'])
    const anonymous = await upload(png, null)
    expect([anonymous.status, await errorCode(anonymous)]).toEqual([401, 'TOKEN_MISSING'])
    const asset = await uploaded(await upload(png, token(board, 'facilitator')))

    // Every role of the board reads it (an <img> sends the token as ?token=, or a header).
    for (const role of ['facilitator', 'participant', 'observer'] as const) {
      expect((await read(asset.src, token(board, role))).status).toBe(200)
    }
    const byHeader = await fetch(`${srv.url}${asset.src}`, {
      headers: { authorization: `Bearer ${token(board, 'observer')}` },
    })
    expect(byHeader.status).toBe(200)
    // Another board's link, on this board's path: wrong board. On its own board's path: no such asset.
    const stranger = await read(asset.src, token(other, 'facilitator'))
    expect([stranger.status, await errorCode(stranger)]).toEqual([403, 'TOKEN_WRONG_BOARD'])
    const elsewhere = await read(`/api/boards/${other.id}/assets/${asset.id}`, token(other, 'facilitator'))
    expect([elsewhere.status, await errorCode(elsewhere)]).toEqual([404, 'ASSET_NOT_FOUND'])
    expect((await fetch(`${srv.url}${asset.src}`)).status).toBe(401)
    for (const id of ['../../waardentafel.sqlite', 'A'.repeat(32), `${asset.id}.orig`]) {
      const res = await read(
        `/api/boards/${board.id}/assets/${encodeURIComponent(id)}`,
        token(board, 'facilitator'),
      )
      // A slash inside a segment is refused as a malformed target before any route is asked.
      expect([id, res.status]).toEqual([id, id.includes('/') ? 400 : 404])
    }
  })

  it('[AS4] a file over MAX_ASSET_BYTES is 413 ASSET_TOO_LARGE, declared or streamed; a decompression bomb is refused unread', async () => {
    const big = Buffer.alloc(MAX_ASSET_BYTES + 1, 0xff)
    big.set([0xff, 0xd8, 0xff, 0xe0])
    const declared = await upload(big, token(board, 'participant'))
    expect([declared.status, await errorCode(declared)]).toEqual([413, 'ASSET_TOO_LARGE'])
    // Without a length: refused as the bytes pass the limit.
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 5; i++) controller.enqueue(big.subarray(i * 600_000, (i + 1) * 600_000))
        controller.close()
      },
    })
    const streamed = await fetch(`${srv.url}/api/boards/${board.id}/assets`, {
      method: 'POST',
      headers: {
        'content-type': 'application/octet-stream',
        authorization: `Bearer ${token(board, 'participant')}`,
      },
      body: stream,
      duplex: 'half',
    } as RequestInit)
    expect([streamed.status, await errorCode(streamed)]).toEqual([413, 'ASSET_TOO_LARGE'])

    const bomb = bombPng(100_000, 100_000)
    expect(bomb.length).toBeLessThan(1024)
    const refused = await upload(bomb, token(board, 'participant'))
    expect([refused.status, await errorCode(refused)]).toEqual([413, 'ASSET_TOO_LARGE'])
    expect((await fetch(`${srv.url}/healthz`)).status).toBe(200)
  })

  it('[AS5] the type is read from the bytes: a PNG named .pdf is a PNG, HTML named .jpg and a truncated JPEG are refused, a PDF is kept as it is', async () => {
    const png = await sharp({ create: { width: 30, height: 20, channels: 4, background: '#f00a' } })
      .png()
      .toBuffer()
    const asPdf = await uploaded(
      await upload(png, token(board, 'participant'), board, {
        'content-disposition': 'attachment; filename="kaart.pdf"',
      }),
    )
    expect(asPdf).toMatchObject({ contentType: 'image/png', w: 30, h: 20 })

    const html = Buffer.from('<!doctype html><html><script>alert(document.cookie)</script></html>')
    const htmlRes = await upload(html, token(board, 'participant'), board, {
      'content-disposition': 'attachment; filename="foto.jpg"',
    })
    expect([htmlRes.status, await errorCode(htmlRes)]).toEqual([415, 'ASSET_TYPE_UNSUPPORTED'])
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>')
    expect((await upload(svg, token(board, 'participant'))).status).toBe(415)

    const jpeg = await photoWithGps(300, 200)
    const truncated = await upload(
      jpeg.subarray(0, Math.floor(jpeg.length * 0.6)),
      token(board, 'participant'),
    )
    expect([truncated.status, await errorCode(truncated)]).toEqual([415, 'ASSET_TYPE_UNSUPPORTED'])
    const headerOnly = await upload(
      Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]),
      token(board, 'participant'),
    )
    expect(headerOnly.status).toBe(415)

    const pdf = await uploaded(await upload(PDF, token(board, 'participant')))
    expect(pdf).toMatchObject({ contentType: 'application/pdf', bytes: PDF.length, thumb: false })
    const served = await read(pdf.src, token(board, 'observer'))
    expect(served.headers.get('content-type')).toBe('application/pdf')
    expect(served.headers.get('content-disposition')).toBe(`attachment; filename="${pdf.id}.pdf"`)
    expect(Buffer.from(await served.arrayBuffer()).equals(PDF)).toBe(true)
  })

  it('[AS6] served with a strict type, nosniff, a sandbox, immutable private caching and an ETag', async () => {
    const png = await sharp({ create: { width: 10, height: 10, channels: 3, background: '#00f' } })
      .png()
      .toBuffer()
    const asset = await uploaded(await upload(png, token(board, 'participant')))
    // The same bytes again are the same asset (content-addressed).
    expect((await uploaded(await upload(png, token(board, 'participant')))).id).toBe(asset.id)
    const res = await read(asset.src, token(board, 'participant'))
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('image/png')
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(res.headers.get('cache-control')).toBe('private, max-age=31536000, immutable')
    expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox")
    expect(res.headers.get('content-disposition')).toBe(`inline; filename="${asset.id}.png"`)
    const etag = res.headers.get('etag')
    expect(etag).toBe(`"${asset.id}-original"`)
    const again = await fetch(`${srv.url}${asset.src}?token=${token(board, 'participant')}`, {
      headers: { 'if-none-match': etag ?? '' },
    })
    expect([again.status, (await again.arrayBuffer()).byteLength]).toEqual([304, 0])
  })

  it('[AS9] an upload a cross-site form could send (text/plain, multipart, urlencoded) or from another origin is refused', async () => {
    const png = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#fff' } })
      .png()
      .toBuffer()
    for (const type of [
      'text/plain',
      'multipart/form-data; boundary=x',
      'application/x-www-form-urlencoded',
      'image/png',
    ]) {
      const res = await upload(png, token(board, 'participant'), board, { 'content-type': type })
      expect([type, res.status, await errorCode(res)]).toEqual([type, 415, 'UNSUPPORTED_MEDIA_TYPE'])
    }
    const foreign = await upload(png, token(board, 'participant'), board, { origin: 'http://evil.example' })
    expect([foreign.status, await errorCode(foreign)]).toEqual([403, 'ORIGIN_FORBIDDEN'])
  })

  it("[AS12] a board's assets copied to another board are read there with that board's links", async () => {
    const from = await srv.createBoard('Origineel')
    const to = await srv.createBoard('Kopie')
    const png = await sharp({ create: { width: 9, height: 9, channels: 3, background: '#abc' } })
      .png()
      .toBuffer()
    const asset = await uploaded(await upload(png, token(from, 'participant'), from))
    const copyPath = `/api/boards/${to.id}/assets/${asset.id}`
    expect((await read(copyPath, token(to, 'participant'))).status).toBe(404)
    expect(await srv.server.assets.copyBoardAssets(from.id, to.id)).toBe(1)
    const copy = await read(copyPath, token(to, 'observer'))
    expect(copy.status).toBe(200)
    expect(
      Buffer.from(await copy.arrayBuffer()).equals(
        Buffer.from(await (await read(asset.src, token(from, 'observer'))).arrayBuffer()),
      ),
    ).toBe(true)
    expect((await read(copyPath, token(to, 'observer'), '&size=thumb')).headers.get('content-type')).toBe(
      'image/webp',
    )
    // The links of the board it came from still do not open the copy's path.
    expect((await read(copyPath, token(from, 'observer'))).status).toBe(403)
  })

  it('[AS12] a board restored from a named session has the pictures of the board it came from', async () => {
    const from = await srv.createBoard('Sessiebord')
    const png = await sharp({ create: { width: 7, height: 7, channels: 3, background: '#c40' } })
      .png()
      .toBuffer()
    const asset = await uploaded(await upload(png, token(from, 'participant'), from))
    const facilitator = {
      'content-type': 'application/json',
      authorization: `Bearer ${token(from, 'facilitator')}`,
    }
    const saved = await fetch(`${srv.url}/api/boards/${from.id}/sessions`, {
      method: 'POST',
      headers: facilitator,
      body: JSON.stringify({ name: 'Sessie 1' }),
    })
    const session = (await saved.json()) as { id: string }
    const restoredRes = await fetch(`${srv.url}/api/boards/${from.id}/sessions/${session.id}/restore`, {
      method: 'POST',
      headers: facilitator,
      body: '{}',
    })
    expect(restoredRes.status).toBe(201)
    const restored = (await restoredRes.json()) as CreateBoardResponse
    const res = await read(`/api/boards/${restored.id}/assets/${asset.id}`, token(restored, 'participant'))
    expect(res.status).toBe(200)
  })

  it("[AS7] orphaned assets are marked, then deleted after the grace period; named ones stay; a board's assets go with it", async () => {
    const b = await srv.createBoard('Wijkwandeling')
    const tok = token(b, 'participant')
    const solid = (colour: string) =>
      sharp({ create: { width: 12, height: 12, channels: 3, background: colour } })
        .png()
        .toBuffer()
    const kept = await uploaded(await upload(await solid('#123'), tok, b))
    const orphan = await uploaded(await upload(await solid('#456'), tok, b))
    // The board's document names `kept` in an asset record (as the web app's asset store writes it).
    const client = connectClient(srv.wsUrl, b, 'participant')
    await client.synced()
    writeDocRecords(client.doc, {
      schema: null,
      records: [
        {
          id: 'asset:kept',
          typeName: 'asset',
          type: 'image',
          props: { src: kept.src, w: 12, h: 12, name: 'kaart.png', isAnimated: false, mimeType: 'image/png' },
          meta: {},
        },
      ],
    })
    const snapshotRecords = async () => {
      const res = await fetch(`${srv.url}/api/boards/${b.id}/snapshot`, {
        headers: { authorization: `Bearer ${tok}` },
      })
      const snap = (await res.json()) as { records: { id: string }[] }
      return snap.records
    }
    // The server relays only what it stored: once another client has the record, the document holds it.
    const watcher = connectClient(srv.wsUrl, b, 'observer')
    await whenDoc(watcher.doc, () =>
      JSON.stringify(watcher.doc.getMap(RECORDS_MAP_NAME).toJSON()).includes(kept.id),
    )
    watcher.destroy()
    client.destroy()

    const DAY = 86_400_000
    let now = 1_000 * DAY
    const store = new FileAssetStore(join(srv.dataDir, 'assets'))
    const collector = new AssetCollector({
      store,
      boards: srv.storage,
      records: () => snapshotRecords(),
      now: () => now,
      graceMs: 7 * DAY,
    })
    const first = await collector.sweep()
    expect(first.marked).toBeGreaterThanOrEqual(1)
    expect((await store.getMeta(b.id, orphan.id))?.unreferencedSince).toBe(now)
    expect((await store.getMeta(b.id, kept.id))?.unreferencedSince).toBeNull()
    now += 6 * DAY
    await collector.sweep()
    expect((await read(orphan.src, tok)).status).toBe(200)
    now += 1 * DAY
    await collector.sweep()
    expect((await read(orphan.src, tok)).status).toBe(404)
    expect((await read(kept.src, tok)).status).toBe(200)

    // Deleting the board deletes its assets (the purge job calls this).
    expect(await srv.server.assets.deleteBoardAssets(b.id)).toBe(1)
    expect((await read(kept.src, tok)).status).toBe(404)
  })
})
