import { describe, expect, it } from 'vitest'
import { pvwToDocx } from '../src/export/toDocx.ts'
import { pvwToHtml } from '../src/export/toHtml.ts'
import { pvwToJson } from '../src/export/toJson.ts'
import { pvwToMarkdown } from '../src/export/toMarkdown.ts'
import { programmaVanWaardenSchema } from '../src/pvw/programmaVanWaardenSchema.ts'
import { loadFixture, pvwOf } from './support/loadFixture.ts'
import { unzip } from './support/unzip.ts'

const pvw = pvwOf(loadFixture('handreiking-voorbeeld'))
const PART_HEADINGS = [
  'A. Gebiedsambitie',
  'B. Waarden en ambities',
  'C. Leefwereld en echte betrokkenheid',
  'D. Shareholders en gedeeld eigenaarschap',
  'E. Principes voor samenwerken, sturen en rekenen',
  'F. Borging en doorwerking',
]

describe('DOCX export, read back', async () => {
  const files = unzip(await pvwToDocx(pvw))
  const xml = new TextDecoder().decode(files.get('word/document.xml'))
  const paragraphs = [...xml.matchAll(/<w:p\b[\s\S]*?<\/w:p>/g)].map((m) => m[0])
  const textOf = (p: string) => [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')

  it('has a Heading 1 per part A–F, in order', () => {
    const headings = paragraphs.filter((p) => p.includes('<w:pStyle w:val="Heading1"/>')).map(textOf)
    // The bestuurlijke samenvatting comes first, the waardenkompas is an annex (issue #19).
    expect(headings.slice(0, 7)).toEqual(['Bestuurlijke samenvatting', ...PART_HEADINGS])
    expect(headings).toContain('Bijlage: waardenkompas')
  })

  it('has tables for D and the tensions with the right content', () => {
    const tables = [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => m[0])
    const texts = tables.map((t) =>
      [...t.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('|'),
    )
    const tensions = texts.find((t) => t.startsWith('Spanning|Tussen'))!
    expect(tensions).toContain('Hogere dichtheid versus groen en koelte')
    expect(tensions).toContain('Economische dynamiek versus rust voor bewoners')
    const d = texts.filter((t) => t.startsWith('Schil|Baathouder'))
    expect(d).toHaveLength(2)
    expect(d[0]).toContain('Schil 4: Indirecte financieel-maatschappelijke baathouders|Zorgverzekeraar')
  })

  it('embeds the waardenkompas as SVG with a PNG fallback', () => {
    const media = [...files.keys()].filter((k) => k.startsWith('word/media/'))
    expect(media.some((k) => k.endsWith('.svg'))).toBe(true)
    const png = files.get(media.find((k) => k.endsWith('.png'))!)!
    expect([...png.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47])
    expect(new TextDecoder().decode(files.get(media.find((k) => k.endsWith('.svg'))!))).toContain(
      'Sociale samenhang en menging',
    )
  })
})

describe('Markdown, HTML and JSON exports', () => {
  it('Markdown has the six parts and GFM tables for D and tensions', () => {
    const md = pvwToMarkdown(pvw)
    for (const heading of PART_HEADINGS) expect(md).toContain(`\n## ${heading}\n`)
    expect(md).toContain('| Spanning | Tussen | Gebiedsdeel | Status | Weging | Besluit |')
    // Baten and trigger once per party, not repeated under every value (issue #19, point 2).
    expect(md).toContain('| Schil | Baathouder | Betrokkenheid |\n')
    expect(md).toContain(
      '| Baathouder | Schil | Waarden | Verwachte baten | Trigger om shareholder te worden |',
    )
  })

  it('HTML is standalone, print-ready, has the inline SVG kompas and traceable lines', () => {
    const html = pvwToHtml(pvw)
    expect(html).toMatch(/^<!doctype html>/)
    expect(html).toContain('@media print')
    expect(html).not.toMatch(/<link |<script|src="http/)
    expect(html).toMatch(/<figure><svg [^>]*role="img"/)
    expect(html).toContain('data-sources="shape:v-gezonde-leefomgeving"')
  })

  it('escapes user text in HTML', () => {
    const hostile = { ...pvw, gebied: '<script>alert(1)</script>' }
    expect(pvwToHtml(hostile)).not.toContain('<script>alert(1)')
  })

  it('JSON is schema-versioned and round-trips through the schema', () => {
    const parsed = programmaVanWaardenSchema.parse(JSON.parse(pvwToJson(pvw)))
    expect(parsed.format).toBe('waardentafel.pvw')
    expect(parsed.version).toBe(1)
    expect(parsed).toEqual(pvw)
  })
})
