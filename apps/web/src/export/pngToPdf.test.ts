import { crc32, deflateSync } from 'node:zlib'
import { PDFDocument } from 'pdf-lib'
import { describe, expect, it } from 'vitest'
import { pngToPdf } from './pngToPdf.ts'

/** A real PNG of one colour (8-bit RGB), as an image encoder writes it. */
function png(width: number, height: number): Uint8Array {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data])
    const length = Buffer.alloc(4)
    length.writeUInt32BE(data.length)
    const crc = Buffer.alloc(4)
    crc.writeUInt32BE(crc32(body))
    return Buffer.concat([length, body, crc])
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header.set([8, 2, 0, 0, 0], 8)
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, 0x80)])
  const pixels = deflateSync(Buffer.concat(Array.from({ length: height }, () => row)))
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
  return Buffer.concat([
    signature,
    chunk('IHDR', header),
    chunk('IDAT', pixels),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

const date = new Date(2026, 11, 7)

describe('pngToPdf', () => {
  it('puts a wide image on one landscape A4 page, titled', async () => {
    const pdf = await PDFDocument.load(
      await pngToPdf(png(300, 100), { title: 'Gebiedsvisie 2026-12-07', date }),
    )
    expect(pdf.getPageCount()).toBe(1)
    const size = pdf.getPage(0).getSize()
    expect(Math.round(size.width)).toBe(842)
    expect(Math.round(size.height)).toBe(595)
    expect(pdf.getTitle()).toBe('Gebiedsvisie 2026-12-07')
  })

  it('turns the page for a tall image', async () => {
    const pdf = await PDFDocument.load(await pngToPdf(png(100, 300), { title: 't', date }))
    const size = pdf.getPage(0).getSize()
    expect(size.height).toBeGreaterThan(size.width)
  })

  it('refuses bytes that are not a PNG', async () => {
    await expect(pngToPdf(new Uint8Array([1, 2, 3, 4]), { title: 't', date })).rejects.toThrow()
  })
})
