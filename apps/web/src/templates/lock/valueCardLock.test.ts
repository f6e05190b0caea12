import type { TLShape } from 'tldraw'
import { describe, expect, it } from 'vitest'
import { keepLockedFields } from './valueCardLock.ts'

const card = {
  id: 'shape:waarde-1',
  typeName: 'shape',
  type: 'wt-value-card',
  x: 10,
  y: 20,
  rotation: 0,
  index: 'a1',
  parentId: 'shape:prio',
  isLocked: false,
  opacity: 1,
  meta: {},
  props: { w: 200, h: 80, name: 'Gezondheid', valueKey: 'gezondheid', explanation: '', twijfel: false },
} as unknown as TLShape

describe('keepLockedFields', () => {
  it('a move, resize, reparent or rename of a locked value card changes nothing', () => {
    const moved = {
      ...card,
      x: 900,
      y: -40,
      rotation: 1,
      index: 'a9',
      parentId: 'page:page',
      props: { ...card.props, w: 400, h: 10, name: 'Anders', valueKey: 'custom' },
    } as TLShape
    expect(keepLockedFields(card, moved)).toBe(card)
  })

  it('annotations and meta pass, while the place stays', () => {
    const next = {
      ...card,
      x: 500,
      meta: { note: 'ja' },
      props: { ...card.props, explanation: 'Omdat het ertoe doet', twijfel: true },
    } as TLShape
    const kept = keepLockedFields(card, next)
    expect(kept).toMatchObject({
      x: 10,
      y: 20,
      parentId: 'shape:prio',
      meta: { note: 'ja' },
      props: { explanation: 'Omdat het ertoe doet', twijfel: true, w: 200, name: 'Gezondheid' },
    })
  })

  it('a change of type is refused as a whole', () => {
    expect(keepLockedFields(card, { ...card, type: 'note' } as TLShape)).toBe(card)
  })
})
