import * as Y from 'yjs'
import type { JsonRecord } from './JsonRecord.ts'

/**
 * Turns a record's Y.Map into plain JSON. The result is a deep copy: tldraw freezes the records it stores
 * and Yjs hands out its own internal value objects, which must stay untouched. (A plain walk, not
 * structuredClone(toJSON()): opening a 5,000-shape board reads every record, and this is several times faster.)
 */
export function readYRecord(yRecord: Y.Map<unknown>): JsonRecord {
  const json: JsonRecord = {}
  yRecord.forEach((value, key) => {
    json[key] = readValue(value)
  })
  return json
}

function readValue(value: unknown): unknown {
  if (value instanceof Y.Map) return readYRecord(value)
  if (value instanceof Y.AbstractType) return copyJson(value.toJSON())
  return copyJson(value)
}

function copyJson(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value
  if (Array.isArray(value)) return value.map(copyJson)
  if (value instanceof Uint8Array) return value.slice()
  const copy: JsonRecord = {}
  for (const key of Object.keys(value)) copy[key] = copyJson((value as JsonRecord)[key])
  return copy
}

export function getYRecord(records: Y.Map<unknown>, id: string): Y.Map<unknown> | undefined {
  const value = records.get(id)
  return value instanceof Y.Map ? value : undefined
}
