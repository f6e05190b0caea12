import { toRichText } from '@tldraw/tlschema'
import { afterEach, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { createPeer, deliver, type Peer, sync } from './testing/createPeer.ts'
import { getNote, makeNote, updateNote } from './testing/testRecords.ts'
import { twoPeers } from './testing/twoPeers.ts'
import { RECORDS_MAP_NAME } from './yMapNames.ts'

function yNote(peer: Peer, id: string): Y.Map<unknown> {
  const value = peer.doc.getMap(RECORDS_MAP_NAME).get(`shape:${id}`)
  if (!(value instanceof Y.Map)) throw new Error(`no note ${id} in the doc`)
  return value
}

afterEach(() => {
  vi.useRealTimers()
})

describe('store → Y', () => {
  it('stores a record as a Y.Map of fields with props and meta as nested Y.Maps', () => {
    const [a] = twoPeers()
    a.store.put([makeNote('n', { x: 10, meta: { owner: 'a' } })])
    const stored = yNote(a, 'n')
    expect(stored.get('x')).toBe(10)
    expect(stored.get('props')).toBeInstanceOf(Y.Map)
    expect((stored.get('props') as Y.Map<unknown>).get('color')).toBe('yellow')
    expect((stored.get('meta') as Y.Map<unknown>).get('owner')).toBe('a')
  })

  it('writes only the fields that changed, in one transaction per flush', () => {
    const [a] = twoPeers()
    a.store.put([makeNote('n')])
    const changedKeys: string[] = []
    let transactions = 0
    a.doc.on('afterTransaction', () => transactions++)
    yNote(a, 'n').observeDeep((events) => {
      for (const event of events) changedKeys.push(...(event as Y.YMapEvent<unknown>).keysChanged)
    })
    updateNote(a.store, 'n', (n) => ({
      ...n,
      x: 5,
      props: { ...n.props, color: 'red', richText: toRichText('') },
    }))
    expect(changedKeys.sort()).toEqual(['color', 'x'])
    expect(transactions).toBe(1)
  })

  it('ignores session and presence records', () => {
    const [a] = twoPeers()
    const before = Array.from(a.doc.getMap(RECORDS_MAP_NAME).keys()).sort()
    a.store.put([
      a.store.schema.types.camera.create({ id: a.store.schema.types.camera.createId('page:page') }),
    ])
    expect(Array.from(a.doc.getMap(RECORDS_MAP_NAME).keys()).sort()).toEqual(before)
  })

  it('batches changes until the throttle window ends or flush() is called', () => {
    vi.useFakeTimers()
    const [a, b] = twoPeers({ throttleMs: 50 })
    a.store.put([makeNote('n')])
    const emittedBefore = a.emitted.length
    for (let x = 1; x <= 5; x++) updateNote(a.store, 'n', (n) => ({ ...n, x }))
    expect(a.emitted.length).toBe(emittedBefore)
    vi.advanceTimersByTime(50)
    expect(a.emitted.length).toBe(emittedBefore + 1)
    updateNote(a.store, 'n', (n) => ({ ...n, x: 6 }))
    a.binding.flush()
    expect(a.emitted.length).toBe(emittedBefore + 2)
    sync(a, b)
    expect(getNote(b.store, 'n')?.x).toBe(6)
  })

  it('keeps a dragged note within ~20 KB of document growth for 10 s at 60 fps', () => {
    vi.useFakeTimers()
    const [a, b] = twoPeers({ throttleMs: 50 })
    a.store.put([makeNote('dragged')])
    a.binding.flush()
    sync(a, b)
    const docBefore = Y.encodeStateAsUpdate(a.doc).byteLength
    const emittedBefore = a.emitted.length
    for (let frame = 0; frame < 600; frame++) {
      // Fractional positions like a real pointer, so values are encoded as float64.
      updateNote(a.store, 'dragged', (n) => ({
        ...n,
        x: 100 + frame * 1.37,
        y: 50 + Math.sin(frame / 9) * 80,
      }))
      vi.advanceTimersByTime(1000 / 60)
    }
    a.binding.flush()
    const docGrowth = Y.encodeStateAsUpdate(a.doc).byteLength - docBefore
    const emittedBytes = a.emitted.slice(emittedBefore).reduce((sum, u) => sum + u.byteLength, 0)
    console.info(
      `drag 10 s @ 60 fps: doc grew ${docGrowth} B, ${a.emitted.length - emittedBefore} updates, ${emittedBytes} B emitted`,
    )
    expect(docGrowth).toBeLessThan(20_000)
    expect(emittedBytes).toBeLessThan(20_000)
    sync(a, b)
    expect(getNote(b.store, 'dragged')).toEqual(getNote(a.store, 'dragged'))
  })

  it('writes deletions', () => {
    const [a, b] = twoPeers()
    a.store.put([makeNote('n')])
    sync(a, b)
    a.store.remove([makeNote('n').id])
    sync(a, b)
    expect(getNote(b.store, 'n')).toBeUndefined()
  })
})

describe('Y → store', () => {
  it('applies remote changes as remote changes, outside tldraw history', () => {
    const [a, b] = twoPeers()
    const sources: string[] = []
    b.store.listen((entry) => sources.push(entry.source), { scope: 'document' })
    a.store.put([makeNote('n', { x: 3 })])
    sync(a, b)
    expect(getNote(b.store, 'n')?.x).toBe(3)
    expect(sources).toEqual(['remote'])
  })

  it('does not echo remote changes back into the doc', () => {
    const [a, b] = twoPeers()
    a.store.put([makeNote('n')])
    const emittedBefore = b.emitted.length
    sync(a, b)
    expect(b.emitted.length).toBe(emittedBefore)
  })

  it('only touches records that changed', () => {
    const [a, b] = twoPeers()
    a.store.put([makeNote('n1'), makeNote('n2')])
    sync(a, b)
    const untouched = getNote(b.store, 'n2')
    updateNote(a.store, 'n1', (n) => ({ ...n, x: 9 }))
    sync(a, b)
    expect(getNote(b.store, 'n2')).toBe(untouched)
    expect(getNote(b.store, 'n1')?.x).toBe(9)
  })

  it('loads the existing doc into a store bound later', () => {
    const [a] = twoPeers()
    a.store.put([makeNote('n', { x: 4 })])
    const doc = new Y.Doc()
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(a.doc))
    const c = createPeer({ clientId: 4, doc })
    expect(getNote(c.store, 'n')?.x).toBe(4)
    expect(c.store.get('page:page' as never)).toBeDefined()
  })

  it('keeps unwritten local edits when a remote change to the same record arrives', () => {
    vi.useFakeTimers()
    const [a, b] = twoPeers({ throttleMs: 50 })
    a.store.put([makeNote('n')])
    a.binding.flush()
    sync(a, b)
    updateNote(b.store, 'n', (n) => ({ ...n, x: 77 }))
    updateNote(a.store, 'n', (n) => ({ ...n, props: { ...n.props, color: 'blue' } }))
    b.binding.flush()
    deliver(b.doc, a.doc)
    expect(getNote(a.store, 'n')).toMatchObject({ x: 77, props: { color: 'blue' } })
    a.binding.flush()
    sync(a, b)
    expect(getNote(b.store, 'n')).toMatchObject({ x: 77, props: { color: 'blue' } })
  })
})

describe('concurrent edits', () => {
  it('keeps a move and a text edit made concurrently on one note', () => {
    const [a, b] = twoPeers()
    a.store.put([makeNote('n', { x: 0, y: 0 })])
    sync(a, b)
    updateNote(a.store, 'n', (n) => ({ ...n, x: 120, y: 80 }))
    updateNote(b.store, 'n', (n) => ({ ...n, props: { ...n.props, richText: toRichText('edited') } }))
    sync(a, b)
    for (const peer of [a, b]) {
      expect(getNote(peer.store, 'n')).toMatchObject({
        x: 120,
        y: 80,
        props: { richText: toRichText('edited') },
      })
    }
  })

  it('keeps concurrent edits to two different props', () => {
    const [a, b] = twoPeers()
    a.store.put([makeNote('n')])
    sync(a, b)
    updateNote(a.store, 'n', (n) => ({ ...n, props: { ...n.props, color: 'red' } }))
    updateNote(b.store, 'n', (n) => ({ ...n, props: { ...n.props, size: 'xl' } }))
    // Deferred, one-way-at-a-time delivery: b sees a's edit before a sees b's.
    deliver(a.doc, b.doc)
    expect(getNote(b.store, 'n')?.props).toMatchObject({ color: 'red', size: 'xl' })
    deliver(b.doc, a.doc)
    expect(getNote(a.store, 'n')).toEqual(getNote(b.store, 'n'))
    expect(getNote(a.store, 'n')?.props).toMatchObject({ color: 'red', size: 'xl' })
  })

  it('converges when updates arrive out of order', () => {
    const [a, b] = twoPeers()
    const stream: Uint8Array[] = []
    a.doc.on('update', (u: Uint8Array) => stream.push(u))
    a.store.put([makeNote('n')])
    updateNote(a.store, 'n', (n) => ({ ...n, x: 1 }))
    updateNote(a.store, 'n', (n) => ({ ...n, props: { ...n.props, color: 'green' } }))
    for (const update of stream.reverse()) Y.applyUpdate(b.doc, update)
    expect(getNote(b.store, 'n')).toEqual(getNote(a.store, 'n'))
  })
})

describe('dispose', () => {
  it('flushes pending writes and stops syncing both ways', () => {
    vi.useFakeTimers()
    const [a, b] = twoPeers({ throttleMs: 50 })
    a.store.put([makeNote('n')])
    a.binding.dispose()
    a.binding.dispose()
    sync(a, b)
    expect(getNote(b.store, 'n')).toBeDefined()
    updateNote(a.store, 'n', (n) => ({ ...n, x: 50 }))
    vi.runAllTimers()
    updateNote(b.store, 'n', (n) => ({ ...n, y: 60 }))
    sync(a, b)
    expect(getNote(b.store, 'n')?.x).toBe(0)
    expect(getNote(a.store, 'n')?.y).toBe(0)
  })
})
