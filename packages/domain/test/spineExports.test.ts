import { decodePDFRawStream, PDFArray, PDFDocument, type PDFPage, PDFRawStream } from 'pdf-lib'
import { describe, expect, it } from 'vitest'
import { readBoard } from '../src/board/readBoard.ts'
import { pvwToDocx } from '../src/export/toDocx.ts'
import { pvwToHtml } from '../src/export/toHtml.ts'
import { pvwToMarkdown } from '../src/export/toMarkdown.ts'
import { pvwToPdf } from '../src/export/toPdf.ts'
import { koppelkansCardDefaultProps } from '../src/shapes/koppelkansCardShape.ts'
import { KOPPELKANS_CARD_TYPE } from '../src/shapes/shapeTypes.ts'
import { createBoardBuilder } from './support/boardBuilder.ts'
import { loadFixture, pvwOf } from './support/loadFixture.ts'
import { poisonSnapshot } from './support/poisonBoard.ts'
import { foreignNodes, parseMarkdown, XML_FORBIDDEN } from './support/readMarkdown.ts'
import { spineBoard } from './support/spineBoard.ts'
import { unzip } from './support/unzip.ts'

const HEADINGS = [
  'Feiten per waarde (polaroid)',
  'Onderbouwing van het waardenkompas',
  'Koppelkansen',
  'Financiering',
  'Sturingskaders',
  'Tenderkeuzes en gunningscriteria',
  'Juridische bodem',
  'Monitoringrapportage kernindicatoren',
]

const pvw = pvwOf(spineBoard({ fase: 'vastgesteld', gebiedsfase: 'planvorming', datum: '2031-06-01' }))

/** The text pdf-lib drew, one string per line (WinAnsi hex strings). */
async function pdfLines(bytes: Uint8Array): Promise<string[]> {
  const doc = await PDFDocument.load(bytes)
  const winAnsi = new TextDecoder('windows-1252')
  const streams = (page: PDFPage) => {
    const contents = page.node.Contents()
    const all =
      contents instanceof PDFArray ? contents.asArray().map((r) => page.doc.context.lookup(r)) : [contents]
    return all.filter((s): s is PDFRawStream => s instanceof PDFRawStream)
  }
  return doc.getPages().flatMap((page) =>
    streams(page).flatMap((s) => {
      const ops = new TextDecoder('latin1').decode(decodePDFRawStream(s).decode())
      return [...ops.matchAll(/<([0-9A-Fa-f]*)>\s*Tj/g)].map((m) =>
        winAnsi.decode(Uint8Array.from(m[1]!.match(/../g) ?? [], (h) => Number.parseInt(h, 16))),
      )
    }),
  )
}

describe('the spine’s content in the document', () => {
  it('[PH20] Markdown: parts B, E and F print the polaroid, financing, steering, tender, legal floor and report', () => {
    const md = pvwToMarkdown(pvw)
    for (const heading of HEADINGS) expect(md).toContain(`### ${heading}\n`)
    expect(md).toContain('| Boomkroonbedekking | 12,5 % | Atlas Leefomgeving: Kaartlaag bomen | 2025-06 |')
    expect(md).toContain('€ 1.250.000')
    expect(md).toContain('Route 1: € 1.250.000 · Route 2: € 25.500 · route nog niet bepaald: € 1.000.')
    expect(md).toContain('Gebiedsfonds: € 25.500 (1 grote en 1 kleine bijdragen).')
    expect(md).toContain('Gunningscriterium: Extra gewicht voor plannen die Vergroenen versterken')
    expect(md).toContain(
      '| Boomkroonbedekking | 12,5 % (2026-01-01) | 18 % (2030-03-01) | 30 % (2040) | Beter | Op weg |',
    )
    expect(md).toContain('**Procesfase:** Vastgesteld')
    expect(md).toContain('**Fase gebiedsontwikkeling:** Planvorming')
    // The order of the parts holds: the spine's blocks sit inside their part.
    const at = (s: string) => md.indexOf(s)
    expect(at('## B.') < at('### Feiten per waarde') && at('### Koppelkansen') < at('## C.')).toBe(true)
    expect(at('## E.') < at('### Financiering') && at('### Sturingskaders') < at('## F.')).toBe(true)
    expect(at('## F.') < at('### Monitoringrapportage')).toBe(true)
    expect(foreignNodes(parseMarkdown(md))).toEqual([])
  })

  it('[PH20] a board without the spine’s cards prints none of it', () => {
    for (const board of [
      spineBoard({ spine: false }),
      loadFixture('handreiking-voorbeeld'),
      loadFixture('leeg-bord'),
    ]) {
      const md = pvwToMarkdown(pvwOf(board))
      for (const heading of HEADINGS) expect(md).not.toContain(`### ${heading}\n`)
      expect(md).not.toContain('Procesfase')
    }
  })

  it('[PH20] HTML and Word carry the same content, user text escaped', async () => {
    const html = pvwToHtml(pvw)
    for (const heading of HEADINGS) expect(html).toContain(heading)
    expect(html).toContain('Zorgbesparing landt niet in de grondexploitatie')
    const docx = new TextDecoder().decode(unzip(await pvwToDocx(pvw)).get('word/document.xml')!)
    for (const heading of HEADINGS) expect(docx).toContain(heading)
    expect(docx).toContain('€ 1.250.000')

    const b = createBoardBuilder('board:x', 'x')
    b.shape(KOPPELKANS_CARD_TYPE, {
      id: 'k',
      x: 0,
      y: 0,
      props: {
        ...koppelkansCardDefaultProps(),
        name: '<img src=x onerror=alert(1)>',
        description: '**vet** [link](http://x)',
      },
    })
    const attacked = pvwOf(b.snapshot())
    const attackedHtml = pvwToHtml(attacked)
    expect(attackedHtml).toContain('&lt;img src=x onerror=alert(1)&gt;')
    expect(attackedHtml).not.toContain('<img src=x')
    expect(foreignNodes(parseMarkdown(pvwToMarkdown(attacked)))).toEqual([])
  })

  it('[PH20] the PDF draws the new sections, euro signs included', async () => {
    const lines = await pdfLines(await pvwToPdf(pvw, { datum: '2031-06-01' }))
    for (const heading of HEADINGS) expect(lines).toContain(heading)
    expect(lines.some((l) => l.includes('€ 1.250.000'))).toBe(true)
  })
})

describe('[PH20] the spine’s cards when every user string on them is an attack', () => {
  const ATTACKS = [
    '<script>alert(1)</script>',
    '[x](javascript:alert(1))',
    '# Kop',
    '| a | b |',
    '<img src=x onerror=alert(1)>',
    'Bel\u0007\u0000',
  ]
  const base = spineBoard({ fase: 'vastgesteld', datum: '2031-06-01' })
  let n = 0
  const hostile = poisonSnapshot(base, () => ATTACKS[n++ % ATTACKS.length]!)
  const attacked = pvwOf(hostile)

  it('[PH20] still reads every card, and prints each attack as text in Markdown, HTML and Word', async () => {
    const issues = (snapshot: unknown) => {
      const read = readBoard(snapshot)
      return read.ok ? read.board.issues.map((i) => i.code) : ['unreadable']
    }
    expect(issues(hostile)).toEqual(issues(base))
    expect(attacked.E.financiering.bijdragen.map((b) => b.description)).toContain('[x](javascript:alert(1))')
    const md = pvwToMarkdown(attacked)
    expect(foreignNodes(parseMarkdown(md))).toEqual([])
    const html = pvwToHtml(attacked)
    for (const tag of ['<script', '<img', '<a ']) expect(html).not.toContain(tag)
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    const docx = new TextDecoder().decode(unzip(await pvwToDocx(attacked)).get('word/document.xml')!)
    expect(docx).not.toMatch(XML_FORBIDDEN)
    expect(docx).not.toContain('<script')
  })
})
