import fc from 'fast-check'
import { encode } from 'fast-png'
import { describe, expect, it } from 'vitest'
import { organisatiesAanTafel } from '../src/export/blocksCover.ts'
import { SAMENVATTING_MAX_WORDS } from '../src/export/blocksSamenvatting.ts'
import { parseLogo } from '../src/export/documentLogo.ts'
import { pvwToBlocks } from '../src/export/pvwToBlocks.ts'
import { pvwToDocx } from '../src/export/toDocx.ts'
import { pvwToHtml } from '../src/export/toHtml.ts'
import { pvwToMarkdown } from '../src/export/toMarkdown.ts'
import { KOMPAS_LABEL_CHARS, kompasLabelLines } from '../src/export/waardenkompasSvg.ts'
import { loadFixture, pvwOf } from './support/loadFixture.ts'
import { unzip } from './support/unzip.ts'

// Issue #19, "Short, and made to be adopted".

const handreiking = pvwOf(loadFixture('handreiking-voorbeeld'))
const leeg = pvwOf(loadFixture('leeg-bord'))
const PARTS = ['A', 'B', 'C', 'D', 'E', 'F']

/** The Markdown between `## <title>` and the next `## ` heading. */
function sectionOf(md: string, title: string): string {
  const start = md.indexOf(`\n## ${title}\n`)
  if (start < 0) throw new Error(`no section ${title}`)
  const end = md.indexOf('\n## ', start + 1)
  return md.slice(start + 1, end < 0 ? undefined : end)
}

const wordsOf = (s: string) => s.split(/\s+/).filter((w) => /\p{L}|\d/u.test(w)).length
const h2s = (md: string) => [...md.matchAll(/^## (.*)$/gm)].map((m) => m[1]!)

/** A 1×1 PNG as a data URL, made with the same encoder the DOCX export uses. */
const pngDataUrl = () =>
  `data:image/png;base64,${Buffer.from(encode({ width: 1, height: 1, data: new Uint8Array([31, 111, 139]), channels: 3 })).toString('base64')}`

describe('[PA1] a bestuurlijke samenvatting on page one', () => {
  it('[PA1] handreiking: it is the first section, at most half a page, and names what the college needs', () => {
    const md = pvwToMarkdown(handreiking)
    expect(h2s(md)[0]).toBe('Bestuurlijke samenvatting')
    const s = sectionOf(md, 'Bestuurlijke samenvatting')
    expect(wordsOf(s)).toBeLessThanOrEqual(SAMENVATTING_MAX_WORDS)
    expect(SAMENVATTING_MAX_WORDS).toBeLessThanOrEqual(250)
    expect(s).toContain('Voorbeeldwijk')
    for (const v of handreiking.B.prioritair) expect(s).toContain(v.name)
    for (const party of handreiking.D.gebiedscoalitie.slice(0, 8)) expect(s).toContain(party.name)
    expect(s).toContain('Hogere dichtheid versus groen en koelte')
    expect(s).toContain('**Gevraagd van het college:**')
    // The words of the board's phase, as in part B.
    expect(s).toContain('Prioritaire waarden en hun ambities')
  })

  it('[PA1] property: however long the names and texts on the board, the samenvatting stays within budget', () => {
    // Long on purpose: every text between half its maximum and its maximum in words, names with full stops.
    const words = (max: number) =>
      fc
        .array(fc.stringMatching(/^[a-zé]{1,12}\.?$/), {
          minLength: Math.ceil(max / 2),
          maxLength: max,
          size: 'max',
        })
        .map((w) => w.join(' '))
    const v0 = handreiking.B.prioritair[0]!
    const t0 = handreiking.B.spanningen[0]!
    const p0 = handreiking.D.gebiedscoalitie[0]!
    fc.assert(
      fc.property(
        fc.record({
          gebied: words(60),
          ambitie: words(300),
          values: fc.array(fc.tuple(words(40), words(200)), { minLength: 1, maxLength: 12, size: 'max' }),
          mee: fc.array(words(40), { maxLength: 12, size: 'max' }),
          parties: fc.array(words(30), { maxLength: 20, size: 'max' }),
          tensions: fc.array(fc.tuple(words(40), words(200)), { maxLength: 10, size: 'max' }),
        }),
        (r) => {
          const pvw = {
            ...handreiking,
            gebied: r.gebied,
            A: { ...handreiking.A, ambitie: { text: r.ambitie, sources: [] } },
            B: {
              ...handreiking.B,
              prioritair: r.values.map(([name, ambition]) => ({ ...v0, name, ambitions: [ambition] })),
              secundair: r.mee.map((name) => ({ ...v0, name })),
              spanningen: r.tensions.map(([name, weighing]) => ({ ...t0, name, weighing, decision: '' })),
            },
            D: { ...handreiking.D, gebiedscoalitie: r.parties.map((name) => ({ ...p0, name })) },
          }
          const s = sectionOf(pvwToMarkdown(pvw), 'Bestuurlijke samenvatting')
          expect(wordsOf(s)).toBeLessThanOrEqual(SAMENVATTING_MAX_WORDS)
        },
      ),
      { numRuns: 100, seed: 20261207 },
    )
    // A hundred full documents rendered: seconds on a machine shared with the other projects' tests.
  }, 30_000)

  it('[PA1] an empty board: the samenvatting says in one line what is still to be done', () => {
    const s = sectionOf(pvwToMarkdown(leeg), 'Bestuurlijke samenvatting').trim().split('\n').filter(Boolean)
    expect(s).toEqual(['## Bestuurlijke samenvatting', expect.stringMatching(/^Nog te doen: /)])
  })

  it('[PA1] a part still empty is named in what is asked of the college', () => {
    const partly = { ...handreiking, F: { ...leeg.F } }
    const s = sectionOf(pvwToMarkdown(partly), 'Bestuurlijke samenvatting')
    expect(s).toMatch(/kennis te nemen van dit concept.*Nog te doen: onderdeel F\./)
  })
})

describe('[PA2] kort en krachtig: parts A–F, then the annexes', () => {
  it('[PA2] order: cover, samenvatting, A–F, waardenkompas, baathouders, Quickscan, kwaliteitstoets on request', () => {
    const md = pvwToMarkdown(handreiking, { kwaliteitstoets: true })
    expect(h2s(md).map((t) => t.split(/[.:]/)[0])).toEqual([
      'Bestuurlijke samenvatting',
      ...PARTS,
      'Bijlage',
      'Bijlage',
      'Bijlage',
      'Bijlage',
    ])
    expect(h2s(md).slice(7)).toEqual([
      'Bijlage: waardenkompas',
      'Bijlage: baathouders',
      'Bijlage: Quickscan, waardegedreven potentieel op één pagina',
      'Bijlage: kwaliteitstoets',
    ])
  })

  it('[PA2] the baathouders annex lists every baathouder on the board once, with organisation and schil', () => {
    const annex = sectionOf(pvwToMarkdown(handreiking), 'Bijlage: baathouders')
    const rows = annex.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| Baathouder'))
    expect(rows.length - 1).toBe(handreiking.quickscan.baathouders.length) // minus the delimiter row
    for (const b of handreiking.quickscan.baathouders) expect(annex).toContain(b.name)
  })

  // An empty board was 93 lines, most of them "Nog niet ingevuld". Now: the cover's four paragraphs (title,
  // project, status, fase: 8 lines with their blank lines), the samenvatting, parts A–F and the waardenkompas and
  // baathouders annexes as a heading and one line each (9 × 4 lines), and the Quickscan annex's two lines (6):
  // 50 lines. The bound is that count, so a subsection creeping back into an empty part fails the test.
  it('[PA2] an empty board: at most 50 lines, one line "Nog te doen" per part, no "Nog niet ingevuld"', () => {
    const md = pvwToMarkdown(leeg)
    expect(md.trimEnd().split('\n').length).toBeLessThanOrEqual(50)
    expect(md).not.toContain('Nog niet ingevuld')
    expect(md).not.toMatch(/^### /m)
    for (const part of PARTS) {
      const title = h2s(md).find((t) => t.startsWith(`${part}. `))!
      const lines = sectionOf(md, title).trim().split('\n').filter(Boolean)
      expect(lines, part).toEqual([`## ${title}`, expect.stringMatching(/^Nog te doen: .{20,}/)])
    }
  })

  it('[PA2] a part with content keeps its subsections and their short "not yet" lines', () => {
    const b = sectionOf(pvwToMarkdown(handreiking), 'B. Waarden en ambities')
    expect(b).toContain('### Prioritaire waarden')
    expect(b).not.toContain('Nog te doen:')
  })
})

describe('[PA3] a cover', () => {
  const withPeople = (() => {
    const snapshot = loadFixture('handreiking-voorbeeld') as { workshop: Record<string, unknown> }
    snapshot.workshop = {
      ...snapshot.workshop,
      procesbegeleider: 'Karin Bosschaert',
      deelnemers: ['Anna de Vries', 'Pieter Jansma'],
      datum: '2026-06-12',
    }
    return pvwOf(snapshot)
  })()

  it('[PA3] project, gemeente, date, version and status; concept unless given', () => {
    const md = pvwToMarkdown(handreiking, { datum: '2026-12-07', versie: '0.3' })
    const cover = md.slice(0, md.indexOf('\n## '))
    expect(cover).toContain('# Programma van Waarden: Voorbeeldwijk')
    expect(cover).toContain('**Project:** Voorbeeld uit de handreiking')
    expect(cover).toContain('**Gemeente:** Voorbeeldgemeente')
    expect(cover).toContain('**Datum:** 2026-12-07')
    expect(cover).toContain('**Versie:** 0.3')
    expect(cover).toContain('**Status:** concept')
    expect(pvwToMarkdown(handreiking, { status: 'ter vaststelling' })).toContain(
      '**Status:** ter vaststelling',
    )
    // Without a date from the caller the workshop's date is the document's.
    expect(pvwToMarkdown(withPeople)).toContain('**Datum:** 2026-06-12')
  })

  it('[PA3] the organisations at the table, and no names of people in any format', async () => {
    const orgs = organisatiesAanTafel(handreiking)
    expect(orgs).toEqual(expect.arrayContaining(['GGD', 'Waterschap', 'Zorgverzekeraar']))
    expect(new Set(orgs).size).toBe(orgs.length)
    const md = pvwToMarkdown(withPeople)
    expect(md).toContain(`**Partijen aan tafel:** ${orgs.join(', ')}`)
    const xml = new TextDecoder().decode(unzip(await pvwToDocx(withPeople)).get('word/document.xml'))
    for (const text of [md, pvwToHtml(withPeople), xml])
      for (const name of ['Karin Bosschaert', 'Anna de Vries', 'Pieter Jansma'])
        expect(text).not.toContain(name)
  })

  it('[PA3] a PNG or JPEG data URL is a logo; anything else is ignored', async () => {
    const png = pngDataUrl()
    expect(parseLogo(png)?.type).toBe('png')
    expect(parseLogo('data:image/jpeg;base64,/9j/4AAQSkZJRgABAQ==')?.type).toBe('jpg')
    for (const bad of [
      'data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=',
      png.replace('image/png', 'image/jpeg'), // bytes that are not what the type says
      'data:image/png;base64,iVBORw0KGgo="><script>',
      'https://example.org/logo.png',
      '',
    ])
      expect(parseLogo(bad), bad).toBeNull()
    expect(pvwToHtml(handreiking, { logo: png })).toContain(`<img class="logo" src="${png}" alt="Logo">`)
    expect(pvwToHtml(handreiking, { logo: 'data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=' })).not.toContain(
      'logo"',
    )
    const files = unzip(await pvwToDocx(handreiking, { logo: png }))
    expect([...files.keys()].filter((k) => k.startsWith('word/media/')).length).toBe(3) // kompas svg + png, logo
    // Markdown has no images: the logo never reaches it.
    expect(pvwToMarkdown(handreiking, { logo: png })).toBe(pvwToMarkdown(handreiking))
  })
})

describe('[PA4] drawn, not only numbers', () => {
  it('[PA4] HTML: the waardenkompas and a bar figure per schil for every value', () => {
    const html = pvwToHtml(handreiking)
    expect(html).toContain('aria-label="Waardenkompas')
    const bars = [...html.matchAll(/<svg [^>]*class="schillen"[^>]*aria-label="([^"]*)"/g)].map((m) => m[1])
    const v = handreiking.waardenkompas.values[0]!
    expect(bars).toContain(
      `Baathouders per schil: ${v.betrokkenheid.map((n, i) => `schil ${i + 1}: ${n}`).join(', ')}`,
    )
    expect(bars.length).toBeGreaterThanOrEqual(handreiking.waardenkompas.values.length + 1)
  })

  it('[PA4] DOCX: the kompas image and filled squares in the colour of each schil', async () => {
    const xml = new TextDecoder().decode(unzip(await pvwToDocx(handreiking)).get('word/document.xml'))
    expect(xml).toContain('Waardenkompas')
    const squares = [...xml.matchAll(/<w:color w:val="([0-9a-fA-F]{6})"\/>[\s\S]*?<w:t[^>]*>(■+) ?<\/w:t>/g)]
    expect(squares.length).toBeGreaterThan(handreiking.waardenkompas.values.length)
  })

  it('[PA4] kompas labels are broken into short lines, so a long value name stays inside the figure', () => {
    expect(kompasLabelLines('Gezonde leefomgeving (klimaat, lucht, geluid, groen)')).toEqual([
      'Gezonde',
      'leefomgeving',
      '(klimaat, lucht,',
      'geluid, groen)',
    ])
    expect(kompasLabelLines('Geluid')).toEqual(['Geluid'])
    const svg = pvwToHtml(handreiking)
    for (const [, line] of svg.matchAll(/<text [^>]*>([^<]*)<\/text>/g))
      if (line!.includes(' ')) expect(line!.length, line).toBeLessThanOrEqual(KOMPAS_LABEL_CHARS)
  })

  it('[PA4] the blocks mark which column counts per schil, the numbers stay for Markdown', () => {
    const table = pvwToBlocks(handreiking).find((b) => b.kind === 'table' && b.perSchilColumn !== undefined)
    expect(table?.kind === 'table' && table.rows.every((r) => r.perSchil?.length === 4)).toBe(true)
    expect(pvwToMarkdown(handreiking)).toMatch(/\| \d+ · \d+ · \d+ · \d+ \|/)
  })
})
