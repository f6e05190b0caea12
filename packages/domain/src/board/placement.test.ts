import { describe, expect, it } from 'vitest'
import { createBoardBuilder } from '../../test/support/boardBuilder.ts'
import { baathouderCardDefaultProps } from '../shapes/baathouderCardShape.ts'
import { PVW_FRAME_DEFAULT_PROPS } from '../shapes/pvwFrameShape.ts'
import { tensionCardDefaultProps } from '../shapes/tensionCardShape.ts'
import { valueCardDefaultProps } from '../shapes/valueCardShape.ts'
import type { BoardModel } from './BoardModel.ts'
import { readBoard } from './readBoard.ts'

function read(snapshot: unknown): BoardModel {
  const result = readBoard(snapshot)
  if (!result.ok) throw new Error(result.error.details.join('\n'))
  return result.board
}

// A 100×60 card whose centre we put at (cx, cy) in its parent's space.
const card = (id: string, cx: number, cy: number, parentId?: string, rotation = 0) => ({
  id,
  x: cx - 50,
  y: cy - 30,
  rotation,
  ...(parentId ? { parentId } : {}),
  props: { ...valueCardDefaultProps(), w: 100, h: 60 },
})

describe('class from position (wt-prioritering)', () => {
  it('reads the column containing the card centre, for children and page-level cards', () => {
    const b = createBoardBuilder('board:t', 't')
    const prio = b.prioritering({ id: 'p', x: 1000, y: 500, props: { w: 400, h: 200, title: '' } })
    b.valueCard(card('c0', 50, 100, prio))
    b.valueCard(card('c1', 150, 100, prio))
    b.valueCard(card('c2', 1000 + 250, 500 + 100)) // on the page
    b.valueCard(card('c3', 399, 199, prio))
    b.valueCard(card('edge', 100, 100, prio)) // exactly on the sturend|meekoppelen edge
    b.valueCard(card('out', 401, 100, prio))
    const cols = Object.fromEntries(read(b.snapshot()).valueCards.map((v) => [v.id, v.column]))
    expect(cols).toEqual({
      'shape:c0': 'sturend',
      'shape:c1': 'meekoppelen',
      'shape:c2': 'vinger-aan-de-pols',
      'shape:c3': 'nog-te-plaatsen',
      'shape:edge': 'meekoppelen',
      'shape:out': null,
    })
  })

  it('composes rotated ancestors: a card nested in a rotated frame inside a rotated template', () => {
    const b = createBoardBuilder('board:t', 't')
    // Template rotated 90°: its local x axis points down the page.
    const prio = b.prioritering({
      id: 'p',
      x: 500,
      y: 0,
      rotation: Math.PI / 2,
      props: { w: 400, h: 200, title: '' },
    })
    // A tldraw frame inside it, at local (200, 0), rotated 180° back.
    const frame = b.shape('frame', {
      id: 'f',
      x: 200,
      y: 0,
      rotation: Math.PI,
      parentId: prio,
      props: { w: 200, h: 200 },
    })
    // In the frame's space (-50, -100) is template-local (250, 100): column 2.
    b.valueCard(card('nested', -50, -100, frame, 0.3))
    // Page point (400, 350) is template-local (350, 100): column 3.
    b.valueCard(card('page', 400, 350))
    const cols = Object.fromEntries(read(b.snapshot()).valueCards.map((v) => [v.id, v.column]))
    expect(cols['shape:nested']).toBe('vinger-aan-de-pols')
    expect(cols['shape:page']).toBe('nog-te-plaatsen')
  })

  it('ignores templates on another page, and prefers the template a card is nested in', () => {
    const b = createBoardBuilder('board:t', 't')
    const under = b.prioritering({ id: 'under', x: 0, y: 0, props: { w: 400, h: 200, title: '' } })
    b.prioritering({ id: 'over', x: 0, y: 0, props: { w: 800, h: 200, title: '' } })
    b.valueCard(card('child', 150, 100, under)) // column 1 of `under`, column 0 of `over`
    b.valueCard(card('free', 150, 100)) // top-level: `over` is painted on top
    const snap = b.snapshot()
    snap.records.push({ id: 'page:2', typeName: 'page', name: '2', index: 'a2', meta: {} })
    const other = {
      ...(snap.records.find((r) => (r as { id: string }).id === 'shape:free') as object),
      id: 'shape:other',
      parentId: 'page:2',
    }
    snap.records.push(other)
    const board = read(snap)
    const byId = Object.fromEntries(board.valueCards.map((v) => [v.id, [v.column, v.templateId]]))
    expect(byId['shape:child']).toEqual(['meekoppelen', 'shape:under'])
    expect(byId['shape:free']).toEqual(['sturend', 'shape:over'])
    expect(byId['shape:other']).toEqual([null, null])
  })
})

describe('ring from position (wt-schillen)', () => {
  it('maps distance from the centre to centrum, rings 1–4 and outside', () => {
    const b = createBoardBuilder('board:t', 't')
    // w = 1000: R = 500, bands of 100.
    const s = b.schillen({ id: 's', x: 0, y: 0, props: { w: 1000, areaName: 'Wijk' } })
    const at = (id: string, dx: number, dy: number) =>
      b.baathouder({
        id,
        x: 500 + dx - 50,
        y: 500 + dy - 30,
        parentId: s,
        props: { ...baathouderCardDefaultProps(), w: 100, h: 60 },
      })
    at('centrum', 20, 20)
    at('r1', 150, 0)
    at('r2', 0, -250)
    at('r3', -180, 240) // distance exactly 300: on the ring 2|3 circle → ring 3
    at('r4', 450, 0)
    at('corner', 460, 460) // inside the square, outside the outer circle
    const rings = Object.fromEntries(read(b.snapshot()).baathouders.map((x) => [x.id, x.ring]))
    expect(rings).toEqual({
      'shape:centrum': 'centrum',
      'shape:r1': 1,
      'shape:r2': 2,
      'shape:r3': 3,
      'shape:r4': 4,
      'shape:corner': null,
    })
  })
})

describe('status from column (wt-spanningen) and part from frame (wt-pvw-frame)', () => {
  it('reads benoemd / gewogen / besloten from the three columns', () => {
    const b = createBoardBuilder('board:t', 't')
    const wall = b.spanningen({ id: 'w', x: 0, y: 0, props: { w: 300, h: 100, title: '' } })
    for (const [id, cx] of [
      ['a', 50],
      ['b', 150],
      ['c', 250],
    ] as const) {
      b.tension({
        id,
        x: cx - 40,
        y: 20,
        parentId: wall,
        props: { ...tensionCardDefaultProps(), w: 80, h: 60 },
      })
    }
    b.tension({ id: 'd', x: 500, y: 0, props: tensionCardDefaultProps() })
    const status = Object.fromEntries(read(b.snapshot()).tensions.map((t) => [t.id, t.status]))
    expect(status).toEqual({
      'shape:a': 'benoemd',
      'shape:b': 'gewogen',
      'shape:c': 'besloten',
      'shape:d': null,
    })
  })

  it('puts a note in the frame containing its centre, using tldraw note size (200 × scale, growY)', () => {
    const b = createBoardBuilder('board:t', 't')
    b.frame({ id: 'fa', x: 0, y: 0, props: { ...PVW_FRAME_DEFAULT_PROPS.A(), w: 300, h: 300 } })
    b.frame({ id: 'ff', x: 400, y: 0, props: { ...PVW_FRAME_DEFAULT_PROPS.F(), w: 300, h: 300 } })
    b.note({ id: 'in-a', x: 50, y: 50, text: 'a' }) // centre (150, 150)
    b.note({ id: 'straddle', x: 260, y: 0, text: 'b' }) // centre (360, 100): between frames
    b.note({ id: 'in-f', x: 450, y: 0, text: 'c' }) // centre (550, 100)
    const notes = Object.fromEntries(read(b.snapshot()).notes.map((n) => [n.id, n.part]))
    expect(notes).toEqual({ 'shape:in-a': 'A', 'shape:straddle': null, 'shape:in-f': 'F' })
  })
})
