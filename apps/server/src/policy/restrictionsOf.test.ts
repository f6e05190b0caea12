import { FACILITATION_MAP } from '@waardentafel/protocol'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { mayChangeRestrictions } from './restrictionsOf.ts'

describe('mayChangeRestrictions', () => {
  /** Whether the change, made in one transaction, may change the restrictions (seen from the update event). */
  function check(doc: Y.Doc, change: () => void): boolean {
    let seen: boolean | null = null
    const listener = (_u: Uint8Array, _o: unknown, d: Y.Doc, tr: Y.Transaction) => {
      seen = mayChangeRestrictions(d, tr)
    }
    doc.on('update', listener)
    doc.transact(change)
    doc.off('update', listener)
    if (seen === null) throw new Error('no update')
    return seen
  }

  function board(): { doc: Y.Doc; card: Y.Map<unknown> } {
    const doc = new Y.Doc()
    const card = new Y.Map<unknown>()
    doc.transact(() => {
      doc.getMap('records').set('shape:card', card)
      card.set('type', 'wt-value-card')
      const props = new Y.Map<unknown>()
      card.set('props', props)
      props.set('name', 'Gezondheid')
      card.set('x', 0)
    })
    return { doc, card }
  }

  it('is false for what edits usually do: move, resize, rename a record', () => {
    const { doc, card } = board()
    expect(check(doc, () => card.set('x', 10))).toBe(false)
    expect(check(doc, () => (card.get('props') as Y.Map<unknown>).set('name', 'Water'))).toBe(false)
  })

  it('is true when the lock changes, a record comes or goes, or a record changes its type', () => {
    const { doc, card } = board()
    expect(
      check(doc, () => doc.getMap(FACILITATION_MAP).set('lock', { structure: true, valueCards: true })),
    ).toBe(true)
    expect(check(doc, () => doc.getMap('records').set('shape:new', new Y.Map()))).toBe(true)
    expect(check(doc, () => doc.getMap('records').delete('shape:new'))).toBe(true)
    expect(check(doc, () => card.set('type', 'note'))).toBe(true)
    expect(check(doc, () => card.delete('type'))).toBe(true)
  })
})
