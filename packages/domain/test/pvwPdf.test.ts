import { encode } from 'fast-png'
import { decodePDFRawStream, PDFArray, PDFDocument, type PDFPage, PDFRawStream, StandardFonts } from 'pdf-lib'
import { describe, expect, it } from 'vitest'
import { exportFileName } from '../src/export/exportFileName.ts'
import { toFontText, wrapText } from '../src/export/pdfText.ts'
import { pvwToPdf } from '../src/export/toPdf.ts'
import { loadFixture, pvwOf } from './support/loadFixture.ts'

// Issue #19: the PDF made without a browser. It is read back with pdf-lib itself; its text is read from the
// content streams, where pdf-lib writes every line as one WinAnsi hex string (`<…> Tj`).

const handreiking = pvwOf(loadFixture('handreiking-voorbeeld'))
const leeg = pvwOf(loadFixture('leeg-bord'))

function streamsOf(page: PDFPage): PDFRawStream[] {
  const contents = page.node.Contents()
  const all =
    contents instanceof PDFArray ? contents.asArray().map((r) => page.doc.context.lookup(r)) : [contents]
  return all.filter((s): s is PDFRawStream => s instanceof PDFRawStream)
}

/** The text drawn on each page, one string per drawn line. */
async function textOf(bytes: Uint8Array): Promise<string[][]> {
  const doc = await PDFDocument.load(bytes)
  const winAnsi = new TextDecoder('windows-1252')
  return doc.getPages().map((page) =>
    streamsOf(page).flatMap((s) => {
      const ops = new TextDecoder('latin1').decode(decodePDFRawStream(s).decode())
      return [...ops.matchAll(/<([0-9A-Fa-f]*)>\s*Tj/g)].map((m) =>
        winAnsi.decode(Uint8Array.from(m[1]!.match(/../g) ?? [], (h) => Number.parseInt(h, 16))),
      )
    }),
  )
}

describe('[PA5] the PDF, made without a browser', () => {
  it('[PA5] handreiking: parses back as A4 with a page count in range, samenvatting on page one, page numbers', async () => {
    const bytes = await pvwToPdf(handreiking, { datum: '2026-12-07' })
    const doc = await PDFDocument.load(bytes)
    expect(doc.getPageCount()).toBeGreaterThanOrEqual(6)
    expect(doc.getPageCount()).toBeLessThanOrEqual(14)
    for (const page of doc.getPages()) {
      expect(page.getWidth()).toBeCloseTo(595.28, 1)
      expect(page.getHeight()).toBeCloseTo(841.89, 1)
    }
    expect(doc.getTitle()).toBe('Programma van Waarden: Voorbeeldwijk')
    const pages = await textOf(bytes)
    expect(pages[0]).toContain('Bestuurlijke samenvatting')
    expect(pages[0]).toContain('Programma van Waarden: Voorbeeldwijk')
    for (const [i, lines] of pages.entries()) expect(lines).toContain(`Pagina ${i + 1} van ${pages.length}`)
    const all = pages.flat().join('\n')
    for (const heading of ['A. Gebiedsambitie', 'F. Borging en doorwerking', 'Bijlage: waardenkompas'])
      expect(all).toContain(heading)
    expect(all).toContain('Hogere dichtheid versus groen en koelte')
    // Part A starts on a page of its own, after the cover and samenvatting.
    expect(pages[0]).not.toContain('A. Gebiedsambitie')
  })

  it('[PA5] an empty board is short: at most three pages, one "Nog te doen" line per part', async () => {
    const pages = await textOf(await pvwToPdf(leeg))
    expect(pages.length).toBeGreaterThanOrEqual(2)
    expect(pages.length).toBeLessThanOrEqual(3)
    const all = pages.flat()
    expect(all.filter((l) => l.startsWith('Nog te doen:')).length).toBeGreaterThanOrEqual(7)
    expect(all.join('\n')).not.toContain('Nog niet ingevuld')
  })

  it('[PA5] Dutch letters survive: ë and é as they are, ĳ as ij; nothing the font lacks makes it throw', async () => {
    const pvw = {
      ...handreiking,
      gebied: 'Gnëphoek café ĳsselzone',
      board: { ...handreiking.board, title: 'Zoë → ≤ ☃' },
    }
    const text = (await textOf(await pvwToPdf(pvw))).flat().join('\n')
    expect(text).toContain('Programma van Waarden: Gnëphoek café ijsselzone')
    expect(text).toContain('Zoë -> <= ?')
  })

  it('[PA5] the same board and options give the same bytes (no clock in the PDF)', async () => {
    const a = await pvwToPdf(handreiking, { datum: '2026-12-07', versie: '1' })
    const b = await pvwToPdf(handreiking, { datum: '2026-12-07', versie: '1' })
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true)
  })

  it('[PA5] a logo is drawn on page one; a bad one is ignored', async () => {
    const png = `data:image/png;base64,${Buffer.from(encode({ width: 2, height: 1, data: new Uint8Array(6).fill(90), channels: 3 })).toString('base64')}`
    const withLogo = await PDFDocument.load(await pvwToPdf(leeg, { logo: png }))
    const images = (doc: PDFDocument) =>
      doc.context
        .enumerateIndirectObjects()
        .filter(([, o]) => o instanceof PDFRawStream && o.dict.toString().includes('/Subtype /Image')).length
    expect(images(withLogo)).toBe(1)
    expect(
      images(await PDFDocument.load(await pvwToPdf(leeg, { logo: 'data:image/gif;base64,R0lGODlh' }))),
    ).toBe(0)
  })

  it('[PA5] text is wrapped at spaces, a word wider than a line is cut, a label indents the first line', () => {
    const measure = (s: string) => s.length
    expect(wrapText('een twee drie vier', 9, measure)).toEqual(['een twee', 'drie vier'])
    expect(wrapText('abcdefghij', 4, measure)).toEqual(['abcd', 'efgh', 'ij'])
    expect(wrapText('een twee', 9, measure, 6)).toEqual(['een', 'twee'])
    expect(wrapText('regel\nnog een', 20, measure)).toEqual(['regel', 'nog een'])
    expect(toFontText('ĳs\u0000', new Set([...'ijs'].map((c) => c.codePointAt(0)!)))).toBe('ijs')
  })
})

/** Every line drawn, with its font, size and position. */
async function drawnLines(bytes: Uint8Array) {
  const doc = await PDFDocument.load(bytes)
  const winAnsi = new TextDecoder('windows-1252')
  return doc.getPages().flatMap((page, p) =>
    streamsOf(page).flatMap((s) => {
      const ops = new TextDecoder('latin1').decode(decodePDFRawStream(s).decode())
      return [
        ...ops.matchAll(
          /\/(\S+) ([\d.]+) Tf\s+[\s\S]*?1 0 0 1 ([\d.-]+) ([\d.-]+) Tm\s+<([0-9A-Fa-f]*)> Tj/g,
        ),
      ].map((m) => ({
        page: p,
        bold: m[1]!.includes('Bold'),
        size: Number(m[2]),
        x: Number(m[3]),
        y: Number(m[4]),
        text: winAnsi.decode(Uint8Array.from(m[5]!.match(/../g) ?? [], (h) => Number.parseInt(h, 16))),
      }))
    }),
  )
}

describe('[PA5] nothing drawn outside the page', () => {
  it('[PA5] every line of the handreiking, the inbreiding board and a board of long words lies within the margins, none over another', async () => {
    const metrics = await PDFDocument.create()
    const regular = await metrics.embedFont(StandardFonts.Helvetica)
    const bold = await metrics.embedFont(StandardFonts.HelveticaBold)
    const longWords = { ...handreiking, gebied: `Gebied${'x'.repeat(200)}` }
    for (const pvw of [handreiking, pvwOf(loadFixture('inbreiding-spoorkwartier')), longWords]) {
      const lines = await drawnLines(await pvwToPdf(pvw))
      expect(lines.length).toBeGreaterThan(20)
      for (const line of lines) {
        // Oblique has the regular font's widths.
        const width = (line.bold ? bold : regular).widthOfTextAtSize(line.text, line.size)
        expect(line.x, line.text).toBeGreaterThanOrEqual(56 - 0.01)
        expect(line.x + width, line.text).toBeLessThanOrEqual(595.28 - 56 + 0.5)
        expect(line.y, line.text).toBeGreaterThanOrEqual(25)
        expect(line.y, line.text).toBeLessThanOrEqual(841.89 - 40)
      }
      // No two lines on a page overlap: where their widths meet, their baselines are at least 90% of a line apart.
      const boxes = lines
        .filter((l) => l.text.trim())
        .map((l) => ({ ...l, right: l.x + (l.bold ? bold : regular).widthOfTextAtSize(l.text, l.size) }))
      for (const [i, a] of boxes.entries())
        for (const b of boxes.slice(i + 1)) {
          if (a.page !== b.page || Math.min(a.right, b.right) - Math.max(a.x, b.x) <= 0.5) continue
          expect(Math.abs(a.y - b.y), `${a.text} / ${b.text}`).toBeGreaterThanOrEqual(
            0.9 * Math.min(a.size, b.size),
          )
        }
    }
  })
})

describe('[PA6] export file names', () => {
  it('[PA6] the project and the day; never "Zonder titel"; nothing a file system refuses', () => {
    expect(exportFileName('Gnephoek Oost', '2026-12-07', 'pdf')).toBe('Gnephoek Oost 2026-12-07.pdf')
    expect(exportFileName('  a/b:c*?  ', '2026-12-07', '.docx')).toBe('a-b-c- 2026-12-07.docx')
    for (const untitled of ['', '   ', 'Zonder titel', 'zonder  titel'])
      expect(exportFileName(untitled, '2026-12-07', 'md')).toBe('Waardentafel 2026-12-07.md')
    expect(exportFileName('Café ĳsbaan', '2026-12-07', 'html')).toBe('Café ĳsbaan 2026-12-07.html')
    expect(exportFileName('x'.repeat(300), '2026-12-07', 'pdf')).toBe(`${'x'.repeat(120)} 2026-12-07.pdf`)
  })
})
