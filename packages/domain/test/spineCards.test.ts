import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { readBoard } from '../src/board/readBoard.ts'
import { programmaVanWaardenSchema } from '../src/pvw/programmaVanWaardenSchema.ts'
import { migrateProps } from '../src/shapes/migrations.ts'
import { SPINE_SHAPES } from '../src/shapes/spineShapes.ts'
import { STURING_DEFAULT_PROPS, STURING_KINDS, sturingCardShape } from '../src/shapes/sturingCardShape.ts'
import { createBoardBuilder } from './support/boardBuilder.ts'
import { loadFixture, pvwOf } from './support/loadFixture.ts'
import { spineBoard, V } from './support/spineBoard.ts'

describe('the process spine’s cards on the board', () => {
  it('[PH13] every card type: defaults are valid, v0 props migrate to them, and a bad card is a finding, never a throw', () => {
    for (const def of SPINE_SHAPES) {
      expect(def.propsSchema.safeParse(def.defaultProps()).success).toBe(true)
      expect(def.version).toBe(1)
      const migrated = migrateProps(def.migrations, {}, 0, 1)
      expect(def.propsSchema.safeParse(migrated).success).toBe(true)
    }
    for (const kind of STURING_KINDS) {
      const migrated = migrateProps(sturingCardShape.migrations, { kind }, 0, 1)
      expect(migrated).toEqual(STURING_DEFAULT_PROPS[kind]())
    }
    fc.assert(
      fc.property(
        fc.constantFrom(...SPINE_SHAPES),
        fc.oneof(fc.jsonValue(), fc.dictionary(fc.string(), fc.jsonValue())),
        fc.nat(20),
        (def, junk, k) => {
          // Half the time one field of valid props is replaced by junk, so near-valid cards are tried as well.
          const base = def.defaultProps() as Record<string, unknown>
          const key = Object.keys(base)[k % Object.keys(base).length]!
          const props = k % 2 ? { ...base, [key]: junk } : junk
          const b = createBoardBuilder('board:x', 'x')
          b.shape(def.type, { id: 'card', x: 0, y: 0, props: props as Record<string, unknown> })
          const read = readBoard(b.snapshot())
          expect(read.ok).toBe(true)
          if (!read.ok) return
          const codes = read.board.issues.map((i) => i.code)
          const valid = def.propsSchema.safeParse(props).success
          expect(codes.includes('BOARD-CARD-INVALID')).toBe(!valid)
        },
      ),
      { numRuns: 400, seed: 13 },
    )
  })

  it('[PH14] part B carries the polaroid, the kompas onderbouwing and the koppelkansen, with their sources', () => {
    const { B } = pvwOf(spineBoard())
    expect(B.feiten).toEqual([
      {
        title: 'Groen en hitte',
        values: [{ valueId: V.groen, name: 'Vergroenen' }],
        figures: [
          {
            label: 'Boomkroonbedekking',
            value: 12.5,
            unit: '%',
            source: 'atlas-leefomgeving',
            sourceNote: 'Kaartlaag bomen',
            date: '2025-06',
          },
          { label: 'Hitte-eiland', value: 2, unit: '°C', source: 'gebiedscheck', sourceNote: '', date: '' },
        ],
        risks: ['Hittestress bij ouderen'],
        kansen: ['Plein vergroenen'],
        sources: ['shape:e-groen', V.groen],
      },
    ])
    expect(B.onderbouwing).toMatchObject([
      {
        valueId: V.groen,
        current: 1.5,
        potential: 4,
        currentJustification: 'Weinig bomen',
        currentSource: 'atlas-leefomgeving',
      },
    ])
    expect(B.koppelkansen.map((k) => [k.name, k.values.map((v) => v.name), k.baathouders])).toEqual([
      ['Groen ontmoetingsplein', ['Vergroenen', 'Sociale cohesie'], ['Gemeente']],
      ['Losse kans', ['Vergroenen'], []],
    ])
  })

  it('[PH15] part E carries financing with totals per route and phase, and the sturingskaders', () => {
    const { E } = pvwOf(spineBoard())
    const f = E.financiering
    expect(f.bijdragen.map((b) => [b.description, b.route, b.amount, b.baathouder])).toEqual([
      ['Inrichting openbare ruimte', 'grex', 1_250_000, null],
      ['Buurtkamer', 'cofinanciering', 25_000, 'Gemeente'],
      ['Beheer moestuin', 'cofinanciering', 500, null],
      ['Nog te bepalen', null, 1000, null],
    ])
    expect(f.totalen).toEqual([
      { route: 'grex', phase: 'realisatie', amount: 1_250_000, count: 1 },
      { route: 'cofinanciering', phase: 'realisatie', amount: 25_000, count: 1 },
      { route: 'cofinanciering', phase: 'beheer', amount: 500, count: 1 },
      { route: null, phase: null, amount: 1000, count: 1 },
    ])
    expect(f.perRoute).toEqual({ grex: 1_250_000, cofinanciering: 25_500, onbepaald: 1000 })
    expect(f.gebiedsfonds).toEqual({ amount: 25_500, groot: 1, klein: 1 })
    expect(f.wringt.map((w) => w.text)).toEqual(['Zorgbesparing landt niet in de grondexploitatie'])
    const s = E.sturing
    expect(s.beleidstoets.map((a) => [a.answer, a.zorg])).toEqual([
      ['ja', false],
      ['ja', true],
    ])
    expect(s.grondbeleid?.instruments.map((i) => i.text)).toEqual([
      'Uitgiftevoorwaarden, selectiecriteria, grondexploitatie',
      "Volledige regie via gunningscriteria (EMVI, KPI's)",
    ])
    // The parcours in the order of its moments, whatever the order on the card.
    expect(s.parcours.map((m) => [m.moment, m.instrument])).toEqual([
      ['Initiatief en verkenning', 'Intentieovereenkomst'],
      ['Grondtransactie en afsluiting', 'Anterieure overeenkomst'],
    ])
    expect(s.scenario?.scenario).toBe('ambitieus')
  })

  it('[PH16] part F derives award criteria from the kompas’s weakest and strongest values, and reports the indicators', () => {
    const { F } = pvwOf(spineBoard({ datum: '2031-06-01' }))
    expect(F.tender?.zwakste.map((v) => [v.name, v.current])).toEqual([['Vergroenen', 1.5]])
    expect(F.tender?.sterkste.map((v) => [v.name, v.current])).toEqual([['Schone lucht', 4]])
    expect(F.tender?.keuzes.map((k) => [k.keuze, k.gunningscriteria])).toEqual([
      ['zwakke-punten', ['Extra gewicht voor plannen die Vergroenen versterken (nu het zwakst, score 1.5).']],
      [
        'sterke-kwaliteiten',
        ['Inschrijvers die Schone lucht verder uitbouwen worden beloond (nu het sterkst, score 4).'],
      ],
    ])
    expect(F.juridischeBodem.map((j) => j.status)).toEqual(['geregeld', 'open'])
    expect(F.kernindicatoren.map((k) => k.name)).toEqual(['Boomkroonbedekking', 'Hittestress'])
    expect(F.monitoring[0]).toMatchObject({
      name: 'Boomkroonbedekking',
      latest: { date: '2030-03-01', value: 18 },
      previous: { date: '2028-03-01', value: 15 },
      trend: 'beter',
      targetStatus: 'op-weg',
      nextDue: '2032-03-01',
      overdue: false,
    })
  })

  it('[PH17] the programme names the phases it was built in, and a stored programme without the new fields still reads', () => {
    const pvw = pvwOf(spineBoard({ fase: 'programma', gebiedsfase: 'initiatief' }))
    expect([pvw.procesfase, pvw.gebiedsfase, pvw.fase]).toEqual(['programma', 'initiatief', 'kansenanalyse'])
    expect(pvwOf(spineBoard({ fase: 'quickscan' })).fase).toBe('quickscan')
    expect(programmaVanWaardenSchema.safeParse(pvw).success).toBe(true)
    const old = JSON.parse(JSON.stringify(pvwOf(loadFixture('handreiking-voorbeeld'))))
    for (const key of ['procesfase', 'gebiedsfase']) delete old[key]
    for (const key of ['feiten', 'onderbouwing', 'koppelkansen']) delete old.B[key]
    for (const key of ['financiering', 'sturing']) delete old.E[key]
    for (const key of ['tender', 'juridischeBodem', 'monitoring']) delete old.F[key]
    const parsed = programmaVanWaardenSchema.safeParse(old)
    expect(parsed.success).toBe(true)
    expect(parsed.data?.E.financiering.bijdragen).toEqual([])
    expect(parsed.data?.procesfase).toBeNull()
  })
})
