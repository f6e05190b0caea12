import { describe, expect, it } from 'vitest'
import { readBoard } from '../src/board/readBoard.ts'
import { pvwToBlocks } from '../src/export/pvwToBlocks.ts'
import { pvwToDocx } from '../src/export/toDocx.ts'
import { pvwToHtml } from '../src/export/toHtml.ts'
import { pvwToMarkdown } from '../src/export/toMarkdown.ts'
import { loadFixture, pvwOf } from './support/loadFixture.ts'
import { poisonSnapshot } from './support/poisonBoard.ts'
import {
  expectedLines,
  expectedOneLine,
  foreignNodes,
  outlineOfBlocks,
  outlineOfTree,
  parseMarkdown,
  XML_FORBIDDEN,
} from './support/readMarkdown.ts'
import { unzip } from './support/unzip.ts'

// Issue #15 point 7: every string on a board is typed by someone, and the exports are mailed, published and
// opened in Word. A board whose every user string is an attack must come out as a document with only its own
// structure, showing each attack as the literal text it was.

const ATTACKS = [
  '<script>alert(1)</script>',
  '<iframe src=x>',
  '[x](javascript:alert(1))',
  '![t](https://tracker.example/p.gif)',
  '# Kop',
  'Titel\r\n# Kop',
  '| a | b |',
  '*',
  '_',
  '`code` en ```blok```',
  '<!-- -->',
  '&lt;',
  'Kop\n===',
  'Lijst\n- punt\n1. punt',
  '<img src=x onerror=alert(1)>',
  '[ref]: https://tracker.example/r',
  '"><svg onload=alert(1)>',
  "' onmouseover='alert(1)",
  'Bel\u0007\u0000\uFFFE',
  '    ingesprongen code',
  '> citaat',
  '\\*geen nadruk\\*',
] as const

const base = loadFixture('handreiking-voorbeeld')
function hostileBoard(renameIds = false) {
  let n = 0
  return poisonSnapshot(
    base,
    // The title's line break is the injection the issue names; every other field takes the next attack in turn.
    (field) => (field === 'workshop.gebied' ? 'Titel\r\n# Kop' : ATTACKS[n++ % ATTACKS.length]!),
    renameIds ? (id) => `${id}"><script>alert(1)</script>` : undefined,
  )
}

describe('[EX1][EX2] exports of a board whose every user string is an attack', () => {
  const hostile = hostileBoard()
  const pvw = pvwOf(hostile)
  const blocks = pvwToBlocks(pvw)

  it('still reads every card (the attack strings went into text fields, not keys)', () => {
    const codes = (snapshot: unknown) => {
      const read = readBoard(snapshot)
      if (!read.ok) throw new Error('unreadable')
      return read.board.issues.map((i) => i.code)
    }
    expect(codes(hostile)).toEqual(codes(base))
    expect(JSON.stringify(blocks)).toContain('javascript:alert(1)')
  })

  describe('Markdown, read back with a CommonMark + GFM parser', () => {
    const markdown = pvwToMarkdown(pvw)
    const tree = parseMarkdown(markdown)
    const outline = outlineOfTree(tree)

    it('has no html, link, image, definition or code node', () => {
      expect(foreignNodes(tree)).toEqual([])
    })

    it('has exactly the headings of the document itself', () => {
      const headings = (o: typeof outline) => o.filter((entry) => entry[0] === 'h')
      expect(headings(outline)).toEqual(headings(outlineOfBlocks(blocks)))
      expect(outline[0]).toEqual(['h', 1, 'Programma van Waarden: Titel # Kop'])
    })

    it('reads back as exactly the blocks, every user string as literal text', () => {
      expect(outline).toEqual(outlineOfBlocks(blocks))
    })

    it('shows each attack string as literal text', () => {
      const texts = JSON.stringify(outline)
      for (const attack of ATTACKS) {
        const shown = [expectedLines(attack), expectedOneLine(attack)].map((s) =>
          JSON.stringify(s).slice(1, -1),
        )
        expect(
          shown.some((s) => texts.includes(s)),
          attack,
        ).toBe(true)
      }
    })

    it('keeps the tables and lists the document had', () => {
      expect(outline.filter((o) => o[0] === 'table').length).toBe(
        blocks.filter((b) => b.kind === 'table').length,
      )
      expect(outline.filter((o) => o[0] === 'list').length).toBe(
        blocks.filter((b) => b.kind === 'list').length,
      )
    })
  })

  describe('HTML', () => {
    // Shape ids are chosen by the client too, and end up in data-sources attributes.
    const html = pvwToHtml(pvwOf(hostileBoard(true)))
    const tags = html.replace(/^<!doctype html>/, '').match(/<[^>]*>?/g) ?? []
    const ALLOWED = new Set(
      'html head meta title style body main h1 h2 h3 p strong br ul ol li table thead tbody tr th td figure figcaption svg polygon line text g rect'.split(
        ' ',
      ),
    )

    it('has only its own elements, with quoted attributes that hold no markup', () => {
      const wellFormed = /^<\/?([a-z][a-z0-9]*)(?:\s+[a-zA-Z][a-zA-Z0-9:-]*="[^"<>]*")*\s*\/?>$/
      const bad = tags.filter((t) => !wellFormed.test(t) || !ALLOWED.has(wellFormed.exec(t)![1]!))
      expect(bad.map((t) => t.slice(0, 120))).toEqual([])
      expect(tags.filter((t) => /\s(?:href|src|xlink:href|on[a-z]+)=/i.test(t))).toEqual([])
      expect(html).toContain('data-sources="shape:v-gezonde-leefomgeving&quot;&gt;&lt;script&gt;')
    })

    it('shows each attack string escaped, and no character XML forbids', () => {
      const esc = (s: string) =>
        s
          .replace(/&/g, '&amp;')
          .replace(/</g, '&lt;')
          .replace(/>/g, '&gt;')
          .replace(/"/g, '&quot;')
          .replace(/'/g, '&apos;')
      for (const attack of ATTACKS.filter((a) => !a.includes('\n') && !XML_FORBIDDEN.test(a))) {
        expect(html, attack).toContain(esc(attack.trim()))
      }
      expect(html).not.toMatch(XML_FORBIDDEN)
    })
  })

  describe('DOCX', async () => {
    const files = unzip(await pvwToDocx(pvwOf(hostileBoard(true))))
    const xmlFiles = [...files].filter(([name]) => /\.(xml|rels|svg)$/.test(name))
    const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes)

    it('writes every part as XML without a character XML forbids', () => {
      for (const [name, bytes] of xmlFiles) expect(decode(bytes), name).not.toMatch(XML_FORBIDDEN)
    })

    it('keeps user text in text runs: no element outside the document namespaces', () => {
      const xml = decode(files.get('word/document.xml')!)
      expect(xml.match(/<\/?(?![a-z0-9]+:|\?xml)[^\s>/]+/gi) ?? []).toEqual([])
      const runs = xml.match(/<w:t(?:\s[^>]*)?>/g)?.length ?? 0
      const texts = [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]!)
      expect(texts).toHaveLength(runs)
      const shown = texts
        .join('\n')
        .replace(
          /&(lt|gt|quot|apos|amp);/g,
          (_, e: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[e]!,
        )
      for (const attack of ATTACKS.filter((a) => !a.includes('\n') && !XML_FORBIDDEN.test(a))) {
        expect(shown, attack).toContain(attack.trim())
      }
    })

    it('labels the kompas SVG with escaped value names', () => {
      const svg = decode([...files].find(([name]) => name.endsWith('.svg'))![1])
      const labels = [...svg.matchAll(/<text [^>]*>([^<]*)<\/text>/g)].map((m) => m[1])
      expect(svg.match(/<text\b/g)).toHaveLength(labels.length)
      expect(labels).toContain('&lt;iframe src=x&gt;')
      expect(svg).not.toMatch(/<(?:script|iframe|img)\b/)
    })
  })
})
