import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { boardSnapshotSchema } from '../src/board/boardSnapshotSchema.ts'
import { readBoard } from '../src/board/readBoard.ts'
import { pvwToBlocks } from '../src/export/pvwToBlocks.ts'
import { pvwToDocx } from '../src/export/toDocx.ts'
import { pvwToHtml } from '../src/export/toHtml.ts'
import { pvwToMarkdown } from '../src/export/toMarkdown.ts'
import type { ProgrammaVanWaarden } from '../src/pvw/programmaVanWaardenSchema.ts'
import { PVW_FRAME_DEFAULT_PROPS } from '../src/shapes/pvwFrameShape.ts'
import { baathouder, columnSlot, value } from './fixtures/build/layout.ts'
import { createBoardBuilder } from './support/boardBuilder.ts'
import { loadFixture, pvwOf } from './support/loadFixture.ts'
import { poisonSnapshot } from './support/poisonBoard.ts'
import { unzip } from './support/unzip.ts'

// Issue #19, "Wrong or missing today", points 1–5: each test here failed on the code before the fix.

const W = 1400
const BAND = (W / 2) * 0.2

/** Top-left of a card of size w×h whose centre lies at distance d and angle a (degrees) from the diagram centre. */
function atDistance(d: number, angleDeg: number, w = 240, h = 160) {
  const a = (angleDeg * Math.PI) / 180
  return { x: W / 2 + d * Math.cos(a) - w / 2, y: W / 2 + d * Math.sin(a) - h / 2 }
}

/**
 * A small workshop as a new user made it: two values (one sturend, one meekoppelen) and three baathouders in the
 * schillendiagram, none linked to a value (as the Overzicht adds them), one of them lying across the line between
 * schil 1 and schil 2.
 */
function workshopBoard(options: { scores?: boolean; ambitieNote?: boolean } = {}) {
  const b = createBoardBuilder('board:werkplaats', 'Werkplaats')
  const prio = b.prioritering({ id: 'prio', x: 0, y: 0, props: { w: 1600, h: 900, title: '' } })
  const score = options.scores ? { scoreCurrent: 2, scorePotential: 4 } : {}
  b.valueCard({
    id: 'v-groen',
    ...columnSlot(0, 0),
    parentId: prio,
    props: value({
      valueKey: 'vergroenen',
      fysiek: 'Te weinig bomen langs de Stationsweg',
      sociaal: 'Niemand verblijft op het plein',
      ...score,
    }),
  })
  b.valueCard({
    id: 'v-cohesie',
    ...columnSlot(1, 0),
    parentId: prio,
    props: value({ valueKey: 'sociale-cohesie', ...score }),
  })
  const schillen = b.schillen({ id: 'schillen', x: 0, y: 1200, props: { w: W, areaName: 'Stationsgebied' } })
  b.baathouder({
    id: 'b-gemeente',
    ...atDistance(BAND * 1.5, 0),
    parentId: schillen,
    props: baathouder({ name: 'Gemeente', trigger: 'Een besluit van het college over de grondexploitatie' }),
  })
  // Centre just inside schil 2, the card itself across the circle between schil 1 and 2.
  b.baathouder({
    id: 'b-ggd',
    ...atDistance(BAND * 2 + 10, 90),
    parentId: schillen,
    props: baathouder({ name: 'GGD', baten: 'Minder hittestress bij ouderen' }),
  })
  b.baathouder({
    id: 'b-bewoners',
    ...atDistance(BAND * 3.5, 200),
    parentId: schillen,
    props: baathouder({ name: 'Bewoners Stationsbuurt' }),
  })
  if (options.ambitieNote) {
    const frame = b.frame({
      id: 'frame-a',
      x: 3000,
      y: 0,
      props: { ...PVW_FRAME_DEFAULT_PROPS.A(), w: 800, h: 600 },
    })
    b.note({ id: 'note-a', x: 100, y: 100, parentId: frame, text: 'Een groen en levendig stationsgebied.' })
  }
  return b.snapshot()
}

const markdownOf = (pvw: ProgrammaVanWaarden) => pvwToMarkdown(pvw)

describe('[PV1] baathouders in the schillendiagram count, linked to a value or not', () => {
  const pvw = pvwOf(workshopBoard())
  const names = ['Gemeente', 'GGD', 'Bewoners Stationsbuurt']

  it('[PV1] lists them in part D as not yet linked, with a finding per card', () => {
    expect(pvw.D.nietGekoppeld.map((x) => [x.name, x.schil])).toEqual([
      ['Gemeente', 1],
      ['GGD', 2],
      ['Bewoners Stationsbuurt', 3],
    ])
    const findings = pvw.kwaliteitstoets.filter((f) => f.code === 'PVW-D-BAATHOUDER-NOT-LINKED')
    // In reading order, as every per-card finding.
    expect(findings.map((f) => f.cardIds)).toEqual([
      ['shape:b-bewoners'],
      ['shape:b-gemeente'],
      ['shape:b-ggd'],
    ])
    expect(findings[0]!.message.nl).toMatch(/nog niet aan een waarde gekoppeld/)
  })

  it('[PV1] counts them in the Quickscan, the waardenkompas and at the table in E', () => {
    expect(pvw.quickscan.baathouders.map((x) => x.name)).toEqual(names)
    expect(pvw.waardenkompas.nietGekoppeld.betrokkenheid).toEqual([1, 1, 1, 0])
    expect(pvw.waardenkompas.totaal.betrokkenheid).toEqual([1, 1, 1, 0])
    expect(pvw.E.aanTafel.map((x) => x.name).sort()).toEqual([...names].sort())
  })

  it('[PV1] shows the real counts in the document instead of 0 · 0 · 0 · 0 everywhere', () => {
    const md = markdownOf(pvw)
    expect(md).toContain('nog niet aan een waarde gekoppeld')
    expect(md).toMatch(/\| Alle baathouders \|[^\n]*\| 1 · 1 · 1 · 0 \|/)
    for (const name of names) expect(md.split(name).length - 1).toBeGreaterThanOrEqual(3)
  })

  it('[PV1] a card across a ring line is given the ring its centre is in, never dropped', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.double({ min: 0, max: 0.999, noNaN: true }),
        fc.double({ min: 0, max: 359, noNaN: true }),
        fc.integer({ min: 40, max: 400 }),
        fc.integer({ min: 40, max: 400 }),
        (ring, within, angle, w, h) => {
          const b = createBoardBuilder('board:ring', 'Ring')
          const schillen = b.schillen({ id: 's', x: 0, y: 0, props: { w: W, areaName: '' } })
          b.baathouder({
            id: 'b',
            ...atDistance(BAND * (ring + within), angle, w, h),
            parentId: schillen,
            props: baathouder({ name: 'X', w, h }),
          })
          const read = readBoard(b.snapshot())
          if (!read.ok) throw new Error('not a board')
          expect(read.board.baathouders[0]!.ring).toBe(ring)
        },
      ),
      { numRuns: 300 },
    )
  })

  it('[PV1] a centre exactly on the outer circle is in schil 4', () => {
    const b = createBoardBuilder('board:rand', 'Rand')
    const schillen = b.schillen({ id: 's', x: 0, y: 0, props: { w: W, areaName: '' } })
    b.baathouder({ id: 'b', ...atDistance(W / 2, 0), parentId: schillen, props: baathouder({ name: 'X' }) })
    expect(pvwOf(b.snapshot()).D.nietGekoppeld[0]!.schil).toBe(4)
  })
})

describe('[PV2] what the board captures reaches the document', () => {
  const pvw = pvwOf(workshopBoard())
  const handreiking = pvwOf(loadFixture('handreiking-voorbeeld'))

  it('[PV2] prints the trigger of a baathouder and the fysiek and sociaal aspects of a value', () => {
    const md = markdownOf(pvw)
    expect(md).toContain('Een besluit van het college over de grondexploitatie')
    expect(md).toContain('Te weinig bomen langs de Stationsweg')
    expect(md).toContain('Niemand verblijft op het plein')
  })

  it('[PV2] prints the baten of a party once in part D, not under every value', () => {
    const md = markdownOf(handreiking)
    const d = md.slice(md.indexOf('## D. '), md.indexOf('## E. '))
    const linkedTwice = handreiking.D.kernwaarden
      .flatMap((k) => k.baathoudersPerSchil.flatMap((g) => g.baathouders))
      .filter((x, i, all) => x.baten && all.findIndex((y) => y.baathouderId === x.baathouderId) !== i)
    expect(linkedTwice.length).toBeGreaterThan(0)
    for (const x of linkedTwice) expect(d.split(x.baten.split('\n')[0]!).length - 1, x.name).toBe(1)
  })
})

/** Every export as the text a reader sees. */
async function exportsOf(pvw: ProgrammaVanWaarden): Promise<Record<string, string>> {
  const files = unzip(await pvwToDocx(pvw))
  const xml = new TextDecoder().decode(files.get('word/document.xml'))
  const docx = [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('\n')
  const html = pvwToHtml(pvw)
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/<[^>]+>/g, '\n')
  return { markdown: pvwToMarkdown(pvw), html, docx }
}

describe('[PV3] no internal codes or engine words in the document for the college', () => {
  const boards = {
    handreiking: pvwOf(loadFixture('handreiking-voorbeeld')),
    inbreiding: pvwOf(loadFixture('inbreiding-spoorkwartier')),
    werkplaats: pvwOf(workshopBoard()),
  }
  for (const [name, pvw] of Object.entries(boards)) {
    it(`[PV3] ${name}: no code, no "Fout", no scenario tag, "Shareholders" only in the handreiking's title of D`, async () => {
      for (const [format, text] of Object.entries(await exportsOf(pvw))) {
        expect(text, format).not.toMatch(/\b[A-Z]+-[A-Z-]+\b/)
        expect(text, format).not.toMatch(/\bFout\b/)
        expect(text, format).not.toMatch(/\((minimaal|gemiddeld|ambitieus)\)/)
        expect(text.replaceAll('D. Shareholders en gedeeld eigenaarschap', ''), format).not.toContain(
          'Shareholder',
        )
        expect(text, format).not.toMatch(/wt-[a-z]|shape:/)
      }
    })
  }

  it('[PV3] the kwaliteitstoets is an annex only when asked for, in plain Dutch', () => {
    const pvw = boards.inbreiding
    const headings = (blocks: ReturnType<typeof pvwToBlocks>) =>
      blocks.flatMap((b) => (b.kind === 'heading' ? [b.text] : []))
    expect(headings(pvwToBlocks(pvw)).some((t) => /kwaliteitstoets/i.test(t))).toBe(false)
    const withToets = pvwToBlocks(pvw, { kwaliteitstoets: true })
    expect(headings(withToets).some((t) => /kwaliteitstoets/i.test(t))).toBe(true)
    const md = pvwToMarkdown(pvw, { kwaliteitstoets: true })
    expect(md).toContain('## Bijlage: kwaliteitstoets')
    expect(md).not.toMatch(/\b[A-Z]+-[A-Z-]+\b|\bFout\b|wt-[a-z]|shape:/)
  })
})

describe('[PV4] the document does not contradict itself', () => {
  it('[PV4] a part-A note is the ambition: no "geen gebiedsambitie" beside it', () => {
    const pvw = pvwOf(workshopBoard({ ambitieNote: true }))
    const md = pvwToMarkdown(pvw, { kwaliteitstoets: true })
    expect(md).toContain('Een groen en levendig stationsgebied.')
    expect(md).not.toMatch(/geen gebiedsambitie/i)
  })

  it('[PV4] in the Quickscan the classes are sturend / meekoppelen, and the document says which phase', () => {
    const pvw = pvwOf(workshopBoard())
    expect(pvw.fase).toBe('quickscan')
    const md = pvwToMarkdown(pvw, { kwaliteitstoets: true })
    expect(md).toContain('### Sturende waarden')
    expect(md).toContain('### Meekoppelwaarden')
    // The annex too: its checks name the classes in the words of the phase.
    expect(md).toContain('Sturende waarde zonder richtinggevende ambitie.')
    expect(md).not.toMatch(/prioritair|secundair/i)
    expect(md).toMatch(/Fase: Quickscan/)
  })

  it('[PV4] once the waardenkompas is scored (Kansenanalyse) they are prioritair / secundair', () => {
    const pvw = pvwOf(workshopBoard({ scores: true }))
    expect(pvw.fase).toBe('kansenanalyse')
    const md = pvwToMarkdown(pvw, { kwaliteitstoets: true })
    expect(md).toContain('### Prioritaire waarden')
    expect(md).toContain('Prioritaire waarde zonder baathouder.')
    // The Quickscan one-pager in the annex keeps the Quickscan's own words: it is the record of that phase.
    expect(md.slice(0, md.indexOf('## Bijlage: Quickscan'))).not.toMatch(/sturende waarden|meekoppelwaarden/i)
    expect(md).toMatch(/Fase: Kansenanalyse/)
  })
})

describe('[PV5] the import keeps the snapshot whole', () => {
  const base = loadFixture('handreiking-voorbeeld')
  const text = fc.string({ unit: 'grapheme', maxLength: 12 })

  it('[PV5] export → import → export keeps every field, workshop details and unknown keys included', () => {
    fc.assert(
      fc.property(
        fc.array(text, { minLength: 1, maxLength: 8 }),
        fc.record({
          gemeente: text,
          procesbegeleider: text,
          datum: text,
          deelnemers: fc.array(text, { maxLength: 3 }),
          notulist: text,
        }),
        fc.dictionary(fc.constantFrom('meta', 'exportedBy', 'note'), text),
        (pool, workshop, extra) => {
          let n = 0
          const poisoned = poisonSnapshot(base, () => pool[n++ % pool.length]!) as Record<string, unknown>
          const exported = {
            ...poisoned,
            ...extra,
            board: { ...(poisoned.board as object), ...extra },
            workshop: { ...workshop, gebied: pool[0] },
          }
          const once = JSON.stringify(exported)
          const imported = boardSnapshotSchema.parse(JSON.parse(once))
          expect(JSON.parse(JSON.stringify(imported))).toEqual(JSON.parse(once))
          const again = boardSnapshotSchema.parse(JSON.parse(JSON.stringify(imported)))
          expect(pvwOf(again)).toEqual(pvwOf(exported))
          const read = readBoard(again)
          expect(read.ok && read.board.workshop).toEqual({ ...workshop, gebied: pool[0] })
          // The PvW keeps what it prints of the workshop, and no names of people.
          expect(pvwOf(again).werksessie).toEqual({
            gemeente: workshop.gemeente,
            gebied: pool[0],
            datum: workshop.datum,
          })
        },
      ),
      { numRuns: 40 },
    )
  })

  it('[PV5] a shape of an unknown type is named by its id in the invoer findings', () => {
    const b = createBoardBuilder('board:onbekend', 'Onbekend')
    b.shape('wt-kaartpin', { id: 'pin', x: 0, y: 0, props: {} })
    b.shape('mijn-eigen-vorm', { id: 'eigen', x: 0, y: 0, props: {} })
    b.shape('geo', { id: 'geo', x: 0, y: 0, props: { w: 10, h: 10 } })
    const pvw = pvwOf(b.snapshot())
    expect(pvw.invoer.filter((f) => f.code === 'BOARD-SHAPE-UNKNOWN').map((f) => f.cardIds)).toEqual([
      ['shape:pin'],
      ['shape:eigen'],
    ])
    expect(pvw.invoer[0]!.message.nl).toContain('shape:pin')
  })

  it('[PV5] an empty board gets a finding for every part A–F', () => {
    const pvw = pvwOf(loadFixture('leeg-bord'))
    const parts = new Set(pvw.kwaliteitstoets.map((f) => f.code.split('-')[1]))
    expect([...parts].sort()).toEqual(['A', 'B', 'C', 'D', 'E', 'F'])
  })
})
