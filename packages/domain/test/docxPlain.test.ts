import { Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx'
import { describe, expect, it } from 'vitest'
import { plainParagraph, plainTableRow } from '../src/export/docxPlain.ts'

// The DOCX export writes one-line table rows and list items as light components; docx must write them exactly as
// it writes its own components, or the document would change with the speed-up.

const context = () => ({ stack: [] }) as unknown as Parameters<Paragraph['prepForXml']>[0]
const TEXTS = [
  'Zorgverzekeraar',
  '',
  ' leading and trailing ',
  'a < b & c > "d" \'e\'',
  'Spanning 116 · Waarde 24',
]

const docxRow = (texts: string[]) =>
  new TableRow({ children: texts.map((t) => new TableCell({ children: [new Paragraph(t)] })) })
const header = (n: number) =>
  new TableRow({
    tableHeader: true,
    children: Array.from(
      { length: n },
      (_, i) =>
        new TableCell({
          children: [new Paragraph({ children: [new TextRun({ text: `H${i}`, bold: true })] })],
        }),
    ),
  })
const table = (rows: TableRow[]) => new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows })

describe('plainParagraph', () => {
  it.each(TEXTS)('writes %j as docx writes new Paragraph(text)', (text) => {
    expect(plainParagraph(text).prepForXml(context())).toEqual(new Paragraph(text).prepForXml(context()))
  })

  it.each(TEXTS)('writes %j as a bullet item as docx writes a level-0 bullet', (text) => {
    const docx = new Paragraph({ children: [new TextRun(text)], bullet: { level: 0 } })
    expect(plainParagraph(text, { bullet: true }).prepForXml(context())).toEqual(docx.prepForXml(context()))
  })

  it('is taken by a table cell as its paragraph, without docx adding an empty one', () => {
    const inCell = (paragraph: Paragraph) =>
      table([new TableRow({ children: [new TableCell({ children: [paragraph] })] })])
    expect(inCell(plainParagraph('x')).prepForXml(context())).toEqual(
      inCell(new Paragraph('x')).prepForXml(context()),
    )
  })

  it('refuses text with a line break, which needs docx runs with breaks', () => {
    expect(() => plainParagraph('a\nb')).toThrow()
  })
})

describe('plainTableRow', () => {
  it('writes a table as docx writes it with its own rows and cells, grid included', () => {
    const rows = [TEXTS.slice(0, 3), TEXTS.slice(2, 5), ['', '', '']]
    const light = table([header(3), ...rows.map(plainTableRow)])
    const docx = table([header(3), ...rows.map(docxRow)])
    expect(light.prepForXml(context())).toEqual(docx.prepForXml(context()))
  })

  it('mixes with docx rows in one table', () => {
    const light = table([
      header(2),
      plainTableRow(['a', 'b']),
      docxRow(['c', 'd']),
      plainTableRow(['e', 'f']),
    ])
    const docx = table([header(2), docxRow(['a', 'b']), docxRow(['c', 'd']), docxRow(['e', 'f'])])
    expect(light.prepForXml(context())).toEqual(docx.prepForXml(context()))
  })

  it('refuses a cell with a line break', () => {
    expect(() => plainTableRow(['a', 'b\nc'])).toThrow()
  })
})
