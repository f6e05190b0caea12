import { toRichText } from '@tldraw/tlschema'
import { describe, expect, it } from 'vitest'
import { sync } from './testing/createPeer.ts'
import { getNote, makeNote, updateNote } from './testing/testRecords.ts'
import { twoPeers } from './testing/twoPeers.ts'

describe('undo/redo', () => {
  it('undoes and redoes own edits and sends them to other clients', () => {
    const [a, b] = twoPeers()
    a.store.put([makeNote('n')])
    a.binding.stopCapturing()
    updateNote(a.store, 'n', (n) => ({ ...n, x: 40 }))
    sync(a, b)
    expect(a.binding.canUndo()).toBe(true)
    a.binding.undo()
    expect(getNote(a.store, 'n')?.x).toBe(0)
    expect(a.binding.canRedo()).toBe(true)
    sync(a, b)
    expect(getNote(b.store, 'n')?.x).toBe(0)
    a.binding.redo()
    sync(a, b)
    expect(getNote(a.store, 'n')?.x).toBe(40)
    expect(getNote(b.store, 'n')?.x).toBe(40)
  })

  it('groups changes between stopCapturing() calls into one step', () => {
    const [a] = twoPeers()
    a.store.put([makeNote('n')])
    a.binding.stopCapturing()
    for (let x = 1; x <= 10; x++) updateNote(a.store, 'n', (n) => ({ ...n, x }))
    a.binding.stopCapturing()
    updateNote(a.store, 'n', (n) => ({ ...n, y: 5 }))
    a.binding.undo()
    expect(getNote(a.store, 'n')).toMatchObject({ x: 10, y: 0 })
    a.binding.undo()
    expect(getNote(a.store, 'n')).toMatchObject({ x: 0, y: 0 })
  })

  it('never reverts a later change of the same field by another client', () => {
    const [a, b] = twoPeers()
    a.store.put([makeNote('n')])
    sync(a, b)
    a.binding.stopCapturing()
    updateNote(a.store, 'n', (n) => ({ ...n, x: 100 }))
    sync(a, b)
    updateNote(b.store, 'n', (n) => ({ ...n, x: 200 }))
    sync(a, b)
    a.binding.undo()
    sync(a, b)
    expect(getNote(a.store, 'n')?.x).toBe(200)
    expect(getNote(b.store, 'n')?.x).toBe(200)
  })

  it("reverts own move but keeps another client's later text edit of the same note", () => {
    const [a, b] = twoPeers()
    a.store.put([makeNote('n')])
    sync(a, b)
    a.binding.stopCapturing()
    updateNote(a.store, 'n', (n) => ({ ...n, x: 100, y: 30 }))
    sync(a, b)
    updateNote(b.store, 'n', (n) => ({ ...n, props: { ...n.props, richText: toRichText('from b') } }))
    sync(a, b)
    a.binding.undo()
    sync(a, b)
    for (const peer of [a, b]) {
      expect(getNote(peer.store, 'n')).toMatchObject({
        x: 0,
        y: 0,
        props: { richText: toRichText('from b') },
      })
    }
  })

  it("removes only own created shape, keeping another client's edits elsewhere", () => {
    const [a, b] = twoPeers()
    b.store.put([makeNote('theirs')])
    sync(a, b)
    a.binding.stopCapturing()
    a.store.put([makeNote('mine')])
    sync(a, b)
    updateNote(b.store, 'theirs', (n) => ({ ...n, x: 300 }))
    sync(a, b)
    a.binding.undo()
    sync(a, b)
    for (const peer of [a, b]) {
      expect(getNote(peer.store, 'mine')).toBeUndefined()
      expect(getNote(peer.store, 'theirs')?.x).toBe(300)
    }
    expect(a.binding.canUndo()).toBe(false)
  })

  it('does not undo remote changes or seeding', () => {
    const [a, b] = twoPeers()
    b.store.put([makeNote('theirs')])
    sync(a, b)
    expect(a.binding.canUndo()).toBe(false)
    a.binding.undo()
    expect(getNote(a.store, 'theirs')).toBeDefined()
    expect(a.store.get('page:page' as never)).toBeDefined()
  })

  it('flushes throttled edits before undoing them', () => {
    const [a] = twoPeers({ throttleMs: 1_000_000 })
    a.store.put([makeNote('n')])
    a.binding.stopCapturing()
    updateNote(a.store, 'n', (n) => ({ ...n, x: 40 }))
    expect(a.binding.canUndo()).toBe(true)
    a.binding.undo()
    expect(getNote(a.store, 'n')?.x).toBe(0)
  })
})

describe('undo after a collaborator overwrote the whole step', () => {
  it('consumes that step without reverting an older one', () => {
    const [a, b] = twoPeers()
    a.store.put([makeNote('n')])
    a.binding.stopCapturing()
    updateNote(a.store, 'n', (n) => ({ ...n, x: 100 }))
    sync(a, b)
    updateNote(b.store, 'n', (n) => ({ ...n, x: 200 }))
    sync(a, b)
    a.binding.undo()
    sync(a, b)
    // Stock Y.UndoManager would go on to undo the creation and delete the note b just moved.
    expect(getNote(b.store, 'n')?.x).toBe(200)
    expect(a.binding.canUndo()).toBe(true)
    a.binding.undo()
    sync(a, b)
    expect(getNote(b.store, 'n')).toBeUndefined()
  })
})
