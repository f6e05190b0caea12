import { type PDFDocument, type PDFFont, type PDFPage, type RGB, rgb } from 'pdf-lib'
import { toFontText, wrapText } from './pdfText.ts'

// The PDF's page flow: the current page and how far down it is written, a new page when the next thing does not
// fit, and lines of text in the standard fonts. Blocks (toPdf.ts) and tables (pdfTable.ts) are drawn through it.

export const A4 = [595.28, 841.89] as const
export const MARGIN = 56
export const BOTTOM = 60
export const WIDTH = A4[0] - 2 * MARGIN
export const INK = rgb(0.11, 0.11, 0.1)
export const TEAL = rgb(0x1f / 255, 0x6f / 255, 0x8b / 255)

export type Fonts = { regular: PDFFont; bold: PDFFont; italic: PDFFont }

export class PdfWriter {
  page: PDFPage
  /** The baseline region written so far reaches down to here (PDF y grows upwards). */
  y = A4[1] - MARGIN
  readonly fonts: Fonts
  private readonly doc: PDFDocument
  private readonly supported: ReadonlySet<number>

  constructor(doc: PDFDocument, fonts: Fonts) {
    this.doc = doc
    this.fonts = fonts
    this.page = doc.addPage([...A4])
    this.supported = new Set(fonts.regular.getCharacterSet())
  }

  /** `value` in characters the standard fonts can draw (pdfText.ts). */
  text(value: string): string {
    return toFontText(value, this.supported)
  }

  get atTop(): boolean {
    return this.y >= A4[1] - MARGIN
  }

  newPage(): void {
    this.page = this.doc.addPage([...A4])
    this.y = A4[1] - MARGIN
  }

  /** Starts a new page unless `height` more fits on this one. */
  ensure(height: number): void {
    if (this.y - height < BOTTOM) this.newPage()
  }

  wrap(text: string, font: PDFFont, size: number, width: number, indent = 0): string[] {
    return wrapText(this.text(text), width, (s) => font.widthOfTextAtSize(s, size), indent)
  }

  /** Lines (already wrapped) one below the other, moving to a new page where one does not fit. */
  write(lines: readonly string[], font: PDFFont, size: number, x = MARGIN, color: RGB = INK): void {
    for (const line of lines) {
      this.ensure(size * 1.4)
      this.y -= size * 1.4
      this.page.drawText(line, { x, y: this.y + size * 0.3, size, font, color })
    }
  }

  /** Text on the line about to be written, without moving down: a label, a list marker. */
  lead(text: string, font: PDFFont, size: number, x = MARGIN): void {
    this.ensure(size * 1.4)
    this.page.drawText(text, { x, y: this.y - size * 1.4 + size * 0.3, size, font, color: INK })
  }
}
