import { describe, expect, it } from 'vitest'
import { programmaVanWaardenSchema } from '../src/pvw/programmaVanWaardenSchema.ts'
import { loadFixture, pvwOf } from './support/loadFixture.ts'

// Golden case: the handreiking's example Programma van Waarden (chapter 4), rebuilt as a board. Every element of
// the example's parts A–F must come out of the board again.

const pvw = pvwOf(loadFixture('handreiking-voorbeeld'))
const names = (xs: { name: string }[]) => xs.map((x) => x.name)

describe('handreiking example, part A', () => {
  it('carries the ambition, horizon, dominant tasks, for whom and what not', () => {
    expect(pvw.A.ambitie?.text).toMatch(/komende dertig jaar herontwikkeld tot een gemengde wijk/)
    expect(pvw.A.ambitie?.text).toMatch(
      /zorg, onderwijs en dagelijkse voorzieningen op loop- en fietsafstand/,
    )
    expect(pvw.A.horizonJaren).toBe(30)
    expect(pvw.A.dominanteOpgaven.map((l) => l.text)).toEqual([
      'Het terugdringen van hittestress',
      'Het versterken van de groen-blauwe structuur',
    ])
    expect(pvw.A.voorWie?.text).toMatch(/starters, gezinnen met jonge kinderen en mensen met een afstand/i)
    expect(pvw.A.nietDoen?.text).toBe(
      'Een grootschalige werkfunctie of regionale sportvoorziening leggen we hier niet neer.',
    )
    const notes = pvw.A.aanvullingen.map((l) => l.text).join('\n')
    expect(notes).toMatch(/spanning oplevert met de woningbouwopgave/)
    expect(notes).toMatch(/koele plekken op zomerdagen, ontmoetingen tussen generaties/)
  })
})

describe('handreiking example, part B', () => {
  it('has the two prioritaire and two secundaire values', () => {
    expect(names(pvw.B.prioritair)).toEqual([
      'Gezonde leefomgeving (klimaat, lucht, geluid, groen)',
      'Sociale samenhang en menging',
    ])
    expect(names(pvw.B.secundair)).toEqual(['Lokale economische vitaliteit', 'Identiteit van de plek'])
    expect(pvw.B.ongeplaatst).toEqual([])
  })

  it('acknowledges the three tensions, each weighed per gebiedsdeel', () => {
    expect(pvw.B.spanningen.map((t) => t.poles.map((p) => p.label))).toEqual([
      ['Hogere dichtheid', 'Groen en koelte'],
      ['Betaalbaarheid', 'Financiële haalbaarheid'],
      ['Economische dynamiek', 'Rust voor bewoners'],
    ])
    for (const t of pvw.B.spanningen) {
      expect(t.status).toBe('gewogen')
      expect(t.weighing).toMatch(/per gebiedsdeel expliciet/)
      expect(t.values).toHaveLength(2)
    }
  })

  it('lists the five ambitions under the prioritaire values, traceable to their cards', () => {
    expect(pvw.B.ambities.map((a) => a.text)).toEqual([
      expect.stringMatching(/gevoelstemperatuur .* tweehonderd meter van een koele plek/),
      expect.stringMatching(/veertig procent van het oppervlak is groen of waterdoorlatend/),
      expect.stringMatching(/gemengd op blokniveau/),
      expect.stringMatching(/Elke straat heeft minstens één plek/),
      expect.stringMatching(/Kinderen tot twaalf jaar/),
    ])
    expect(pvw.B.ambities[0]!.sources).toEqual(['shape:v-gezonde-leefomgeving'])
  })
})

describe('handreiking example, part C', () => {
  it('has what was collected, the agreed levels, feedback and future generations', () => {
    const opgehaald = pvw.C.opgehaald.map((l) => l.text).join('\n')
    for (const finding of [
      'De Klimop',
      'Veilige looproutes voor kinderen',
      'plinten van nieuwbouw',
      'Hoofdstraat',
      'verdringing',
    ]) {
      expect(opgehaald).toContain(finding)
    }
    expect(pvw.C.betrokkenheid.map((b) => [b.level, b.context])).toEqual([
      ['samen-verkennen', 'Scenariofase'],
      ['co-creeren', 'Inrichting van de openbare ruimte'],
      ['co-creeren', 'Programmering van het ontmoetingscentrum, vanaf het begin'],
    ])
    expect(pvw.C.betrokkenheid[0]!.group).toMatch(
      /twaalf bewoners, drie ondernemers en vier sociaal-domeinprofessionals/,
    )
    expect(pvw.C.terugkoppeling?.text).toMatch(/ook waar inbreng niet is overgenomen, met onderbouwing/)
    expect(pvw.C.toekomstigeGeneraties?.text).toMatch(/leerlingenpanel van het naburige Pius X College/)
    expect(pvw.C.aanvullingen[0]!.text).toMatch(/onderdeel C zelf opstellen/)
  })
})

describe('handreiking example, part D', () => {
  const [gl, ssm] = pvw.D.kernwaarden
  const all = (k: typeof gl) => k!.baathoudersPerSchil.flatMap((g) => g.baathouders)

  it('gives the baathouders and shareholders of gezonde leefomgeving, by schil', () => {
    expect(gl!.name).toMatch(/^Gezonde leefomgeving/)
    expect(names(all(gl)).sort()).toEqual(
      [
        'Bewoners en omwonenden',
        'Corporaties',
        'GGD',
        'Gemeente',
        'Ontwikkelaar',
        'Toekomstige generaties',
        'Waterschap',
        'Zorgverzekeraar',
      ].sort(),
    )
    expect(names(gl!.shareholders).sort()).toEqual([
      'Corporaties',
      'Gemeente',
      'Ontwikkelaar',
      'Waterschap',
      'Zorgverzekeraar',
    ])
    const schilOf = (name: string) => all(gl).find((b) => b.name === name)?.schil
    expect([
      schilOf('Gemeente'),
      schilOf('Waterschap'),
      schilOf('Bewoners en omwonenden'),
      schilOf('Zorgverzekeraar'),
    ]).toEqual([1, 2, 3, 4])
    const zv = gl!.shareholders.find((s) => s.name === 'Zorgverzekeraar')!
    expect(zv.contributions[0]!.description).toMatch(/gebiedsfonds/)
    expect(all(gl).find((b) => b.name === 'Toekomstige generaties')!.baten).toBe(
      'Een bewoonbare stad in 2075',
    )
  })

  it('gives the baathouders and shareholders of sociale samenhang en menging', () => {
    expect(names(all(ssm)).sort()).toEqual(
      [
        'Bewoners en omwonenden',
        'Bewonersvertegenwoordiging',
        'Corporaties',
        'Lokale ondernemers',
        'Mensen met een afstand tot de arbeidsmarkt',
        'Scholen',
        'Sociaal domein (gemeente)',
        'Welzijnsorganisaties',
      ].sort(),
    )
    expect(names(ssm!.shareholders)).toEqual(
      expect.arrayContaining(['Corporaties', 'Welzijnsorganisaties', 'Scholen']),
    )
  })

  it('puts rentmeesterschap with gemeente, corporaties, bewonersvertegenwoordiging and sociaal domein', () => {
    expect(names(pvw.D.rentmeesters)).toEqual([
      'Bewonersvertegenwoordiging',
      'Corporaties',
      'Gemeente',
      'Sociaal domein (gemeente)',
    ])
    expect(pvw.D.rentmeesterschap?.text).toMatch(/na sleuteloverdracht ligt bij een gebiedscoalitie/)
  })
})

describe('handreiking example, part E', () => {
  it('has samenwerken, the decision test, instruments in order and rekenen over thirty years', () => {
    expect(pvw.E.samenwerken?.text).toMatch(/afgevaardigde van de zorgverzekeraar/)
    expect(pvw.E.besluitToets?.text).toMatch(/geen impliciete uitruil/)
    expect(pvw.E.sturen.map((s) => s.instrument)).toEqual([
      'intentieovereenkomst',
      'samenwerkingsovereenkomst',
      'anterieure-overeenkomst',
      'tender',
    ])
    expect(pvw.E.sturen[3]!.intent).toMatch(/kwalitatief gunningscriterium/)
    expect(pvw.E.rekenen.horizonJaren).toBe(30)
    expect(pvw.E.rekenen.baten?.text).toMatch(/zorg, klimaatadaptatie en sociale samenhang/)
    expect(pvw.E.rekenen.cofinanciering?.text).toMatch(
      /zorgverzekeraar verkent een bijdrage aan een gebiedsfonds/,
    )
    expect(pvw.E.rekenen.toelichting?.text).toMatch(/niet als sluitpost/)
    expect(names(pvw.E.rekenen.geldbijdragen)).toEqual(['Gemeente', 'Waterschap', 'Zorgverzekeraar'])
  })
})

describe('handreiking example, part F', () => {
  it('has knock-out and award criteria, core indicators, signatories and independence from trekkers', () => {
    expect(pvw.F.knockOutCriteria.map((l) => l.text)).toEqual([
      'Groen: 40% van het oppervlak',
      'Hittestress: gevoelstemperatuur lager dan referentiejaar',
      'Sociale menging op blokniveau',
    ])
    expect(pvw.F.gunningscriteria[0]!.text).toMatch(/waarden uit B en E/)
    expect(pvw.F.doorwerking?.text).toMatch(/landen in de samenwerkingsovereenkomst/)
    expect(pvw.F.kernindicatoren.map((k) => k.name)).toEqual([
      'Hittestress',
      'Oppervlakte groen-blauw',
      'Woningmix',
      'Leefbaarheidsscore',
      'Kinderen die zelfstandig naar school lopen',
    ])
    expect(new Set(pvw.F.kernindicatoren.map((k) => `${k.frequency} → ${k.reportTo}`))).toEqual(
      new Set(['tweejaarlijks → college, gebiedscoalitie en bewonersraad']),
    )
    expect(names(pvw.F.ondertekenaars).sort()).toEqual(
      [
        'Bewonersvertegenwoordiging',
        'Corporaties',
        'GGD',
        'Gemeente',
        'Ontwikkelaar',
        'Sociaal domein (gemeente)',
        'Waterschap',
        'Zorgverzekeraar',
      ].sort(),
    )
    expect(pvw.F.ondertekenaars.filter((o) => o.zelfstandig).map((o) => o.name)).toEqual([
      'Bewonersvertegenwoordiging',
      'Sociaal domein (gemeente)',
    ])
    expect(pvw.F.borging?.text).toMatch(
      /Bij wisseling van wethouder, projectleider of ontwikkelaar blijft het Programma van Waarden leidend/,
    )
  })
})

describe('handreiking example, derived views and toets', () => {
  it('is valid against the published schema and every line has a source', () => {
    expect(programmaVanWaardenSchema.safeParse(pvw).success).toBe(true)
    const sourceless: string[] = []
    JSON.stringify(pvw, (key, value) => {
      if (
        value &&
        typeof value === 'object' &&
        'text' in value &&
        'sources' in value &&
        value.sources.length === 0
      ) {
        sourceless.push(String(key))
      }
      return value
    })
    expect(sourceless).toEqual([])
  })

  it('passes the kwaliteitstoets apart from the example’s own three ambitions and policy gap', () => {
    expect(pvw.invoer).toEqual([])
    expect(pvw.kwaliteitstoets.map((f) => f.code)).toEqual(['PVW-B-TOO-MANY-AMBITIONS', 'PVW-B-POLICY-GAP'])
  })

  it('fills the waardenkompas and the Quickscan one-pager', () => {
    const gl = pvw.waardenkompas.values[0]!
    expect([gl.current, gl.potential, gl.betrokkenheid, gl.shareholders]).toEqual([2, 4.5, [3, 2, 1, 2], 5])
    expect(pvw.quickscan.sturend).toHaveLength(2)
    expect(pvw.quickscan.meekoppelen).toEqual(['Lokale economische vitaliteit', 'Identiteit van de plek'])
    expect(pvw.quickscan.baathouders.map((b) => b.schil)).toEqual(
      [...pvw.quickscan.baathouders.map((b) => b.schil)].sort(),
    )
    expect(pvw.quickscan.baathouders.find((b) => b.name === 'Lokale ondernemers')!.waarden).toContain(
      'Lokale economische vitaliteit',
    )
  })
})
