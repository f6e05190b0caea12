import { type Paragraph, XmlComponent } from 'docx'

// A one-line, unformatted paragraph written exactly as docx writes `new Paragraph(text)`, or with
// `bullet: { level: 0 }`. A 2,000-card board has ~11,000 table cells and ~2,400 list items; as docx Paragraphs
// each costs six objects (paragraph, its properties, run, run properties, text, text attributes) that check
// dozens of options when built and again when written, about a quarter of the DOCX export's time. This component
// hands docx the finished element instead; docx escapes the text when it writes the XML, as for its own runs.
// test/docxPlainParagraph.test.ts checks that docx writes both forms the same as its own Paragraph.

const BULLET_PROPERTIES = {
  'w:pPr': [
    { 'w:pStyle': { _attr: { 'w:val': 'ListParagraph' } } },
    { 'w:numPr': [{ 'w:ilvl': { _attr: { 'w:val': 0 } } }, { 'w:numId': { _attr: { 'w:val': 1 } } }] },
  ],
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
    const run = { 'w:r': [{ 'w:t': [{ _attr: { 'xml:space': 'preserve' } }, this.text] }] }
    return { 'w:p': this.bullet ? [BULLET_PROPERTIES, run] : [run] }
  }
}

/**
 * A paragraph of one line of plain text (no line breaks), optionally a level-0 bullet item. The result is typed
 * as a docx Paragraph because docx's types name only that, while sections and table cells take any component
 * written as a `w:p`.
 */
export function plainParagraph(text: string, { bullet = false } = {}): Paragraph {
  if (text.includes('\n')) throw new Error('plainParagraph takes one line of text')
  return new PlainParagraph(text, bullet) as unknown as Paragraph
}
