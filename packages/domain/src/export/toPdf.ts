import { PDFDocument, type PDFFont, type PDFPage, rgb, StandardFonts } from 'pdf-lib'
import type { ProgrammaVanWaarden } from '../pvw/programmaVanWaardenSchema.ts'
import type { DocumentBlock } from './DocumentBlock.ts'
import type { Logo } from './documentLogo.ts'
import { drawKompas } from './pdfKompas.ts'
import { toFontText, wrapText } from './pdfText.ts'
import { barLength, perSchilScale, SCHIL_COLOURS } from './perSchilFigure.ts'
import { type DocumentOptions, pvwDocument } from './pvwToBlocks.ts'

// The PDF is laid out here with pdf-lib from the same blocks as the Markdown, HTML and DOCX, not printed from the
// HTML by Chromium: pdf-lib is plain JavaScript, so the same call works on every server instance (no browser to
// install or keep alive, no process per request) and in the browser, and the same board and options give the same
// bytes (no clock: the date comes from the options). The price is a simpler layout than a browser's, which suits a
// document of headings, paragraphs, lists and tables.

const A4 = [595.28, 841.89] as const
const MARGIN = 56
const BOTTOM = 60
const WIDTH = A4[0] - 2 * MARGIN
const INK = rgb(0.11, 0.11, 0.1)
const TEAL = rgb(0x1f / 255, 0x6f / 255, 0x8b / 255)
const LINE = rgb(0.73, 0.73, 0.73)
const HEADER_FILL = rgb(0.93, 0.96, 0.97)
const HEADING = { 1: 20, 2: 14, 3: 11 } as const
const BODY = 10
const CELL = 8
const KOMPAS_SIZE = 330
const PER_SCHIL_HEIGHT = 4 * 5 + 3 * 2
const hex = (h: string) =>
  rgb(
    Number.parseInt(h.slice(0, 2), 16) / 255,
    Number.parseInt(h.slice(2, 4), 16) / 255,
    Number.parseInt(h.slice(4, 6), 16) / 255,
  )

type Fonts = { regular: PDFFont; bold: PDFFont; italic: PDFFont }

/** The Programma van Waarden as an A4 PDF: cover and samenvatting on page one, page numbers on every page. */
export async function pvwToPdf(pvw: ProgrammaVanWaarden, options: DocumentOptions = {}): Promise<Uint8Array> {
  const { blocks, firstPageBlocks, logo } = pvwDocument(pvw, options)
  const doc = await PDFDocument.create({ updateMetadata: false })
  const fonts: Fonts = {
    regular: await doc.embedFont(StandardFonts.Helvetica),
    bold: await doc.embedFont(StandardFonts.HelveticaBold),
    italic: await doc.embedFont(StandardFonts.HelveticaOblique),
  }
  const supported = new Set(fonts.regular.getCharacterSet())
  const fontText = (s: string) => toFontText(s, supported)
  const title = `Programma van Waarden: ${pvw.gebied}`
  doc.setTitle(fontText(title))
  doc.setLanguage('nl-NL')
  doc.setCreator('Waardentafel')
  doc.setProducer('Waardentafel (pdf-lib)')
  const day = /^\d{4}-\d{2}-\d{2}$/.test(options.datum ?? '') ? new Date(`${options.datum}T00:00:00Z`) : null
  if (day && !Number.isNaN(day.getTime())) {
    doc.setCreationDate(day)
    doc.setModificationDate(day)
  }

  let page: PDFPage = doc.addPage([...A4])
  let y = A4[1] - MARGIN
  const newPage = () => {
    page = doc.addPage([...A4])
    y = A4[1] - MARGIN
  }
  const ensure = (height: number) => {
    if (y - height < BOTTOM) newPage()
  }
  const wrap = (text: string, font: PDFFont, size: number, width: number) =>
    wrapText(fontText(text), width, (s) => font.widthOfTextAtSize(s, size))
  const write = (lines: string[], font: PDFFont, size: number, x = MARGIN, color = INK) => {
    for (const line of lines) {
      ensure(size * 1.4)
      y -= size * 1.4
      page.drawText(line, { x, y: y + size * 0.3, size, font, color })
    }
  }

  if (logo) await drawLogo(doc, page, logo)
  // Page one holds the cover and the samenvatting; parts A–F follow on the next page, the annexes after them.
  const firstAnnex = blocks.findIndex(
    (b) => b.kind === 'heading' && b.level === 2 && b.text.startsWith('Bijlage'),
  )
  blocks.forEach((block, i) => {
    if ((i === firstPageBlocks || i === firstAnnex) && y < A4[1] - MARGIN) newPage()
    switch (block.kind) {
      case 'heading': {
        const size = HEADING[block.level]
        // Keep a heading with at least three lines of what follows it.
        ensure(size * 1.4 + size * 0.8 + BODY * 1.4 * 3)
        y -= size * 0.8
        write(
          wrap(block.text, fonts.bold, size, WIDTH),
          fonts.bold,
          size,
          MARGIN,
          block.level === 2 ? TEAL : INK,
        )
        y -= 2
        return
      }
      case 'paragraph': {
        const font = block.leeg ? fonts.italic : fonts.regular
        const label = block.label ? fontText(`${block.label}: `) : ''
        const indent = label ? fonts.bold.widthOfTextAtSize(label, BODY) : 0
        const lines = wrapText(fontText(block.text), WIDTH, (s) => font.widthOfTextAtSize(s, BODY), indent)
        if (label) {
          // The label in bold, the text continuing on its line.
          ensure(BODY * 1.4)
          page.drawText(label, {
            x: MARGIN,
            y: y - BODY * 1.4 + BODY * 0.3,
            size: BODY,
            font: fonts.bold,
            color: INK,
          })
          y -= BODY * 1.4
          page.drawText(lines[0] ?? '', {
            x: MARGIN + indent,
            y: y + BODY * 0.3,
            size: BODY,
            font,
            color: INK,
          })
          write(lines.slice(1), font, BODY)
        } else write(lines, font, BODY)
        y -= 4
        return
      }
      case 'list':
        block.items.forEach((item, n) => {
          const marker = block.ordered ? `${n + 1}.` : '•'
          const lines = wrap(item.text, fonts.regular, BODY, WIDTH - 14)
          ensure(BODY * 1.4)
          page.drawText(marker, {
            x: MARGIN + 2,
            y: y - BODY * 1.4 + BODY * 0.3,
            size: BODY,
            font: fonts.regular,
            color: INK,
          })
          write(lines, fonts.regular, BODY, MARGIN + 14)
        })
        y -= 4
        return
      case 'table':
        drawTable(block)
        return
      case 'kompas':
        ensure(KOMPAS_SIZE)
        drawKompas(page, pvw.waardenkompas, MARGIN + (WIDTH - KOMPAS_SIZE) / 2, y, KOMPAS_SIZE, {
          font: fonts.regular,
          text: fontText,
        })
        y -= KOMPAS_SIZE + 6
        return
    }
  })

  function drawTable(block: Extract<DocumentBlock, { kind: 'table' }>) {
    const columns = block.header.length
    // Columns as wide as their content asks, within bounds, so a name column does not squeeze a long text column.
    const weight = block.header.map((h, c) =>
      Math.min(
        40,
        Math.max(h.length / 2, 6, ...block.rows.map((r) => Math.min(40, (r.cells[c] ?? '').length / 3))),
      ),
    )
    const total = weight.reduce((a, b) => a + b, 0)
    const widths = weight.map((w) => (WIDTH * w) / total)
    const max = perSchilScale(block)
    const lineHeight = CELL * 1.3
    const cellLines = (cells: readonly string[], font: PDFFont) =>
      Array.from({ length: columns }, (_, c) => wrap(cells[c] ?? '', font, CELL, widths[c]! - 6))
    const maxRow = A4[1] - MARGIN - BOTTOM - 40
    const drawRow = (lines: string[][], font: PDFFont, fill: boolean, perSchil?: readonly number[]) => {
      const extra = perSchil && block.perSchilColumn !== undefined ? PER_SCHIL_HEIGHT + 3 : 0
      let height = Math.max(...lines.map((l) => l.length), 1) * lineHeight + 6 + extra
      if (height > maxRow) {
        // A cell taller than a page is cut, with an ellipsis; the full text is in the other formats.
        const keep = Math.floor((maxRow - 6 - extra) / lineHeight)
        lines = lines.map((l) => (l.length > keep ? [...l.slice(0, keep - 1), '…'] : l))
        height = maxRow
      }
      let x = MARGIN
      lines.forEach((cell, c) => {
        const w = widths[c]!
        page.drawRectangle({
          x,
          y: y - height,
          width: w,
          height,
          borderColor: LINE,
          borderWidth: 0.5,
          ...(fill ? { color: HEADER_FILL } : {}),
        })
        cell.forEach((line, n) => {
          page.drawText(line, {
            x: x + 3,
            y: y - 3 - (n + 1) * lineHeight + CELL * 0.3,
            size: CELL,
            font,
            color: INK,
          })
        })
        if (perSchil && c === block.perSchilColumn) {
          const top = y - 3 - cell.length * lineHeight - 3
          perSchil.forEach((count, s) => {
            const length = barLength(count, max, w - 10)
            if (length > 0)
              page.drawRectangle({
                x: x + 3,
                y: top - s * 7 - 5,
                width: length,
                height: 5,
                color: hex(SCHIL_COLOURS[s]!),
              })
          })
        }
        x += w
      })
      y -= height
      return height
    }
    const headerLines = cellLines(block.header, fonts.bold)
    const headerHeight = Math.max(...headerLines.map((l) => l.length)) * lineHeight + 6
    ensure(headerHeight + lineHeight * 2 + 6)
    drawRow(headerLines, fonts.bold, true)
    for (const row of block.rows) {
      const lines = cellLines(row.cells, fonts.regular)
      const extra = row.perSchil && block.perSchilColumn !== undefined ? PER_SCHIL_HEIGHT + 3 : 0
      const height = Math.min(maxRow, Math.max(...lines.map((l) => l.length), 1) * lineHeight + 6 + extra)
      if (y - height < BOTTOM) {
        newPage()
        drawRow(headerLines, fonts.bold, true)
      }
      drawRow(lines, fonts.regular, false, row.perSchil)
    }
    y -= 8
  }

  const pages = doc.getPages()
  const footer = fontText(title)
  pages.forEach((p, i) => {
    const number = `Pagina ${i + 1} van ${pages.length}`
    p.drawText(number, {
      x: A4[0] - MARGIN - fonts.regular.widthOfTextAtSize(number, 8),
      y: 30,
      size: 8,
      font: fonts.regular,
      color: INK,
    })
    p.drawText(wrap(footer, fonts.regular, 8, WIDTH - 100)[0] ?? '', {
      x: MARGIN,
      y: 30,
      size: 8,
      font: fonts.regular,
      color: INK,
    })
  })
  return doc.save({ useObjectStreams: false })
}

/** The logo top right on page one, at most 140 × 50 pt, its proportions kept. */
async function drawLogo(doc: PDFDocument, page: PDFPage, logo: Logo) {
  try {
    const image = logo.type === 'png' ? await doc.embedPng(logo.bytes) : await doc.embedJpg(logo.bytes)
    const scale = Math.min(140 / image.width, 50 / image.height, 1)
    const width = image.width * scale
    const height = image.height * scale
    page.drawImage(image, { x: A4[0] - MARGIN - width, y: A4[1] - MARGIN + 30 - height, width, height })
  } catch {
    // A logo whose header passed parseLogo but whose body pdf-lib cannot read is left out, like any bad logo.
  }
}
