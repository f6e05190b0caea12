import { readDocRecords } from '@waardentafel/tldraw-yjs'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { IMPORT_RECORDS_PER_UPDATE, ImportRefusal, parseImport } from './parseImport.ts'

const snapshot = (records: unknown[]) => ({
  format: 'waardentafel.board',
  version: 1,
  board: { id: 'x', title: 'Wijkplan', createdAt: new Date(0).toISOString() },
  records,
})
const note = (i: number) => ({ id: `shape:n${i}`, typeName: 'shape', type: 'note', x: i, y: 0, props: {} })
const bytes = (value: unknown) => new TextEncoder().encode(JSON.stringify(value))
const refusal = (run: () => unknown) => {
  try {
    run()
  } catch (error) {
    if (error instanceof ImportRefusal) return error.code
    throw error
  }
  return null
}

describe('parseImport', () => {
  it('builds the document of a snapshot with its records and title', () => {
    const parsed = parseImport({ bytes: bytes(snapshot([note(1), note(2)])) }, 10)
    expect(parsed).toMatchObject({ title: 'Wijkplan', records: 2 })
    expect(parsed.updates).toHaveLength(1)
    const doc = new Y.Doc()
    for (const update of parsed.updates) Y.applyUpdate(doc, update)
    expect(
      readDocRecords(doc)
        .records.map((r) => r.id)
        .sort(),
    ).toEqual(['shape:n1', 'shape:n2'])
  })
  it('cuts a big board into updates of IMPORT_RECORDS_PER_UPDATE records that together hold every record', () => {
    const count = IMPORT_RECORDS_PER_UPDATE * 2 + 1
    const parsed = parseImport({ value: snapshot(Array.from({ length: count }, (_, i) => note(i))) }, count)
    expect(parsed.updates).toHaveLength(3)
    const doc = new Y.Doc()
    for (const update of parsed.updates) Y.applyUpdate(doc, update)
    expect(readDocRecords(doc).records).toHaveLength(count)
  })
  it('refuses more records than the limit before validating any (IMPORT_TOO_MANY_RECORDS)', () => {
    const many = snapshot(Array.from({ length: 11 }, (_, i) => note(i)))
    expect(refusal(() => parseImport({ bytes: bytes(many) }, 10))).toBe('IMPORT_TOO_MANY_RECORDS')
    expect(refusal(() => parseImport({ value: many }, 10))).toBe('IMPORT_TOO_MANY_RECORDS')
  })
  it('refuses what is not JSON or not a snapshot with INVALID_BODY', () => {
    expect(refusal(() => parseImport({ bytes: new TextEncoder().encode('{"records": [') }, 10))).toBe(
      'INVALID_BODY',
    )
    expect(refusal(() => parseImport({ bytes: new Uint8Array() }, 10))).toBe('INVALID_BODY')
    expect(refusal(() => parseImport({ value: { records: [] } }, 10))).toBe('INVALID_BODY')
    expect(refusal(() => parseImport({ value: snapshot([{ typeName: 'shape' }]) }, 10))).toBe('INVALID_BODY')
  })
})
