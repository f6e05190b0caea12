import * as Y from 'yjs'
import { isJsonRecord, type JsonRecord } from './JsonRecord.ts'

/**
 * Turns a record's Y.Map into plain JSON. The result is a deep copy: tldraw freezes the records it stores
 * and Yjs hands out its own internal value objects, which must stay untouched.
 */
export function readYRecord(yRecord: Y.Map<unknown>): JsonRecord {
  const json: unknown = yRecord.toJSON()
  return isJsonRecord(json) ? structuredClone(json) : {}
}

export function getYRecord(records: Y.Map<unknown>, id: string): Y.Map<unknown> | undefined {
  const value = records.get(id)
  return value instanceof Y.Map ? value : undefined
}
