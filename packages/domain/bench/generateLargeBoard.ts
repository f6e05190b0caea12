import { STANDARD_VALUE_KEYS } from '../src/method/values.ts'
import { baathouderCardDefaultProps } from '../src/shapes/baathouderCardShape.ts'
import { PVW_FRAME_DEFAULT_PROPS } from '../src/shapes/pvwFrameShape.ts'
import { tensionCardDefaultProps } from '../src/shapes/tensionCardShape.ts'
import { valueCardDefaultProps } from '../src/shapes/valueCardShape.ts'
import { createBoardBuilder } from '../test/support/boardBuilder.ts'

// A deterministic large board (seeded PRNG): 30% value cards, 45% baathouders, 15% tensions, 10% notes, spread
// over the templates, some as children and some on the page, so every derivation path is exercised.

function mulberry32(seed: number) {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export function generateLargeBoard(cards: number, seed: number) {
  const rnd = mulberry32(seed)
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!
  const b = createBoardBuilder('board:bench', 'Benchmarkbord')
  const prio = b.prioritering({
    id: 'prio',
    x: 0,
    y: 0,
    rotation: 0.05,
    props: { w: 8000, h: 6000, title: 'Prioritering' },
  })
  const schillen = b.schillen({ id: 'schillen', x: 9000, y: 0, props: { w: 8000, areaName: 'Benchwijk' } })
  const wall = b.spanningen({ id: 'wall', x: 0, y: 7000, props: { w: 6000, h: 4000, title: 'Spanningen' } })
  const frames = (['A', 'C', 'E', 'F'] as const).map((part, i) =>
    b.frame({
      id: `frame-${part}`,
      x: 7000 + i * 2100,
      y: 9000,
      props: { ...PVW_FRAME_DEFAULT_PROPS[part](), w: 2000, h: 2000 },
    }),
  )
  const values: string[] = []
  const nValues = Math.round(cards * 0.3)
  for (let i = 0; i < nValues; i++) {
    const child = rnd() < 0.5
    values.push(
      b.valueCard({
        id: `v${i}`,
        x: rnd() * 7600 + (child ? 0 : 0),
        y: rnd() * 5700,
        ...(child ? { parentId: prio } : {}),
        props: {
          ...valueCardDefaultProps(),
          valueKey: pick(STANDARD_VALUE_KEYS),
          name: `Waarde ${i}`,
          twijfel: rnd() < 0.1,
          scoreCurrent: Math.round(rnd() * 50) / 10,
          scorePotential: Math.round(rnd() * 50) / 10,
          ambitions: rnd() < 0.5 ? [`Ambitie voor waarde ${i}`] : [],
          indicators: rnd() < 0.5 ? [`Indicator ${i}`] : [],
        },
      }),
    )
  }
  const nBaathouders = Math.round(cards * 0.45)
  for (let i = 0; i < nBaathouders; i++) {
    const angle = rnd() * 2 * Math.PI
    const r = rnd() * 4200
    b.baathouder({
      id: `b${i}`,
      x: 4000 + r * Math.cos(angle) - 120,
      y: 4000 + r * Math.sin(angle) - 80,
      parentId: schillen,
      props: {
        ...baathouderCardDefaultProps(),
        name: `Baathouder ${i}`,
        category: pick(['gemeente', 'ggd', 'bewoners', 'zorgverzekeraar', 'sociaal-domein', 'custom']),
        involvement: pick(['stakeholder', 'baathouder', 'shareholder'] as const),
        valueIds: [pick(values), pick(values), pick(values)],
        baten: `Baten ${i}`,
        contributions: rnd() < 0.5 ? [{ kind: 'geld', description: `Bijdrage ${i}`, conditions: '' }] : [],
        rentmeester: rnd() < 0.05,
        signatory: rnd() < 0.1,
      },
    })
  }
  const nTensions = Math.round(cards * 0.15)
  for (let i = 0; i < nTensions; i++) {
    const t = b.tension({
      id: `t${i}`,
      x: rnd() * 5700,
      y: rnd() * 3800,
      parentId: wall,
      props: { ...tensionCardDefaultProps(), name: `Spanning ${i}`, weighing: rnd() < 0.5 ? 'Gewogen' : '' },
    })
    b.link(`l${i}a`, t, pick(values))
    b.link(`l${i}b`, t, pick(values))
  }
  const nNotes = cards - nValues - nBaathouders - nTensions
  for (let i = 0; i < nNotes; i++) {
    b.note({ id: `n${i}`, x: rnd() * 1800, y: rnd() * 1800, parentId: pick(frames), text: `Notitie ${i}` })
  }
  return b.snapshot({ createdAt: '2026-01-01T00:00:00.000Z' })
}
