import { Paragraph, Table, TableCell, TableRow, TextRun } from 'docx'
import { describe, expect, it } from 'vitest'
import { plainParagraph } from '../src/export/docxPlainParagraph.ts'

// The DOCX export writes one-line table cells and list items as light components; docx must write them exactly
// as it writes its own Paragraph, or the document would change with the speed-up.

const context = () => ({ stack: [] }) as unknown as Parameters<Paragraph['prepForXml']>[0]
const TEXTS = [
  'Zorgverzekeraar',
  '',
  ' leading and trailing ',
  'a < b & c > "d" \'e\'',
  'Spanning 116 · Waarde 24',
]

describe('plainParagraph', () => {
  it.each(TEXTS)('writes %j as docx writes new Paragraph(text)', (text) => {
    expect(plainParagraph(text).prepForXml(context())).toEqual(new Paragraph(text).prepForXml(context()))
  })

  it.each(TEXTS)('writes %j as a bullet item as docx writes a level-0 bullet', (text) => {
    const docx = new Paragraph({ children: [new TextRun(text)], bullet: { level: 0 } })
    expect(plainParagraph(text, { bullet: true }).prepForXml(context())).toEqual(docx.prepForXml(context()))
  })

  it('is taken by a table cell as its paragraph, without docx adding an empty one', () => {
    const table = (paragraph: Paragraph) =>
      new Table({ rows: [new TableRow({ children: [new TableCell({ children: [paragraph] })] })] })
    expect(table(plainParagraph('x')).prepForXml(context())).toEqual(
      table(new Paragraph('x')).prepForXml(context()),
    )
  })

  it('refuses text with a line break, which needs docx runs with breaks', () => {
    expect(() => plainParagraph('a\nb')).toThrow()
  })
})
