import { PDFDocument, type PDFPage, StandardFonts } from 'pdf-lib'
import type { ProgrammaVanWaarden } from '../pvw/programmaVanWaardenSchema.ts'
import type { DocumentBlock } from './DocumentBlock.ts'
import type { Logo } from './documentLogo.ts'
import { drawKompas } from './pdfKompas.ts'
import { drawTable } from './pdfTable.ts'
import { A4, INK, MARGIN, PdfWriter, TEAL, WIDTH } from './pdfWriter.ts'
import { type DocumentOptions, pvwDocument } from './pvwToBlocks.ts'

// The PDF is laid out here with pdf-lib from the same blocks as the Markdown, HTML and DOCX, not printed from the
// HTML by Chromium: pdf-lib is plain JavaScript, so the same call works on every server instance (no browser to
// install or keep alive, no process per request) and in the browser, and the same board and options give the same
// bytes (no clock: the date comes from the options). The price is a simpler layout than a browser's, which suits a
// document of headings, paragraphs, lists and tables. The standard Helvetica needs no font file; it has every
// Dutch letter but the rare ligature "ĳ", which pdfText.ts writes as "ij".

const HEADING = { 1: 20, 2: 14, 3: 11 } as const
const BODY = 10
const KOMPAS_SIZE = 330

/** The Programma van Waarden as an A4 PDF: cover and samenvatting on page one, page numbers on every page. */
export async function pvwToPdf(pvw: ProgrammaVanWaarden, options: DocumentOptions = {}): Promise<Uint8Array> {
  const { blocks, firstPageBlocks, logo } = pvwDocument(pvw, options)
  const doc = await PDFDocument.create({ updateMetadata: false })
  const w = new PdfWriter(doc, {
    regular: await doc.embedFont(StandardFonts.Helvetica),
    bold: await doc.embedFont(StandardFonts.HelveticaBold),
    italic: await doc.embedFont(StandardFonts.HelveticaOblique),
  })
  const title = `Programma van Waarden: ${pvw.gebied}`
  doc.setTitle(w.text(title))
  doc.setLanguage('nl-NL')
  doc.setCreator('Waardentafel')
  doc.setProducer('Waardentafel (pdf-lib)')
  const day = /^\d{4}-\d{2}-\d{2}$/.test(options.datum ?? '') ? new Date(`${options.datum}T00:00:00Z`) : null
  if (day && !Number.isNaN(day.getTime())) {
    doc.setCreationDate(day)
    doc.setModificationDate(day)
  }

  if (logo) await drawLogo(doc, w.page, logo)
  // Page one holds the cover and the samenvatting; parts A–F follow on the next page, the annexes after them.
  const firstAnnex = blocks.findIndex(
    (b) => b.kind === 'heading' && b.level === 2 && b.text.startsWith('Bijlage'),
  )
  blocks.forEach((block, i) => {
    if ((i === firstPageBlocks || i === firstAnnex) && !w.atTop) w.newPage()
    drawBlock(w, block, pvw)
  })
  footers(doc, w, title)
  return doc.save({ useObjectStreams: false })
}

function drawBlock(w: PdfWriter, block: DocumentBlock, pvw: ProgrammaVanWaarden): void {
  const { regular, bold, italic } = w.fonts
  switch (block.kind) {
    case 'heading': {
      const size = HEADING[block.level]
      // Keep a heading with at least three lines of what follows it.
      w.ensure(size * 1.4 + size * 0.8 + BODY * 1.4 * 3)
      w.y -= size * 0.8
      w.write(w.wrap(block.text, bold, size, WIDTH), bold, size, MARGIN, block.level === 2 ? TEAL : INK)
      w.y -= 2
      return
    }
    case 'paragraph': {
      const font = block.leeg ? italic : regular
      const label = block.label ? w.text(`${block.label}: `) : ''
      const indent = label ? bold.widthOfTextAtSize(label, BODY) : 0
      const lines = w.wrap(block.text, font, BODY, WIDTH, indent)
      if (label) {
        // The label in bold, the text continuing on its line.
        w.lead(label, bold, BODY)
        w.write(lines.slice(0, 1), font, BODY, MARGIN + indent)
        w.write(lines.slice(1), font, BODY)
      } else w.write(lines, font, BODY)
      w.y -= 4
      return
    }
    case 'list':
      block.items.forEach((item, n) => {
        w.lead(block.ordered ? `${n + 1}.` : '•', regular, BODY, MARGIN + 2)
        w.write(w.wrap(item.text, regular, BODY, WIDTH - 14), regular, BODY, MARGIN + 14)
      })
      w.y -= 4
      return
    case 'table':
      drawTable(w, block)
      return
    case 'kompas':
      w.ensure(KOMPAS_SIZE)
      drawKompas(w.page, pvw.waardenkompas, MARGIN + (WIDTH - KOMPAS_SIZE) / 2, w.y, KOMPAS_SIZE, {
        font: regular,
        text: (s) => w.text(s),
      })
      w.y -= KOMPAS_SIZE + 6
      return
  }
}

/** "Pagina i van n" and the title at the foot of every page, once the number of pages is known. */
function footers(doc: PDFDocument, w: PdfWriter, title: string): void {
  const { regular } = w.fonts
  const pages = doc.getPages()
  const footer = w.wrap(title, regular, 8, WIDTH - 100)[0] ?? ''
  pages.forEach((page, i) => {
    const number = `Pagina ${i + 1} van ${pages.length}`
    const x = A4[0] - MARGIN - regular.widthOfTextAtSize(number, 8)
    page.drawText(number, { x, y: 30, size: 8, font: regular, color: INK })
    page.drawText(footer, { x: MARGIN, y: 30, size: 8, font: regular, color: INK })
  })
}

/** The logo top right on page one, at most 140 × 50 pt, its proportions kept. */
async function drawLogo(doc: PDFDocument, page: PDFPage, logo: Logo): Promise<void> {
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
