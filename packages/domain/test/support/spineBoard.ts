import { evidenceCardDefaultProps } from '../../src/shapes/evidenceCardShape.ts'
import { financieringCardDefaultProps } from '../../src/shapes/financieringCardShape.ts'
import { kernindicatorCardDefaultProps } from '../../src/shapes/kernindicatorCardShape.ts'
import { kompasOnderbouwingDefaultProps } from '../../src/shapes/kompasOnderbouwingShape.ts'
import { koppelkansCardDefaultProps } from '../../src/shapes/koppelkansCardShape.ts'
import { PVW_FRAME_DEFAULT_PROPS } from '../../src/shapes/pvwFrameShape.ts'
import {
  EVIDENCE_CARD_TYPE,
  FINANCIERING_CARD_TYPE,
  KERNINDICATOR_CARD_TYPE,
  KOMPAS_ONDERBOUWING_TYPE,
  KOPPELKANS_CARD_TYPE,
  STURING_CARD_TYPE,
} from '../../src/shapes/shapeTypes.ts'
import { STURING_DEFAULT_PROPS } from '../../src/shapes/sturingCardShape.ts'
import { baathouder, columnSlot, ringSlot, tension, value } from '../fixtures/build/layout.ts'
import { createBoardBuilder } from './boardBuilder.ts'

// A small project board with every card of the process spine (issue #20), for the spine's tests. Options take
// parts away, so a test can show a check firing and not firing on the same board.

export type SpineBoardOptions = {
  fase?: string
  gebiedsfase?: string
  datum?: string
  ggd?: boolean
  bewoners?: boolean
  tension?: boolean
  evidence?: boolean
  spine?: boolean
  /** The first sturingsparcours moment: 'anterieure' puts only the anterieure overeenkomst in it. */
  parcours?: 'vroeg' | 'anterieure'
  /** A baathouder linked to the value with potential (v-groen). */
  groenBaathouder?: boolean
  /** What part C collected from the leefwereld (default: a walk with residents). */
  leefwereld?: boolean
  /** Part E's instruments, in order (default: intentieovereenkomst, then anterieure overeenkomst). */
  instruments?: string[]
}

export const V = {
  groen: 'shape:v-groen',
  cohesie: 'shape:v-cohesie',
  lucht: 'shape:v-lucht',
  geluid: 'shape:v-geluid',
}

export function spineBoard(o: SpineBoardOptions = {}) {
  const b = createBoardBuilder('board:spine', 'Stationskwartier')
  const prio = b.prioritering({ id: 'prio', x: 0, y: 0, props: { w: 1600, h: 900, title: '' } })
  b.valueCard({
    id: 'v-groen',
    ...columnSlot(0, 0),
    parentId: prio,
    props: value({
      valueKey: 'vergroenen',
      scoreCurrent: 1.5,
      scorePotential: 4,
      ambitions: ['Elke woning ziet groen'],
      indicators: ['Boomkroonbedekking'],
    }),
  })
  b.valueCard({
    id: 'v-cohesie',
    ...columnSlot(0, 1),
    parentId: prio,
    props: value({
      valueKey: 'sociale-cohesie',
      scoreCurrent: 3,
      scorePotential: 3,
      ambitions: ['Elke straat een plek om te verblijven'],
      indicators: ['Sociale-cohesieschaal'],
    }),
  })
  b.valueCard({
    id: 'v-lucht',
    ...columnSlot(1, 0),
    parentId: prio,
    props: value({
      valueKey: 'schone-lucht',
      scoreCurrent: 4,
      scorePotential: 4,
      ambitions: ['Schone lucht langs de Spoorlaan'],
    }),
  })
  b.valueCard({ id: 'v-geluid', ...columnSlot(2, 0), parentId: prio, props: value({ valueKey: 'geluid' }) })

  const schillen = b.schillen({
    id: 'schillen',
    x: 0,
    y: 1200,
    props: { w: 1400, areaName: 'Stationskwartier' },
  })
  const party = (id: string, ring: number, angle: number, p: Parameters<typeof baathouder>[0]) =>
    b.baathouder({ id, ...ringSlot(ring, angle), parentId: schillen, props: baathouder(p) })
  party('b-gemeente', 1, 0, {
    name: 'Gemeente',
    category: 'gemeente',
    involvement: 'shareholder',
    valueIds: o.groenBaathouder === false ? [V.cohesie] : [V.groen, V.cohesie],
    contributions: [{ kind: 'geld', description: 'Grondexploitatie', conditions: '' }],
    signatory: true,
    rentmeester: true,
  })
  party('b-sociaal', 1, 60, {
    name: 'Sociaal domein',
    category: 'sociaal-domein',
    valueIds: [V.cohesie],
    signatory: true,
  })
  if (o.ggd !== false) party('b-ggd', 2, 90, { name: 'GGD Midden', category: 'ggd', valueIds: [V.cohesie] })
  if (o.bewoners !== false)
    party('b-bewoners', 3, 200, { name: 'Bewonersvereniging', category: 'bewoners', valueIds: [V.cohesie] })

  if (o.tension !== false) {
    const wall = b.spanningen({ id: 'wall', x: 0, y: 3000, props: { w: 1200, h: 600, title: '' } })
    const t = b.tension({
      id: 't-dichtheid',
      x: 500,
      y: 100,
      parentId: wall,
      props: tension({
        name: 'Dichtheid en groen',
        poles: [
          { label: 'Dichtheid', upside: '', downside: '' },
          { label: 'Groen', upside: '', downside: '' },
        ],
        weighing: 'Groen gaat voor op maaiveld',
        decision: 'Bouwen in de hoogte',
      }),
    })
    b.link('l1', t, V.groen)
    b.link('l2', t, V.cohesie)
  }

  b.frame({
    id: 'frame-a',
    x: 3000,
    y: 0,
    props: {
      ...PVW_FRAME_DEFAULT_PROPS.A(),
      ambitie: 'Een groen en levendig kwartier',
      nietDoen: 'Geen kantoren',
    },
  })
  b.frame({
    id: 'frame-c',
    x: 3000,
    y: 1000,
    props: {
      ...PVW_FRAME_DEFAULT_PROPS.C(),
      opgehaald: o.leefwereld === false ? [] : ['Wandeling met bewoners'],
      toekomstigeGeneraties: 'Jongerenpanel',
    },
  })
  b.frame({
    id: 'frame-e',
    x: 3000,
    y: 2000,
    props: {
      ...PVW_FRAME_DEFAULT_PROPS.E(),
      samenwerken: 'Ontwikkeltafel met GGD',
      instruments: (o.instruments ?? ['intentieovereenkomst', 'anterieure-overeenkomst']).map(
        (instrument) => ({
          instrument,
          scenario: 'gemiddeld' as const,
          intent: '',
        }),
      ),
    },
  })
  b.frame({
    id: 'frame-f',
    x: 3000,
    y: 3000,
    props: {
      ...PVW_FRAME_DEFAULT_PROPS.F(),
      borging: 'In de samenwerkingsovereenkomst',
      doorwerking: 'Naar het PvE',
    },
  })

  if (o.spine !== false) addSpineCards(b, o)
  const workshop: Record<string, unknown> = { gemeente: 'Utrecht' }
  if (o.fase) workshop.fase = o.fase
  if (o.gebiedsfase) workshop.gebiedsfase = o.gebiedsfase
  if (o.datum) workshop.datum = o.datum
  return b.snapshot({ workshop })
}

function addSpineCards(b: ReturnType<typeof createBoardBuilder>, o: SpineBoardOptions) {
  if (o.evidence !== false) {
    b.shape(EVIDENCE_CARD_TYPE, {
      id: 'e-groen',
      x: 5000,
      y: 0,
      props: {
        ...evidenceCardDefaultProps(),
        valueIds: [V.groen, 'shape:gone'],
        title: 'Groen en hitte',
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
      },
    })
  }
  b.shape(KOMPAS_ONDERBOUWING_TYPE, {
    id: 'o-groen',
    x: 5000,
    y: 400,
    props: {
      ...kompasOnderbouwingDefaultProps(),
      valueIds: [V.groen],
      currentJustification: 'Weinig bomen',
      currentSource: 'atlas-leefomgeving',
      potentialJustification: 'Ruimte op het plein',
      potentialSource: null,
    },
  })
  b.shape(KOPPELKANS_CARD_TYPE, {
    id: 'k-plein',
    x: 5000,
    y: 800,
    props: {
      ...koppelkansCardDefaultProps(),
      name: 'Groen ontmoetingsplein',
      valueIds: [V.groen, V.cohesie],
      baathouderIds: ['shape:b-gemeente'],
    },
  })
  b.shape(KOPPELKANS_CARD_TYPE, {
    id: 'k-los',
    x: 5400,
    y: 800,
    props: { ...koppelkansCardDefaultProps(), name: 'Losse kans', valueIds: [V.groen] },
  })
  const money = (id: string, y: number, p: Partial<ReturnType<typeof financieringCardDefaultProps>>) =>
    b.shape(FINANCIERING_CARD_TYPE, { id, x: 6000, y, props: { ...financieringCardDefaultProps(), ...p } })
  money('f-grex', 0, {
    route: 'grex',
    lifecycle: 'investering',
    amount: 1_250_000,
    phase: 'realisatie',
    description: 'Inrichting openbare ruimte',
  })
  money('f-zorg', 300, {
    route: 'cofinanciering',
    lifecycle: 'voorfinanciering',
    amount: 25_000,
    phase: 'realisatie',
    gebiedsfonds: true,
    size: 'groot',
    baathouderId: 'shape:b-gemeente',
    description: 'Buurtkamer',
  })
  money('f-bewoners', 600, {
    route: 'cofinanciering',
    lifecycle: 'beheerkosten',
    amount: 500,
    phase: 'beheer',
    gebiedsfonds: true,
    size: 'klein',
    description: 'Beheer moestuin',
  })
  money('f-open', 900, { route: null, amount: 1000, description: 'Nog te bepalen' })
  money('f-wringt', 1200, { kind: 'wringt', description: 'Zorgbesparing landt niet in de grondexploitatie' })

  const sturing = (id: string, y: number, props: unknown) =>
    b.shape(STURING_CARD_TYPE, { id, x: 7000, y, props: props as Record<string, unknown> })
  sturing('s-toets', 0, {
    ...STURING_DEFAULT_PROPS.beleidstoets(),
    answers: [
      { vraag: 'omgevingsvisie', answer: 'ja', note: '' },
      { vraag: 'grondbeleid', answer: 'ja', note: 'Nota 2019' },
    ],
  })
  sturing('s-grond', 400, {
    ...STURING_DEFAULT_PROPS.grondbeleid(),
    regime: 'actief',
    instruments: ['ambities-vooraf', 'tender'],
  })
  sturing('s-parcours', 800, {
    ...STURING_DEFAULT_PROPS.parcours(),
    moments:
      o.parcours === 'anterieure'
        ? [
            {
              moment: 'grondtransactie',
              instrument: 'anterieure-overeenkomst',
              clause: 'Kostenverhaal',
              when: '2027',
            },
          ]
        : [
            {
              moment: 'grondtransactie',
              instrument: 'anterieure-overeenkomst',
              clause: 'Kwaliteitsafspraken',
              when: '2028',
            },
            {
              moment: 'initiatief',
              instrument: 'intentieovereenkomst',
              clause: 'Waardenkader',
              when: '2026',
            },
          ],
  })
  sturing('s-scenario', 1200, { ...STURING_DEFAULT_PROPS.scenario(), scenario: 'ambitieus' })
  sturing('s-tender', 1600, {
    ...STURING_DEFAULT_PROPS.tender(),
    choices: [
      { keuze: 'zwakke-punten', note: '' },
      { keuze: 'sterke-kwaliteiten', note: 'Lucht' },
    ],
  })
  sturing('s-juridisch', 2000, {
    ...STURING_DEFAULT_PROPS.juridisch(),
    items: [
      { item: 'omgevingswaarden', status: 'geregeld', note: '' },
      { item: 'ggd-advies', status: 'open', note: '' },
    ],
  })
  b.shape(KERNINDICATOR_CARD_TYPE, {
    id: 'i-groen',
    x: 8000,
    y: 0,
    props: {
      ...kernindicatorCardDefaultProps(),
      name: 'Boomkroonbedekking',
      valueIds: [V.groen],
      unit: '%',
      baseline: { date: '2026-01-01', value: 12.5, note: '' },
      target: 30,
      targetDate: '2040',
      frequency: 'tweejaarlijks',
      intervalYears: 2,
      owner: 'Gemeente, team groen',
      reportTo: 'College, gebiedscoalitie en bewonersraad',
      measurements: [
        { date: '2030-03-01', value: 18, note: '' },
        { date: '2028-03-01', value: 15, note: '' },
      ],
    },
  })
  b.shape(KERNINDICATOR_CARD_TYPE, {
    id: 'i-leeg',
    x: 8000,
    y: 400,
    props: { ...kernindicatorCardDefaultProps(), name: 'Hittestress', valueIds: [V.geluid] },
  })
}
