import type { TLRecord } from '@tldraw/tlschema'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { bindTldrawStoreToYDoc } from './bindTldrawStoreToYDoc.ts'
import { sync } from './testing/createPeer.ts'
import { getNote, makeNote, updateNote } from './testing/testRecords.ts'
import { twoPeers } from './testing/twoPeers.ts'

const isPrivate = (r: TLRecord) => (r.meta as { private?: boolean }).private === true

describe('includes: one store, a shared doc and a local-only doc', () => {
  it('keeps private records out of the shared doc until they stop being private, then moves them over', () => {
    const [a, b] = twoPeers({ includes: (r) => !isPrivate(r) })
    // A's local-only doc for private notes: never synced anywhere.
    const privateDoc = new Y.Doc()
    const privateBinding = bindTldrawStoreToYDoc({
      store: a.store,
      doc: privateDoc,
      throttleMs: 0,
      includes: isPrivate,
      waitForDocumentRecord: false,
    })
    a.store.put([makeNote('geheim', { meta: { private: true } })])
    a.binding.flush()
    privateBinding.flush()
    sync(a, b)
    expect(getNote(b.store, 'geheim')).toBeUndefined()
    expect(JSON.stringify(a.doc.getMap('records').toJSON())).not.toContain('geheim')
    expect(privateDoc.getMap('records').has('shape:geheim')).toBe(true)

    // Reveal: the note stops being private; it moves from the local doc to the shared one.
    updateNote(a.store, 'geheim', (n) => ({ ...n, meta: { private: false } }))
    a.binding.flush()
    privateBinding.flush()
    sync(a, b)
    expect(getNote(b.store, 'geheim')).toBeDefined()
    expect(getNote(a.store, 'geheim')).toBeDefined()
    expect(privateDoc.getMap('records').has('shape:geheim')).toBe(false)
    privateBinding.dispose()
  })

  it('a local-only doc loads its records back into a fresh store', () => {
    const [a] = twoPeers({ includes: (r) => !isPrivate(r) })
    const privateDoc = new Y.Doc()
    const first = bindTldrawStoreToYDoc({
      store: a.store,
      doc: privateDoc,
      throttleMs: 0,
      includes: isPrivate,
      waitForDocumentRecord: false,
    })
    a.store.put([makeNote('later', { meta: { private: true } })])
    first.flush()
    first.dispose()
    const [c] = twoPeers({ includes: (r) => !isPrivate(r) })
    const again = bindTldrawStoreToYDoc({
      store: c.store,
      doc: privateDoc,
      throttleMs: 0,
      includes: isPrivate,
      waitForDocumentRecord: false,
    })
    expect(getNote(c.store, 'later')?.meta).toEqual({ private: true })
    again.dispose()
  })
})
