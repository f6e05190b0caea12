import type { CreateBoardResponse } from '@waardentafel/protocol'
import { PDFDocument, rgb } from 'pdf-lib'
import type { Browser, Page } from 'playwright-core'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  createBoard,
  joinBoard,
  launchChromium,
  person,
  serverRecords,
  startApp,
  tokenOfLink,
} from './browserHarness.ts'

/** A real-sized phone photo: noise (which does not compress) as a JPEG of at least 3 MB, with EXIF that holds GPS. */
async function photo(minBytes: number, seed: number): Promise<Buffer> {
  for (let height = 1200; ; height += 200) {
    const width = Math.round(height * 1.33)
    const raw = Buffer.alloc(width * height * 3)
    let s = seed
    for (let i = 0; i < raw.length; i++) {
      s = (s * 1103515245 + 12345) & 0x7fffffff
      raw[i] = s >> 16
    }
    const jpeg = await sharp(raw, { raw: { width, height, channels: 3 } })
      .withExif({
        IFD0: { Make: 'WtPhone', ImageDescription: 'wt-secret-place' },
        IFD3: {
          GPSLatitudeRef: 'N',
          GPSLatitude: '52/1 5/1 31/1',
          GPSLongitudeRef: 'E',
          GPSLongitude: '5/1 7/1 8/1',
        },
      })
      .jpeg({ quality: 95 })
      .toBuffer()
    if (jpeg.length >= minBytes) return jpeg
  }
}

/**
 * Drops a file on the canvas, as a person dragging it from their files does: these bytes, or (`size`) a JPEG header
 * followed by that many blank bytes, made in the page (a 26 MB file need not cross the wire).
 */
async function dropFile(
  page: Page,
  content: Buffer | { size: number },
  name: string,
  type: string,
): Promise<void> {
  const base64 = Buffer.isBuffer(content) ? content.toString('base64') : ''
  const size = Buffer.isBuffer(content) ? 0 : content.size
  await page.evaluate(
    ([base64, size, name, type]) => {
      let data: Uint8Array
      if (base64) {
        const binary = atob(base64)
        data = new Uint8Array(binary.length)
        for (let i = 0; i < binary.length; i++) data[i] = binary.charCodeAt(i)
      } else {
        data = new Uint8Array(Number(size))
        data.set([0xff, 0xd8, 0xff, 0xe0])
      }
      const transfer = new DataTransfer()
      transfer.items.add(new File([data as Uint8Array<ArrayBuffer>], name, { type }))
      const canvas = document.querySelector('.tl-canvas') as HTMLElement
      const box = canvas.getBoundingClientRect()
      const at = { clientX: box.left + box.width / 2, clientY: box.top + box.height / 2 }
      for (const kind of ['dragenter', 'dragover', 'drop']) {
        canvas.dispatchEvent(
          new DragEvent(kind, { dataTransfer: transfer, bubbles: true, cancelable: true, ...at }),
        )
      }
    },
    [base64, String(size), name, type] as const,
  )
}

/** The asset records this browser's store holds: id and src. */
const assetSrcs = (page: Page) =>
  page.evaluate(() => {
    const editor = (window as unknown as { __wtEditor: import('tldraw').Editor }).__wtEditor
    return editor.getAssets().map((a) => String(a.props.src ?? ''))
  })

/** The pictures on screen that have loaded, by their URL. */
const loadedImages = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll<HTMLImageElement>('.tl-canvas img')]
      .filter((img) => img.complete && img.naturalWidth > 0)
      .map((img) => img.src),
  )

const SERVER_SRC = /^\/api\/boards\/[^/]+\/assets\/[0-9a-f]{32}$/

/** The size of the board's document as the server holds it (what every participant downloads on joining). */
async function docBytes(
  app: Awaited<ReturnType<typeof startApp>>,
  board: CreateBoardResponse,
): Promise<number> {
  const room = await app.server.rooms.acquire(board.id)
  try {
    return Y.encodeStateAsUpdate(room.doc).byteLength
  } finally {
    app.server.rooms.release(board.id)
  }
}

let browser: Browser
let app: Awaited<ReturnType<typeof startApp>>
beforeAll(async () => {
  browser = await launchChromium()
  app = await startApp()
})
afterAll(async () => {
  await app?.close()
  await browser?.close()
})

describe('pictures and maps stored by the server', () => {
  it('[AS2] a 3 MB photo dropped by one participant is seen by another; the document grows by at most 1 KB', async () => {
    const board = await createBoard(app.url, 'Wijkfoto’s')
    const a = await person(browser)
    const b = await person(browser)
    await joinBoard(a.page, board.links.participant, 'Anna')
    await joinBoard(b.page, board.links.participant, 'Bram')
    const before = await docBytes(app, board)

    const jpeg = await photo(3 * 1024 * 1024, 7)
    await dropFile(a.page, jpeg, 'wijk.jpg', 'image/jpeg')

    // The record holds the server's path (no data URL, no token); B's browser loads the picture from the server.
    await expect
      .poll(() => assetSrcs(a.page), { timeout: 20_000 })
      .toEqual([expect.stringMatching(SERVER_SRC)])
    const [src] = await assetSrcs(a.page)
    await expect.poll(() => assetSrcs(b.page), { timeout: 10_000 }).toEqual([src])
    await expect
      .poll(() => loadedImages(b.page), { timeout: 10_000 })
      .toEqual([expect.stringContaining(`${src}?`)])
    const records = await serverRecords(app.url, board.id, tokenOfLink(board.links.participant))
    expect([...records.values()].filter((r) => r.typeName === 'asset').map((r) => r.props?.src)).toEqual([
      src,
    ])
    const grown = (await docBytes(app, board)) - before
    expect(grown, `the document grew by ${grown} bytes`).toBeLessThanOrEqual(1024)

    // What B loaded has no EXIF and no place in it.
    const served = Buffer.from(
      await (await fetch(`${app.url}${src}?token=${tokenOfLink(board.links.observer)}`)).arrayBuffer(),
    )
    expect(served.includes('Exif')).toBe(false)
    expect(served.includes('wt-secret-place')).toBe(false)

    // Zoomed far out, B's browser asks for the thumbnail.
    await b.page.evaluate(() => {
      const editor = (window as unknown as { __wtEditor: import('tldraw').Editor }).__wtEditor
      editor.setCamera({ x: 0, y: 0, z: 0.05 })
    })
    await expect
      .poll(() => loadedImages(b.page), { timeout: 10_000 })
      .toEqual([expect.stringContaining(`${src}?size=thumb&`)])
    await a.context.close()
    await b.context.close()
  })

  it('[AS3] a photo added offline is kept on the device, shown there, and uploaded on reconnect; then the others see it', async () => {
    const board = await createBoard(app.url, 'Wandeling')
    const a = await person(browser)
    const b = await person(browser)
    await joinBoard(a.page, board.links.participant, 'Anna')
    await joinBoard(b.page, board.links.participant, 'Bram')

    await a.context.setOffline(true)
    await a.page.locator('[data-status=offline]').waitFor()
    const jpeg = await photo(1024 * 1024, 11)
    await dropFile(a.page, jpeg, 'onderweg.jpg', 'image/jpeg')
    await expect
      .poll(() => assetSrcs(a.page), { timeout: 10_000 })
      .toEqual([expect.stringMatching(/^asset:wt-local\//)])
    await expect
      .poll(() => loadedImages(a.page), { timeout: 10_000 })
      .toEqual([expect.stringMatching(/^blob:/)])

    await a.context.setOffline(false)
    await a.page.locator('[data-status=connected]').waitFor({ timeout: 15_000 })
    await expect
      .poll(() => assetSrcs(a.page), { timeout: 20_000 })
      .toEqual([expect.stringMatching(SERVER_SRC)])
    const [src] = await assetSrcs(a.page)
    await expect.poll(() => assetSrcs(b.page), { timeout: 10_000 }).toEqual([src])
    await expect
      .poll(() => loadedImages(b.page), { timeout: 10_000 })
      .toEqual([expect.stringContaining(`${src}?`)])
    await a.context.close()
    await b.context.close()
  })

  it('[AS5] a PDF map dropped on the board becomes the image of its first page; the PDF is stored beside it', async () => {
    const pdf = await PDFDocument.create()
    const page = pdf.addPage([842, 595])
    page.drawRectangle({ x: 40, y: 40, width: 500, height: 300, color: rgb(0.1, 0.5, 0.2) })
    page.drawText('Gebiedskaart Wijk Noord', { x: 60, y: 500, size: 32 })
    pdf.addPage([842, 595])
    const bytes = Buffer.from(await pdf.save())
    const board = await createBoard(app.url, 'Kaart')
    const a = await person(browser)
    const b = await person(browser)
    await joinBoard(a.page, board.links.participant, 'Anna')
    await joinBoard(b.page, board.links.participant, 'Bram')
    await dropFile(a.page, bytes, 'kaart.pdf', 'application/pdf')

    await expect
      .poll(() => assetSrcs(a.page), { timeout: 30_000 })
      .toEqual([expect.stringMatching(SERVER_SRC)])
    const asset = await a.page.evaluate(() => {
      const editor = (window as unknown as { __wtEditor: import('tldraw').Editor }).__wtEditor
      const [first] = editor.getAssets()
      return { src: String(first?.props.src), pdf: String(first?.meta.pdf) }
    })
    expect(asset.pdf).toMatch(SERVER_SRC)
    const token = tokenOfLink(board.links.observer)
    const image = await fetch(`${app.url}${asset.src}?token=${token}`)
    expect(image.headers.get('content-type')).toBe('image/png')
    const stored = await sharp(Buffer.from(await image.arrayBuffer())).metadata()
    expect(stored.width).toBeGreaterThan(stored.height ?? 0) // the landscape page
    const kept = await fetch(`${app.url}${asset.pdf}?token=${token}`)
    expect(kept.headers.get('content-type')).toBe('application/pdf')
    expect(Buffer.from(await kept.arrayBuffer()).equals(bytes)).toBe(true)
    await expect
      .poll(() => loadedImages(b.page), { timeout: 10_000 })
      .toEqual([expect.stringContaining(`${asset.src}?`)])
    await a.context.close()
    await b.context.close()
  })

  it('[AS4] a photo over 25 MB is refused in Dutch before anything enters the board', async () => {
    const board = await createBoard(app.url, 'Te groot')
    const a = await person(browser)
    await joinBoard(a.page, board.links.participant, 'Anna')
    await dropFile(a.page, { size: 26 * 1024 * 1024 }, 'groot.jpg', 'image/jpeg')
    const toast = a.page.locator('.tlui-toast__title', { hasText: 'Foto te groot' })
    await toast.first().waitFor()
    expect(await toast.allTextContents()).toEqual(['Foto te groot (max 25 MB)'])
    expect(await assetSrcs(a.page)).toEqual([])
    await a.context.close()
  })
})
