import * as Y from 'yjs'
import { isJsonRecord, type JsonRecord } from './JsonRecord.ts'
import { readYRecord } from './readYRecord.ts'
import { writeYRecord } from './writeYRecord.ts'
import { RECORDS_MAP_NAME, SCHEMA_MAP_NAME } from './yMapNames.ts'

/** A board's records and the schema they were written with, as plain JSON (export, backup, the domain). */
export type DocRecords = { records: JsonRecord[]; schema: JsonRecord | null }

/** Reads every record from a board's Y.Doc in the layout the binding writes. */
export function readDocRecords(doc: Y.Doc): DocRecords {
  const records: JsonRecord[] = []
  for (const value of doc.getMap<unknown>(RECORDS_MAP_NAME).values()) {
    if (value instanceof Y.Map) records.push(readYRecord(value))
  }
  const schema: unknown = doc.getMap<unknown>(SCHEMA_MAP_NAME).toJSON()
  return { records, schema: isJsonRecord(schema) && Object.keys(schema).length > 0 ? schema : null }
}

/** Writes records (with string ids) and their schema into a Y.Doc in the binding's layout, in one transaction. */
export function writeDocRecords(doc: Y.Doc, { records, schema }: DocRecords): void {
  const map = doc.getMap<unknown>(RECORDS_MAP_NAME)
  const schemaMap = doc.getMap<unknown>(SCHEMA_MAP_NAME)
  doc.transact(() => {
    if (schema) for (const [key, value] of Object.entries(schema)) schemaMap.set(key, value)
    for (const record of records) {
      if (typeof record.id === 'string') writeYRecord(map, record.id, record, 'all')
    }
  })
}
