import i18next from 'i18next'
import { beforeAll, describe, expect, it } from 'vitest'
import { en, nl } from '../i18n/messages/index.ts'
import { type CardChange, coalesce, createBatcher, formatChanges, joinNames } from './liveChanges.ts'
import { outlineEn, outlineNl } from './outlineMessages.ts'

const i18n = i18next.createInstance()
beforeAll(async () => {
  await i18n.init({
    resources: {
      nl: { translation: { ...nl, outline: outlineNl } },
      en: { translation: { ...en, outline: outlineEn } },
    },
    lng: 'nl',
    interpolation: { escapeValue: false },
  })
})

const t = (key: string, options?: Record<string, unknown>) => i18n.t(key, options ?? {}) as string
const place = (key: string | null) => (key ? (key.split(':')[1] ?? key) : '—')

function move(id: string, from: string, to: string, who = 'Anna', name = id): CardChange {
  return { id, kind: 'value', name, type: 'moved', from, to, who: [who] }
}

describe('coalesce', () => {
  it('a card dragged through several columns is one move from the first to the last', () => {
    const merged = coalesce([
      move('g', 'column:nog-te-plaatsen', 'column:vinger-aan-de-pols'),
      move('g', 'column:vinger-aan-de-pols', 'column:meekoppelen'),
      move('g', 'column:meekoppelen', 'column:sturend'),
    ])
    expect(merged).toEqual([move('g', 'column:nog-te-plaatsen', 'column:sturend')])
  })

  it('a move back to where the card was, and an add followed by a remove, say nothing', () => {
    const added: CardChange = { ...move('n', '', 'none'), type: 'added', from: null }
    const removed: CardChange = { ...move('n', 'none', ''), type: 'removed', to: null }
    expect(
      coalesce([
        move('g', 'column:sturend', 'column:meekoppelen'),
        move('g', 'column:meekoppelen', 'column:sturend'),
      ]),
    ).toEqual([])
    expect(coalesce([added, removed])).toEqual([])
  })

  it('keeps everyone who touched the card', () => {
    const [merged] = coalesce([move('g', 'a', 'b', 'Anna'), move('g', 'b', 'c', 'Bram')])
    expect(merged?.who).toEqual(['Anna', 'Bram'])
  })
})

describe('createBatcher', () => {
  it('speaks once per window, with everything that came in during it', () => {
    let now: (() => void) | null = null
    const flushed: CardChange[][] = []
    const batcher = createBatcher(1000, (c) => flushed.push(c), {
      setTimeout: (fn) => {
        now = fn
        return 1
      },
      clearTimeout: () => {
        now = null
      },
    })
    for (let i = 0; i < 20; i++) batcher.push(move(`v${i}`, 'column:nog-te-plaatsen', 'column:sturend'))
    expect(flushed).toEqual([])
    ;(now as unknown as () => void)()
    expect(flushed).toHaveLength(1)
    expect(flushed[0]).toHaveLength(20)
    batcher.push(move('x', 'a', 'b'))
    batcher.dispose()
    expect(now).toBeNull()
    expect(flushed).toHaveLength(1)
  })
})

describe('formatChanges', () => {
  it('one change is one Dutch sentence naming the card, the person and the new place', () => {
    expect(
      formatChanges([move('g', 'column:nog-te-plaatsen', 'column:sturend', 'Anna', 'Gezondheid')], t, place),
    ).toBe('Gezondheid is door Anna naar sturend verplaatst.')
  })

  it('a burst becomes one summary with counts and names', () => {
    const changes = [
      ...Array.from({ length: 9 }, (_, i) => move(`v${i}`, 'a', 'b', 'Anna')),
      { ...move('n', '', 'none', 'Bram'), type: 'added' as const, from: null },
    ]
    expect(formatChanges(changes, t, place)).toBe(
      '10 wijzigingen door Anna en Bram: 9 verplaatst, 1 toegevoegd.',
    )
  })

  it('names nobody it does not know as "iemand", and speaks English when asked', async () => {
    const unknown = { ...move('g', 'a', 'b', ''), who: [] }
    expect(formatChanges([unknown], t, place)).toBe('g is door iemand naar b verplaatst.')
    await i18n.changeLanguage('en')
    expect(formatChanges([move('g', 'a', 'b', 'Anna')], t, place)).toBe('Anna moved g to b.')
    await i18n.changeLanguage('nl')
  })

  it('joins names the way people say them', () => {
    expect(joinNames(['Anna', 'Bram', 'Chris'], 'en')).toBe('Anna, Bram en Chris')
  })
})
