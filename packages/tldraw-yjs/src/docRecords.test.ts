import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { readDocRecords, writeDocRecords } from './docRecords.ts'

describe('doc records', () => {
  it('round-trips records and schema through a Y.Doc, across an encoded update', () => {
    const records = [
      { id: 'page:page', typeName: 'page', name: 'Pagina 1', index: 'a1', meta: {} },
      {
        id: 'shape:a',
        typeName: 'shape',
        type: 'note',
        x: 10,
        y: 20,
        props: { color: 'green', richText: { type: 'doc', content: [] } },
        meta: { by: 'test' },
      },
    ]
    const schema = { schemaVersion: 2, sequences: { 'com.tldraw.shape.note': 9 } }
    const source = new Y.Doc()
    writeDocRecords(source, { records, schema })
    const copy = new Y.Doc()
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(source))
    const read = readDocRecords(copy)
    expect(read.schema).toEqual(schema)
    expect([...read.records].sort((a, b) => String(a.id).localeCompare(String(b.id)))).toEqual(records)
  })

  it('reads an empty doc as no records and no schema', () => {
    expect(readDocRecords(new Y.Doc())).toEqual({ records: [], schema: null })
  })
})
