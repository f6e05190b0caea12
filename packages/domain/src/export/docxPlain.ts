import { type Paragraph, type TableRow, XmlComponent } from 'docx'

// Light stand-ins for the docx components that make up most of a big document: a 2,000-card board has ~2,300
// table rows with ~11,000 cells and ~2,400 list items. As docx objects each cell costs eight objects (cell, its
// properties, paragraph, its properties, run, run properties, text, text attributes) that check dozens of options
// when built and again when written; that was about half of the DOCX export's time. These components hand docx
// the finished elements instead, exactly as docx writes its own; docx still escapes the text when it writes the
// XML, as for its own runs. test/docxPlain.test.ts checks them against docx's own components, so a docx upgrade
// that changes what docx writes, or how a table reads its rows, fails there.

const BULLET_PROPERTIES = {
  'w:pPr': [
    { 'w:pStyle': { _attr: { 'w:val': 'ListParagraph' } } },
    { 'w:numPr': [{ 'w:ilvl': { _attr: { 'w:val': 0 } } }, { 'w:numId': { _attr: { 'w:val': 1 } } }] },
  ],
}

const runOf = (text: string) => ({ 'w:r': [{ 'w:t': [{ _attr: { 'xml:space': 'preserve' } }, text] }] })

function assertOneLine(text: string) {
  if (text.includes('\n'))
    throw new Error('plain DOCX paragraphs take one line of text; use docx runs with breaks')
}

class PlainParagraph extends XmlComponent {
  private readonly text: string
  private readonly bullet: boolean
  constructor(text: string, bullet: boolean) {
    super('w:p')
    this.text = text
    this.bullet = bullet
  }
  override prepForXml() {
    return { 'w:p': this.bullet ? [BULLET_PROPERTIES, runOf(this.text)] : [runOf(this.text)] }
  }
}

/**
 * A paragraph of one line of plain text, optionally a level-0 bullet item, as docx writes `new Paragraph(text)`
 * or `new Paragraph({ children: [new TextRun(text)], bullet: { level: 0 } })`. Typed as a docx Paragraph because
 * docx's types name only that, while sections and table cells take any component written as a `w:p`.
 */
export function plainParagraph(text: string, { bullet = false } = {}): Paragraph {
  assertOneLine(text)
  return new PlainParagraph(text, bullet) as unknown as Paragraph
}

class PlainTableRow extends XmlComponent {
  private readonly texts: readonly string[]
  constructor(texts: readonly string[]) {
    super('w:tr')
    this.texts = texts
  }
  /**
   * A docx Table reads its rows' cells to size its grid columns and to continue cells that span rows. This row
   * has no docx cells, so the table sizes its grid from its other rows (the header, with as many cells) and
   * finds no spans here, which plain cells never have.
   */
  get cells(): [] {
    return []
  }
  override prepForXml() {
    return { 'w:tr': this.texts.map((text) => ({ 'w:tc': [{ 'w:p': [runOf(text)] }] })) }
  }
}

/**
 * A table row of one-line plain-text cells, as docx writes
 * `new TableRow({ children: texts.map((t) => new TableCell({ children: [new Paragraph(t)] })) })`.
 * The table must have a docx row with as many cells (such as its header row) to size its grid from.
 */
export function plainTableRow(texts: readonly string[]): TableRow {
  for (const text of texts) assertOneLine(text)
  return new PlainTableRow(texts) as unknown as TableRow
}
