import {
  Document,
  HeadingLevel,
  ImageRun,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx'
import type { ProgrammaVanWaarden } from '../pvw/programmaVanWaardenSchema.ts'
import type { DocumentBlock, PerSchil } from './DocumentBlock.ts'
import type { Logo } from './documentLogo.ts'
import { plainParagraph, plainTableRow } from './docxPlain.ts'
import { cleanText } from './escape.ts'
import { perSchilScale, SCHIL_COLOURS } from './perSchilFigure.ts'
import { type DocumentOptions, pvwDocument } from './pvwToBlocks.ts'
import { waardenkompasPng } from './waardenkompasPng.ts'
import { waardenkompasSvg } from './waardenkompasSvg.ts'

// DOCX via the `docx` package, which needs no DOM. The waardenkompas goes in as an SVG image (with labels) plus
// a PNG fallback rendered by our own pure rasteriser (shapes only, no labels); the figures table follows it.

const HEADINGS = { 1: HeadingLevel.TITLE, 2: HeadingLevel.HEADING_1, 3: HeadingLevel.HEADING_2 } as const
const KOMPAS_SIZE = 520

function runs(text: string, bold = false): TextRun[] {
  if (!text.includes('\n')) return [new TextRun(bold ? { text, bold } : text)]
  return text
    .split(/\r?\n/)
    .map((part, i) => new TextRun({ text: part, bold, ...(i > 0 ? { break: 1 } : {}) }))
}

// Table cells and list items are most of a big document; one-line plain ones go in as light components
// (docxPlain.ts) that docx writes exactly as its own.
function cellParagraph(text: string, bold = false): Paragraph {
  return !bold && !text.includes('\n') ? plainParagraph(text) : new Paragraph({ children: runs(text, bold) })
}

/** Squares drawn per schil, at most this many each: a count beyond it is in the number beside them. */
const MAX_SQUARES = 10

/**
 * Betrokkenheid per schil drawn in Word: per schil a row of filled squares in the schil's colour, as many as
 * baathouders (up to MAX_SQUARES, scaled to the table's largest count beyond that), after the numbers.
 */
function perSchilCell(text: string, counts: PerSchil, max: number): TableCell {
  const scale = Math.min(1, MAX_SQUARES / max)
  const squares = counts.map(
    (n, i) =>
      new TextRun({
        text: `${'■'.repeat(n > 0 ? Math.max(1, Math.round(n * scale)) : 0)}${i < 3 ? ' ' : ''}`,
        color: SCHIL_COLOURS[i],
        ...(i === 0 ? { break: 1 } : {}),
      }),
  )
  return new TableCell({
    children: [new Paragraph({ children: [new TextRun(text), ...squares] })],
  })
}

function logoParagraph(logo: Logo): Paragraph {
  return new Paragraph({
    children: [
      new ImageRun({
        type: logo.type,
        data: logo.bytes,
        transformation: { width: 160, height: 60 },
        altText: { name: 'Logo', title: 'Logo', description: 'Logo' },
      }),
    ],
  })
}

function render(block: DocumentBlock, pvw: ProgrammaVanWaarden): (Paragraph | Table)[] {
  switch (block.kind) {
    case 'heading':
      return [new Paragraph({ heading: HEADINGS[block.level], children: runs(block.text) })]
    case 'paragraph':
      return [
        new Paragraph({
          children: [
            ...(block.label ? [new TextRun({ text: `${block.label}: `, bold: true })] : []),
            ...runs(block.text),
          ],
        }),
      ]
    case 'list':
      return block.items.map((item, i) =>
        block.ordered
          ? new Paragraph({ children: runs(`${i + 1}. ${item.text}`), indent: { left: 360 } })
          : item.text.includes('\n')
            ? new Paragraph({ children: runs(item.text), bullet: { level: 0 } })
            : plainParagraph(item.text, { bullet: true }),
      )
    case 'table':
      return [
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: [
            new TableRow({
              tableHeader: true,
              children: block.header.map((c) => new TableCell({ children: [cellParagraph(c, true)] })),
            }),
            ...block.rows.map((row) =>
              row.perSchil && block.perSchilColumn !== undefined
                ? new TableRow({
                    children: row.cells.map((c, i) =>
                      i === block.perSchilColumn && row.perSchil
                        ? perSchilCell(c, row.perSchil, perSchilScale(block))
                        : new TableCell({ children: [cellParagraph(c)] }),
                    ),
                  })
                : row.cells.length === block.header.length && !row.cells.some((c) => c.includes('\n'))
                  ? plainTableRow(row.cells)
                  : new TableRow({
                      children: row.cells.map((c) => new TableCell({ children: [cellParagraph(c)] })),
                    }),
            ),
          ],
        }),
        new Paragraph({ children: [] }),
      ]
    case 'kompas':
      return [
        new Paragraph({
          children: [
            new ImageRun({
              type: 'svg',
              data: new TextEncoder().encode(waardenkompasSvg(pvw.waardenkompas, KOMPAS_SIZE)),
              fallback: { type: 'png', data: waardenkompasPng(KOMPAS_SIZE) },
              transformation: { width: 400, height: 400 },
              altText: {
                name: 'Waardenkompas',
                title: 'Waardenkompas',
                description:
                  'Spindiagram: huidige situatie tegenover potentieel per waarde; cijfers in de tabel.',
              },
            }),
          ],
        }),
      ]
  }
}

/** The Programma van Waarden as a .docx file (headings per part, tables for D, tensions, kompas). */
export async function pvwToDocx(
  pvw: ProgrammaVanWaarden,
  options: DocumentOptions = {},
): Promise<Uint8Array> {
  const document = pvwDocument(pvw, options)
  const doc = new Document({
    creator: 'Waardentafel',
    title: cleanText(`Programma van Waarden: ${pvw.gebied}`),
    styles: { default: { document: { run: { font: 'Calibri', size: 22 } } } },
    sections: [
      {
        children: [
          ...(document.logo ? [logoParagraph(document.logo)] : []),
          ...document.blocks.flatMap((b, i) =>
            // Part A starts on a new page: the cover and the samenvatting are page one.
            i === document.firstPageBlocks
              ? [new Paragraph({ pageBreakBefore: true, children: [] }), ...render(b, pvw)]
              : render(b, pvw),
          ),
        ],
      },
    ],
  })
  return new Uint8Array(await Packer.toArrayBuffer(doc))
}
