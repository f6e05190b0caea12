import { type PDFFont, rgb } from 'pdf-lib'
import type { DocumentBlock } from './DocumentBlock.ts'
import { A4, BOTTOM, INK, MARGIN, type PdfWriter, WIDTH } from './pdfWriter.ts'
import { barLength, perSchilScale, SCHIL_COLOURS } from './perSchilFigure.ts'

// A table in the PDF: columns as wide as their content asks, cells wrapped, the header repeated on every page the
// table runs onto, and the counts per schil drawn as bars under their numbers.

const CELL = 8
const LINE_HEIGHT = CELL * 1.3
const PADDING = 6
const LINE = rgb(0.73, 0.73, 0.73)
const HEADER_FILL = rgb(0.93, 0.96, 0.97)
const BAR = 5
const BAR_GAP = 2
const BARS_HEIGHT = 4 * BAR + 3 * BAR_GAP + 3
/** A row never grows beyond one page: its cells are cut with an ellipsis (the full text is in the other formats). */
const MAX_ROW = A4[1] - MARGIN - BOTTOM - 40

const colour = (hex: string) =>
  rgb(
    Number.parseInt(hex.slice(0, 2), 16) / 255,
    Number.parseInt(hex.slice(2, 4), 16) / 255,
    Number.parseInt(hex.slice(4, 6), 16) / 255,
  )

type Table = Extract<DocumentBlock, { kind: 'table' }>

/** Column widths from the header and the cells, each column between 6 and 40 parts of the page width. */
function columnWidths(block: Table): number[] {
  const weight = block.header.map((h, c) =>
    Math.min(
      40,
      Math.max(h.length / 2, 6, ...block.rows.map((r) => Math.min(40, (r.cells[c] ?? '').length / 3))),
    ),
  )
  const total = weight.reduce((a, b) => a + b, 0)
  return weight.map((w) => (WIDTH * w) / total)
}

export function drawTable(w: PdfWriter, block: Table): void {
  const widths = columnWidths(block)
  const scale = perSchilScale(block)
  const cellLines = (cells: readonly string[], font: PDFFont) =>
    widths.map((width, c) => w.wrap(cells[c] ?? '', font, CELL, width - PADDING))
  const heightOf = (lines: string[][], bars: boolean) =>
    Math.max(...lines.map((l) => l.length), 1) * LINE_HEIGHT + PADDING + (bars ? BARS_HEIGHT : 0)

  const drawRow = (lines: string[][], font: PDFFont, header: boolean, perSchil?: readonly number[]) => {
    const bars = perSchil !== undefined && block.perSchilColumn !== undefined
    let height = heightOf(lines, bars)
    if (height > MAX_ROW) {
      const keep = Math.floor((MAX_ROW - PADDING - (bars ? BARS_HEIGHT : 0)) / LINE_HEIGHT)
      lines = lines.map((l) => (l.length > keep ? [...l.slice(0, keep - 1), '…'] : l))
      height = MAX_ROW
    }
    let x = MARGIN
    lines.forEach((cell, c) => {
      const width = widths[c]!
      w.page.drawRectangle({
        x,
        y: w.y - height,
        width,
        height,
        borderColor: LINE,
        borderWidth: 0.5,
        ...(header ? { color: HEADER_FILL } : {}),
      })
      cell.forEach((line, n) => {
        const y = w.y - PADDING / 2 - (n + 1) * LINE_HEIGHT + CELL * 0.3
        w.page.drawText(line, { x: x + PADDING / 2, y, size: CELL, font, color: INK })
      })
      if (perSchil && c === block.perSchilColumn) {
        const top = w.y - PADDING / 2 - cell.length * LINE_HEIGHT - 3
        perSchil.forEach((count, s) => {
          const length = barLength(count, scale, width - 10)
          if (length > 0)
            w.page.drawRectangle({
              x: x + PADDING / 2,
              y: top - s * (BAR + BAR_GAP) - BAR,
              width: length,
              height: BAR,
              color: colour(SCHIL_COLOURS[s]!),
            })
        })
      }
      x += width
    })
    w.y -= height
  }

  const header = cellLines(block.header, w.fonts.bold)
  // The header and at least the first row's first lines together.
  w.ensure(heightOf(header, false) + LINE_HEIGHT * 2 + PADDING)
  drawRow(header, w.fonts.bold, true)
  for (const row of block.rows) {
    const lines = cellLines(row.cells, w.fonts.regular)
    const height = Math.min(
      MAX_ROW,
      heightOf(lines, row.perSchil !== undefined && block.perSchilColumn !== undefined),
    )
    if (w.y - height < BOTTOM) {
      w.newPage()
      drawRow(header, w.fonts.bold, true)
    }
    drawRow(lines, w.fonts.regular, false, row.perSchil)
  }
  w.y -= 8
}
