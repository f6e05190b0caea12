import { PageRecordType, type TLPageId } from '@tldraw/tlschema'
import type { IndexKey } from '@tldraw/utils'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { DEFAULT_PAGE_ID, ensureBoardInitialised } from './ensureBoardInitialised.ts'
import { createPeer, sync } from './testing/createPeer.ts'
import { createTestStore } from './testing/createTestStore.ts'

const pagesOf = (store: ReturnType<typeof createTestStore>) =>
  store.allRecords().filter((r) => r.typeName === 'page')

describe('ensureBoardInitialised', () => {
  it('gives two people opening a new board at the same moment one document and one page', () => {
    const a = createPeer({ clientId: 1 })
    const b = createPeer({ clientId: 2 })
    ensureBoardInitialised(a.doc, a.store)
    ensureBoardInitialised(b.doc, b.store)
    sync(a, b)
    for (const peer of [a, b]) {
      expect(pagesOf(peer.store).map((p) => p.id)).toEqual([DEFAULT_PAGE_ID])
      expect(peer.store.get('document:document' as never)).toBeDefined()
      expect(() => peer.store.validate('tests')).not.toThrow()
      expect(Array.from(peer.doc.getMap('records').keys()).sort()).toEqual(['document:document', 'page:page'])
      expect(peer.reports).toEqual([])
    }
  })

  it('writes nothing when the board already exists', () => {
    const a = createPeer({ clientId: 1 })
    ensureBoardInitialised(a.doc, a.store)
    const emitted = a.emitted.length
    ensureBoardInitialised(a.doc, a.store)
    expect(a.emitted.length).toBe(emitted)
  })

  it('adds no default page to a board that has another page', () => {
    const a = createPeer({ clientId: 1 })
    ensureBoardInitialised(a.doc, a.store)
    a.store.put([
      PageRecordType.create({ id: 'page:other' as TLPageId, name: 'Other', index: 'a2' as IndexKey }),
    ])
    a.store.remove([DEFAULT_PAGE_ID])
    const b = createPeer({ clientId: 2 })
    sync(a, b)
    ensureBoardInitialised(b.doc, b.store)
    sync(a, b)
    for (const peer of [a, b]) expect(pagesOf(peer.store).map((p) => p.id)).toEqual(['page:other'])
  })

  it('also fills a store that has no binding', () => {
    const doc = new Y.Doc()
    const store = createTestStore()
    ensureBoardInitialised(doc, store)
    expect(pagesOf(store).map((p) => p.id)).toEqual([DEFAULT_PAGE_ID])
  })

  it("lets the doc's page win over defaults a client created before its first sync", () => {
    const a = createPeer({ clientId: 1 })
    ensureBoardInitialised(a.doc, a.store)
    a.store.update(DEFAULT_PAGE_ID, (page) => ({ ...page, name: 'Renamed' }))
    // b's store gets tldraw's default page before it has synced, as an editor mounting early would do.
    const b = createPeer({ clientId: 2 })
    b.store.put([PageRecordType.create({ id: DEFAULT_PAGE_ID, name: 'Page 1', index: 'a1' as IndexKey })])
    b.binding.flush()
    expect(b.emitted).toEqual([])
    sync(a, b)
    for (const peer of [a, b])
      expect(pagesOf(peer.store).map((p) => p.typeName === 'page' && p.name)).toEqual(['Renamed'])
  })

  it('makes seeding not undoable', () => {
    const a = createPeer({ clientId: 1 })
    ensureBoardInitialised(a.doc, a.store)
    expect(a.binding.canUndo()).toBe(false)
  })
})
