import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { ensureBoardInitialised } from './ensureBoardInitialised.ts'
import { cardSchemaV1, getCard, makeCard } from './testing/cardSchemas.ts'
import { createPeer, sync } from './testing/createPeer.ts'
import { getNote, makeNote, updateNote } from './testing/testRecords.ts'
import { twoPeers } from './testing/twoPeers.ts'
import { RECORDS_MAP_NAME } from './yMapNames.ts'

function setProp(doc: Y.Doc, id: string, key: string, value: unknown) {
  doc.transact(() => {
    const props = (doc.getMap(RECORDS_MAP_NAME).get(`shape:${id}`) as Y.Map<unknown>).get(
      'props',
    ) as Y.Map<unknown>
    props.set(key, value)
  })
}

describe('invalid records', () => {
  it('sets aside a shape of a type this client does not know and keeps syncing the rest', () => {
    const a = createPeer({ clientId: 1 })
    const withCards = createPeer({ clientId: 2, schema: cardSchemaV1 })
    ensureBoardInitialised(withCards.doc, withCards.store)
    withCards.store.put([makeNote('note'), makeCard('card', { title: 'hi' })])
    sync(a, withCards)

    expect(getCard(a.store, 'card')).toBeUndefined()
    expect(a.binding.getInvalidRecords()).toEqual([
      expect.objectContaining({ id: 'shape:card', reason: 'validation', error: expect.any(Error) }),
    ])
    expect(a.reports.map((r) => r.id)).toEqual(['shape:card'])
    expect(getNote(a.store, 'note')).toBeDefined()

    updateNote(a.store, 'note', (n) => ({ ...n, x: 11 }))
    updateNote(withCards.store, 'note', (n) => ({ ...n, y: 22 }))
    sync(a, withCards)
    expect(getNote(a.store, 'note')).toMatchObject({ x: 11, y: 22 })
    expect(getNote(withCards.store, 'note')).toMatchObject({ x: 11, y: 22 })
    expect(getCard(withCards.store, 'card')?.props).toEqual({ title: 'hi' })
  })

  it('sets aside props that fail validation, keeps the last valid version, and applies a later fix', () => {
    const [a, b] = twoPeers()
    a.store.put([makeNote('n'), makeNote('other')])
    sync(a, b)

    setProp(a.doc, 'n', 'color', 'not-a-colour')
    expect(() => sync(a, b)).not.toThrow()
    expect(b.binding.getInvalidRecords().map((r) => r.id)).toEqual(['shape:n'])
    expect(getNote(b.store, 'n')?.props.color).toBe('yellow')

    updateNote(b.store, 'other', (n) => ({ ...n, x: 5 }))
    sync(a, b)
    expect(getNote(a.store, 'other')?.x).toBe(5)

    setProp(a.doc, 'n', 'color', 'red')
    sync(a, b)
    expect(getNote(b.store, 'n')?.props.color).toBe('red')
    expect(b.binding.getInvalidRecords()).toEqual([])
  })

  it('does not write the stale valid version back over the invalid one when the user edits it', () => {
    const [a, b] = twoPeers()
    a.store.put([makeNote('n')])
    sync(a, b)
    setProp(a.doc, 'n', 'color', 'not-a-colour')
    sync(a, b)
    updateNote(b.store, 'n', (n) => ({ ...n, x: 9 }))
    sync(a, b)
    const stored = b.doc.getMap(RECORDS_MAP_NAME).get('shape:n') as Y.Map<unknown>
    expect(stored.get('x')).toBe(9)
    expect((stored.get('props') as Y.Map<unknown>).get('color')).toBe('not-a-colour')
  })

  it('rejects records that are not document-scoped or stored under another id', () => {
    const [a, b] = twoPeers()
    a.doc.transact(() => {
      const records = a.doc.getMap(RECORDS_MAP_NAME)
      const camera = new Y.Map<unknown>()
      records.set('camera:x', camera)
      for (const [k, v] of Object.entries({
        id: 'camera:x',
        typeName: 'camera',
        x: 0,
        y: 0,
        z: 1,
        meta: {},
      })) {
        camera.set(k, v)
      }
      const misfiled = new Y.Map<unknown>()
      records.set('shape:elsewhere', misfiled)
      misfiled.set('id', 'shape:other')
    })
    sync(a, b)
    expect(
      b.binding
        .getInvalidRecords()
        .map((r) => r.id)
        .sort(),
    ).toEqual(['camera:x', 'shape:elsewhere'])
    expect(b.store.get('camera:x' as never)).toBeUndefined()
  })

  it('forgets a set-aside record when it is deleted from the doc', () => {
    const [a, b] = twoPeers()
    a.store.put([makeNote('n')])
    sync(a, b)
    setProp(a.doc, 'n', 'color', 'not-a-colour')
    sync(a, b)
    a.store.remove([makeNote('n').id])
    sync(a, b)
    expect(b.binding.getInvalidRecords()).toEqual([])
    expect(getNote(b.store, 'n')).toBeUndefined()
  })
})
