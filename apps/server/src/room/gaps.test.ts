import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { buildsOnUnknown, knownClocks, knownFromStateVector } from './gaps.ts'

/** A document with a fixed client id (so updates are reproducible). */
function docOf(clientID: number): Y.Doc {
  const doc = new Y.Doc()
  doc.clientID = clientID
  return doc
}

/** What `doc` did after `before` (a state vector), as the update a client sends. */
function changeSince(doc: Y.Doc, before: Uint8Array, change: () => void): Uint8Array {
  change()
  return Y.encodeStateAsUpdate(doc, before)
}

const judge = (update: Uint8Array, server: Y.Doc) =>
  buildsOnUnknown(Y.decodeUpdate(update), knownClocks(server, [], []))

describe('buildsOnUnknown (pure: the update and what the server knows)', () => {
  it('null for a change that builds only on what the server has', () => {
    const server = docOf(1)
    const a = docOf(10)
    const first = changeSince(a, Y.encodeStateVector(a), () => a.getText('t').insert(0, 'x'))
    expect(judge(first, server)).toBeNull()
    Y.applyUpdate(server, first)
    const second = changeSince(a, Y.encodeStateVector(a), () => a.getText('t').insert(1, 'y'))
    expect(judge(second, server)).toBeNull()
  })

  it("'own' for a change that starts after its client's last change the server has", () => {
    const server = docOf(1)
    const a = docOf(10)
    changeSince(a, Y.encodeStateVector(a), () => a.getText('t').insert(0, 'x'))
    const second = changeSince(a, Y.encodeStateVector(a), () => a.getText('t').insert(1, 'y'))
    expect(judge(second, server)).toBe('own')
  })

  it("'others' for an item placed next to one the server never saw, or a deletion of one", () => {
    const server = docOf(1)
    const a = docOf(10)
    const b = docOf(20)
    Y.applyUpdate(
      b,
      changeSince(a, Y.encodeStateVector(a), () => a.getText('t').insert(0, 'x')),
    )
    const besides = changeSince(b, Y.encodeStateVector(b), () => b.getText('t').insert(1, 'y'))
    expect(judge(besides, server)).toBe('others')
    const deletes = changeSince(b, Y.encodeStateVector(b), () => b.getText('t').delete(0, 1))
    expect(judge(deletes, server)).toBe('others')
  })

  it('reads a state vector as well as a document, and counts what is queued as known', () => {
    const a = docOf(10)
    const first = changeSince(a, Y.encodeStateVector(a), () => a.getText('t').insert(0, 'x'))
    const second = changeSince(a, Y.encodeStateVector(a), () => a.getText('t').insert(1, 'y'))
    const decoded = Y.decodeUpdate(second)
    expect(buildsOnUnknown(decoded, knownFromStateVector(Uint8Array.of(0)))).toBe('own')
    const server = docOf(1)
    Y.applyUpdate(server, first)
    expect(buildsOnUnknown(decoded, knownFromStateVector(Y.encodeStateVector(server)))).toBeNull()
    // The first change still being stored (not in the doc yet): the second builds on it.
    const empty = docOf(2)
    expect(buildsOnUnknown(decoded, knownClocks(empty, [{ update: first }], []))).toBeNull()
    expect(buildsOnUnknown(decoded, knownClocks(empty, [], [{ update: first }]))).toBeNull()
    expect(buildsOnUnknown(decoded, knownClocks(empty, [], []))).toBe('own')
  })
})
