import { describe, expect, it } from 'vitest'
import { pvwToMarkdown } from '../src/export/toMarkdown.ts'
import { loadFixture, pvwOf } from './support/loadFixture.ts'

describe('inbreiding case (Spoorkwartier Noord)', () => {
  const pvw = pvwOf(loadFixture('inbreiding-spoorkwartier'))
  const codes = (code: string) => pvw.kwaliteitstoets.filter((f) => f.code === code).map((f) => f.cardIds)

  it('classifies values on a rotated template, and keeps unplaced ones visible', () => {
    expect(pvw.B.prioritair.map((v) => v.name)).toEqual(['Geluid', 'Actieve mobiliteit'])
    expect(pvw.B.secundair.map((v) => v.name)).toEqual(['Vergroenen', 'Sociale cohesie'])
    expect(pvw.B.vingerAanDePols.map((v) => v.name)).toEqual(['Kwaliteit van wonen', 'Schone lucht'])
    expect(pvw.B.ongeplaatst.map((v) => v.name)).toEqual(['Cultuurhistorie van de remise', 'Veiligheid'])
    expect(pvw.A.schets.typeOpgave).toBe('inbreiding-kleinschalig')
  })

  it('reports the invalid card and the dangling link instead of throwing', () => {
    expect(pvw.invoer.map((f) => [f.code, f.cardIds[0]])).toEqual([
      ['BOARD-CARD-INVALID', 'shape:v-kapot'],
      ['BOARD-LINK-DANGLING', 'binding:l-dangling'],
    ])
  })

  it('flags what a half-finished Kansenanalyse still lacks', () => {
    expect(codes('PVW-B-UNPLACED')).toEqual([['shape:v-remise', 'shape:v-veiligheid']])
    expect(codes('PVW-B-TWIJFEL')).toEqual([['shape:v-groen']])
    expect(codes('PVW-B-TENSION-NOT-WEIGHED')).toEqual([['shape:t-stalling']])
    expect(codes('PVW-B-NO-INDICATOR')).toEqual([['shape:v-mobiliteit']])
    expect(codes('PVW-D-SHAREHOLDER-NO-CONTRIBUTION')).toEqual([['shape:b-ontwikkelaar']])
    expect(codes('PVW-D-UNPLACED-BAATHOUDER')).toEqual([['shape:b-los']])
    for (const code of [
      'PVW-D-NO-SOCIAAL-DOMEIN',
      'PVW-D-NO-RENTMEESTER',
      'PVW-A-NO-NIET-DOEN',
      'PVW-C-NO-FUTURE-GENERATIONS',
      'PVW-F-NO-SIGNATORIES',
      'PVW-F-NO-KERNINDICATOREN',
    ]) {
      expect(codes(code), code).toHaveLength(1)
    }
    // Residents are at the table (omwonenden in schil 3), and choices were made.
    expect(codes('PVW-D-NO-RESIDENTS')).toEqual([])
    expect(codes('PVW-B-NO-CHOICES')).toEqual([])
  })

  it('counts only baathouders and shareholders in the waardenkompas, not stakeholders', () => {
    const mobiliteit = pvw.waardenkompas.values.find((v) => v.name === 'Actieve mobiliteit')!
    // gemeente (1) and fietsersbond (2); the zorgverzekeraar is a stakeholder, the busvervoerder has no schil.
    expect(mobiliteit.betrokkenheid).toEqual([1, 1, 0, 0])
  })
})

describe('empty board', () => {
  const pvw = pvwOf(loadFixture('leeg-bord'))

  it('builds an empty programme with the essential findings, and exports it', () => {
    expect(pvw.gebied).toBe('Nieuw bord')
    expect(pvw.B.prioritair).toEqual([])
    expect(pvw.D.kernwaarden).toEqual([])
    expect(pvw.kwaliteitstoets.map((f) => f.code)).toEqual([
      'PVW-B-NO-VALUES',
      // Part D had no finding on an empty board (issue #19, point 5: a finding for every part A–F).
      'PVW-D-NO-BAATHOUDERS',
      'PVW-A-NO-AMBITIE',
      'PVW-A-NO-NIET-DOEN',
      'PVW-C-NO-FUTURE-GENERATIONS',
      'PVW-E-NO-INSTRUMENTS',
      'PVW-F-NO-SIGNATORIES',
      'PVW-F-NO-KERNINDICATOREN',
      'PVW-F-NO-BORGING',
    ])
    const md = pvwToMarkdown(pvw)
    // An empty part says in one line what is still to be done (issue #19, "kort en krachtig").
    expect(md).toContain('## A. Gebiedsambitie\n\nNog te doen: de gebiedsambitie formuleren')
    // The kwaliteitstoets is an annex on request, in plain Dutch without codes (issue #19, point 3).
    expect(md).not.toContain('PVW-B-NO-VALUES')
    expect(pvwToMarkdown(pvw, { kwaliteitstoets: true })).toContain(
      '- Nog te doen: Er staan nog geen waarden op het bord.',
    )
  })
})
