import { describe, expect, it } from 'vitest'
import { METHOD_PHASES } from '../src/phases/phases.ts'
import { CHECK_SCOPES } from '../src/pvw/checkScopes.ts'
import { KWALITEITSTOETS_CHECKS } from '../src/pvw/kwaliteitstoetsChecks.ts'
import { pvwOf } from './support/loadFixture.ts'
import { type SpineBoardOptions, spineBoard, V } from './support/spineBoard.ts'

const codes = (o: SpineBoardOptions) => pvwOf(spineBoard(o)).kwaliteitstoets.map((f) => f.code)
const findings = (o: SpineBoardOptions, code: string) =>
  pvwOf(spineBoard(o)).kwaliteitstoets.filter((f) => f.code === code)

// A Quickscan as a kernteam makes it on its own: no residents, no tensions, no figures yet.
const internal: SpineBoardOptions = { bewoners: false, tension: false, evidence: false, ggd: false }
const SPINE_CODES = Object.entries(CHECK_SCOPES)
  .filter(([, s]) => s.metFase)
  .map(([code]) => code)

describe('the kwaliteitstoets knows the phase', () => {
  it('[PH7] every check has the phases it applies in and its place in the handreiking', () => {
    expect(Object.keys(CHECK_SCOPES).sort()).toEqual(Object.keys(KWALITEITSTOETS_CHECKS).sort())
    for (const scope of Object.values(CHECK_SCOPES)) {
      expect(scope.bron).toMatch(/^(H[2-4] |Bijlage A)/)
      expect(scope.phases.length).toBeGreaterThan(0)
      // A check that applies in a phase applies in every later one: the bar only rises.
      const first = METHOD_PHASES.indexOf(scope.phases[0]!)
      expect(scope.phases).toEqual(METHOD_PHASES.slice(first))
    }
  })

  it('[PH8] Quickscan: light and internal — no residents or tensions asked for yet, health at the table is', () => {
    const quickscan = codes({ ...internal, fase: 'quickscan' })
    for (const code of [
      'PVW-D-NO-RESIDENTS',
      'PVW-B-NO-TENSIONS',
      'PVW-B-NO-EVIDENCE',
      'PVW-C-NO-LEEFWERELD',
    ])
      expect(quickscan).not.toContain(code)
    expect(quickscan).not.toContain('PVW-A-NO-NIET-DOEN')
    expect(quickscan).toContain('PVW-D-NO-GGD')
    expect(quickscan).toContain('PVW-E-GRONDBELEID-OPBRENGST')
    // Without a known phase the toets is as it was before the spine: residents asked for, no spine checks.
    const unknown = codes(internal)
    expect(unknown).toContain('PVW-D-NO-RESIDENTS')
    expect(unknown).toContain('PVW-B-NO-TENSIONS')
    expect(unknown.filter((c) => SPINE_CODES.includes(c))).toEqual([])
  })

  it('[PH9] Kansenanalyse: tensions, residents and the polaroid per prioritaire value are asked for', () => {
    const kansen = pvwOf(spineBoard({ ...internal, fase: 'kansenanalyse' }))
    const list = kansen.kwaliteitstoets.map((f) => f.code)
    for (const code of ['PVW-D-NO-RESIDENTS', 'PVW-B-NO-TENSIONS', 'PVW-D-NO-GGD'])
      expect(list).toContain(code)
    const evidence = kansen.kwaliteitstoets.filter((f) => f.code === 'PVW-B-NO-EVIDENCE')
    expect(evidence.map((f) => f.cardIds)).toEqual([[V.groen], [V.cohesie]])
    expect(evidence[0]!.message.nl).toBe(
      'Prioritaire waarde zonder feiten: maak een polaroid met cijfers, bron en datum. (Vergroenen)',
    )
    // What a programme needs is not asked yet.
    expect(list).not.toContain('PVW-B-AMBITION-NO-INDICATOR')
    expect(list).not.toContain('PVW-F-INDICATOR-NO-NULMETING')
    // With the figures on the board only the value without them remains.
    expect(findings({ fase: 'kansenanalyse' }, 'PVW-B-NO-EVIDENCE').map((f) => f.cardIds)).toEqual([
      [V.cohesie],
    ])
  })

  it('[PH10] Programma van Waarden: complete — ambitions with indicators, indicators with nulmeting and target', () => {
    const programma = codes({ fase: 'programma' })
    expect(programma).toContain('PVW-B-AMBITION-NO-INDICATOR')
    expect(programma).toContain('PVW-F-INDICATOR-NO-NULMETING')
    expect(programma).toContain('PVW-F-JURIDISCH-OPEN')
    expect(programma).not.toContain('PVW-F-MEASUREMENT-OVERDUE')
  })

  it('[PH11] vastgesteld and doorwerking: a kernindicator measured later than its meetmoment is overdue', () => {
    for (const fase of ['vastgesteld', 'doorwerking']) {
      const late = findings({ fase, datum: '2033-01-15' }, 'PVW-F-MEASUREMENT-OVERDUE')
      expect(late.map((f) => [f.cardIds, f.message.nl])).toEqual([
        [
          ['shape:i-groen'],
          'Meting van een kernindicator is over tijd. (Boomkroonbedekking, verwacht 2032-03-01)',
        ],
      ])
      expect(findings({ fase, datum: '2031-06-01' }, 'PVW-F-MEASUREMENT-OVERDUE')).toEqual([])
    }
    expect(findings({ fase: 'programma', datum: '2033-01-15' }, 'PVW-F-MEASUREMENT-OVERDUE')).toEqual([])
  })
})

describe('the spine’s cards checked', () => {
  it('[PH10] on a programme: each spine check names the card it is about, in the phase’s words', () => {
    const pvw = pvwOf(spineBoard({ fase: 'programma', leefwereld: false }))
    const spine = pvw.kwaliteitstoets
      .filter((f) => SPINE_CODES.includes(f.code))
      .map((f) => [f.code, f.cardIds, /\([^()]*\)$/.exec(f.message.nl)?.[0] ?? ''])
    expect(spine).toEqual([
      ['PVW-B-AMBITION-NO-INDICATOR', [V.lucht], '(Schone lucht)'],
      ['PVW-B-NO-EVIDENCE', [V.cohesie], '(Sociale cohesie)'],
      ['PVW-B-EVIDENCE-NO-DATE', ['shape:e-groen'], '(Hitte-eiland)'],
      ['PVW-B-SCORE-NO-ONDERBOUWING', [V.cohesie], '(Sociale cohesie)'],
      ['PVW-B-SCORE-NO-ONDERBOUWING', [V.lucht], '(Schone lucht)'],
      ['PVW-B-KOPPELKANS-ONE-VALUE', ['shape:k-los'], '(Losse kans)'],
      ['PVW-C-NO-LEEFWERELD', ['shape:frame-c'], ''],
      ['PVW-E-GRONDBELEID-OPBRENGST', ['shape:s-toets'], ''],
      ['PVW-E-BIJDRAGE-NO-ROUTE', ['shape:f-open'], '(Nog te bepalen)'],
      ['PVW-F-INDICATOR-NO-NULMETING', ['shape:i-leeg'], '(Hittestress)'],
      ['PVW-F-JURIDISCH-OPEN', ['shape:s-juridisch'], '(GGD-advies medische milieukunde)'],
    ])
  })
})

describe('the handreiking’s remaining tips as checks', () => {
  it('[PH12] GGD or health at the table (Quickscan, "Beleg gezondheid expliciet")', () => {
    for (const fase of METHOD_PHASES) {
      expect(codes({ fase, ggd: false })).toContain('PVW-D-NO-GGD')
      expect(codes({ fase })).not.toContain('PVW-D-NO-GGD')
    }
  })

  it('[PH12] a potential without baathouders (Kansenanalyse stap 4)', () => {
    const hit = findings({ fase: 'kansenanalyse', groenBaathouder: false }, 'PVW-D-POTENTIAL-NO-BAATHOUDER')
    // Vergroenen goes from 1.5 to 4 with nobody linked; Sociale cohesie (3 → 3) has no potential to claim.
    expect(hit.map((f) => f.cardIds)).toEqual([[V.groen]])
    expect(findings({ fase: 'kansenanalyse' }, 'PVW-D-POTENTIAL-NO-BAATHOUDER')).toEqual([])
    expect(findings({ fase: 'quickscan', groenBaathouder: false }, 'PVW-D-POTENTIAL-NO-BAATHOUDER')).toEqual(
      [],
    )
  })

  it('[PH12] the anterieure overeenkomst as the last step, not the first (Sturingskaders stap 1)', () => {
    expect(codes({ fase: 'programma' })).not.toContain('PVW-E-ANTERIEURE-FIRST')
    const inE = findings(
      { fase: 'programma', instruments: ['anterieure-overeenkomst', 'omgevingsplan'] },
      'PVW-E-ANTERIEURE-FIRST',
    )
    expect(inE.map((f) => f.cardIds)).toEqual([['shape:frame-e']])
    const inParcours = findings({ fase: 'kansenanalyse', parcours: 'anterieure' }, 'PVW-E-ANTERIEURE-FIRST')
    expect(inParcours.map((f) => f.cardIds)).toEqual([['shape:s-parcours']])
  })

  it('[PH12] an ambition without an indicator (Indicatorenraamwerk; a prioritaire value has PVW-B-NO-INDICATOR)', () => {
    const hit = findings({ fase: 'programma' }, 'PVW-B-AMBITION-NO-INDICATOR')
    expect(hit.map((f) => [f.cardIds, f.severity])).toEqual([[[V.lucht], 'warning']])
    expect(hit[0]!.message.nl).toMatch(/^Ambitie zonder indicator: .*\(Schone lucht\)$/)
  })
})
