import type { SerializedSchemaV2 } from '@tldraw/store'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { compareDocSchema, readDocSchema, writeDocSchema } from './docSchema.ts'

const ours: SerializedSchemaV2 = {
  schemaVersion: 2,
  sequences: { 'com.tldraw.shape': 4, 'com.tldraw.shape.note': 13 },
}
const withSequences = (sequences: Record<string, number>): SerializedSchemaV2 => ({
  schemaVersion: 2,
  sequences,
})

describe('compareDocSchema', () => {
  it('orders schemas per migration sequence', () => {
    expect(compareDocSchema(ours, null)).toBe('absent')
    expect(compareDocSchema(ours, ours)).toBe('same')
    expect(
      compareDocSchema(ours, withSequences({ 'com.tldraw.shape': 4, 'com.tldraw.shape.note': 12 })),
    ).toBe('older')
    expect(compareDocSchema(ours, withSequences({ 'com.tldraw.shape': 4 }))).toBe('older')
    expect(
      compareDocSchema(ours, withSequences({ 'com.tldraw.shape': 5, 'com.tldraw.shape.note': 12 })),
    ).toBe('newer')
    // A sequence only the doc knows (another client's custom shape) does not make it newer.
    expect(compareDocSchema(ours, withSequences({ ...ours.sequences, 'com.tldraw.shape.card': 3 }))).toBe(
      'same',
    )
  })
})

describe('writeDocSchema', () => {
  it('round-trips, keeps sequences only the doc knows, and writes nothing when unchanged', () => {
    const doc = new Y.Doc()
    const schemaMap = doc.getMap<unknown>('schema')
    schemaMap.set('schemaVersion', 2)
    schemaMap.set('sequences', { 'com.tldraw.shape.card': 3, 'com.tldraw.shape': 1 })
    writeDocSchema(schemaMap, ours)
    expect(readDocSchema(schemaMap)).toEqual(withSequences({ ...ours.sequences, 'com.tldraw.shape.card': 3 }))
    let updates = 0
    doc.on('update', () => updates++)
    writeDocSchema(schemaMap, ours)
    expect(updates).toBe(0)
  })

  it('reads a malformed schema as absent', () => {
    const schemaMap = new Y.Doc().getMap<unknown>('schema')
    schemaMap.set('schemaVersion', 2)
    schemaMap.set('sequences', { a: 'not a number' })
    expect(readDocSchema(schemaMap)).toBeNull()
  })
})
