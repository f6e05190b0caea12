import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createBoardBuilder } from '../../test/support/boardBuilder.ts'
import { valueCardDefaultProps } from '../shapes/valueCardShape.ts'
import { readBoard } from './readBoard.ts'

function boardWith(records: unknown[], sequences?: Record<string, number>) {
  const snap = createBoardBuilder('board:t', 't').snapshot()
  return { ...snap, records: [...snap.records, ...records], ...(sequences ? { schema: { sequences } } : {}) }
}

const shape = (id: string, type: string, props: unknown, extra: object = {}) => ({
  id,
  typeName: 'shape',
  type,
  x: 0,
  y: 0,
  rotation: 0,
  index: 'a1',
  parentId: 'page:main',
  isLocked: false,
  opacity: 1,
  props,
  meta: {},
  ...extra,
})

describe('readBoard', () => {
  it('rejects input that is not a board snapshot, without throwing', () => {
    for (const input of [null, 42, {}, { format: 'waardentafel.board', version: 2 }, []]) {
      const result = readBoard(input)
      expect(result.ok).toBe(false)
      if (!result.ok) expect(result.error.code).toBe('BOARD-SNAPSHOT-INVALID')
    }
  })

  it('reports an invalid card by id and keeps reading the rest', () => {
    const result = readBoard(
      boardWith([
        shape('shape:good', 'wt-value-card', valueCardDefaultProps()),
        shape('shape:bad', 'wt-value-card', { ...valueCardDefaultProps(), scoreCurrent: 9 }),
        shape('shape:worse', 'wt-value-card', 'not props'),
        { id: 'shape:broken', typeName: 'shape', type: 'wt-baathouder-card' },
      ]),
    )
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.board.valueCards.map((v) => v.id)).toEqual(['shape:good'])
    const invalid = result.board.issues.filter((i) => i.severity === 'error')
    expect(invalid.map((i) => [i.code, i.cardIds[0]])).toEqual([
      ['BOARD-RECORD-INVALID', 'shape:broken'],
      ['BOARD-CARD-INVALID', 'shape:bad'],
      ['BOARD-CARD-INVALID', 'shape:worse'],
    ])
    expect(invalid[1]!.message.nl).toContain('scoreCurrent')
  })

  it('migrates cards from an older props version up, and says so', () => {
    const result = readBoard(
      boardWith([shape('shape:old', 'wt-value-card', { name: 'Oude kaart', valueKey: 'geluid' })], {
        'com.tldraw.shape.wt-value-card': 0,
      }),
    )
    if (!result.ok) throw new Error('not ok')
    expect(result.board.valueCards[0]!.props).toMatchObject({
      name: 'Oude kaart',
      ambitions: [],
      twijfel: false,
    })
    expect(result.board.issues.map((i) => i.code)).toEqual(['BOARD-CARD-MIGRATED'])
  })

  it('reads a card from a newer version as is, with a warning', () => {
    const result = readBoard(
      boardWith([shape('shape:new', 'wt-value-card', { ...valueCardDefaultProps(), extra: 1 })], {
        'com.tldraw.shape.wt-value-card': 5,
      }),
    )
    if (!result.ok) throw new Error('not ok')
    expect(result.board.valueCards).toHaveLength(1)
    expect(result.board.issues.map((i) => i.code)).toEqual(['BOARD-CARD-NEWER-VERSION'])
  })

  it('reports a card whose parent is missing, and ignores unknown shapes and records', () => {
    const result = readBoard(
      boardWith([
        shape('shape:orphan', 'wt-value-card', valueCardDefaultProps(), { parentId: 'shape:gone' }),
        shape('shape:geo', 'geo', { w: 10, h: 10 }),
        { id: 'camera:1', typeName: 'camera', x: 0, y: 0, z: 1 },
        { typeName: 'shape', type: 'arrow' },
      ]),
    )
    if (!result.ok) throw new Error('not ok')
    expect(result.board.issues.map((i) => [i.code, i.cardIds[0]])).toEqual([
      ['BOARD-SHAPE-ORPHAN', 'shape:orphan'],
    ])
  })

  it('survives a parent cycle', () => {
    const result = readBoard(
      boardWith([
        shape('shape:a', 'frame', { w: 10, h: 10 }, { parentId: 'shape:b' }),
        shape('shape:b', 'frame', { w: 10, h: 10 }, { parentId: 'shape:a' }),
        shape('shape:c', 'wt-value-card', valueCardDefaultProps(), { parentId: 'shape:a' }),
      ]),
    )
    if (!result.ok) throw new Error('not ok')
    expect(result.board.issues.map((i) => i.code)).toEqual(['BOARD-SHAPE-ORPHAN'])
  })

  it('never throws on arbitrary records', () => {
    const record = fc.oneof(
      fc.anything(),
      fc.record({
        id: fc.string().map((s) => `shape:${s}`),
        typeName: fc.constant('shape'),
        type: fc.constantFrom(
          'wt-value-card',
          'wt-baathouder-card',
          'wt-pvw-frame',
          'wt-tension-card',
          'note',
        ),
        x: fc.double(),
        y: fc.double(),
        parentId: fc.constantFrom('page:main', 'shape:x'),
        props: fc.anything(),
      }),
    )
    fc.assert(
      fc.property(fc.array(record, { maxLength: 20 }), (records) => {
        expect(readBoard(boardWith(records)).ok).toBe(true)
      }),
      { numRuns: 200 },
    )
  })
})
