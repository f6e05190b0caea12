import * as Y from 'yjs'
import { isJsonRecord, type JsonRecord } from './JsonRecord.ts'
import { jsonEqual } from './jsonEqual.ts'
import { getYRecord } from './readYRecord.ts'
import { NESTED_FIELDS } from './yMapNames.ts'

/**
 * Writes `record` into `records` under its id, touching only the given paths (`x`, `props.richText`) or,
 * with 'all', every field. Values equal to what the doc already holds are not written, so no Yjs item
 * (and no update byte) is produced for them. Must run inside a transaction.
 */
export function writeYRecord(
  records: Y.Map<unknown>,
  id: string,
  record: JsonRecord,
  paths: ReadonlySet<string> | 'all',
): void {
  let yRecord = getYRecord(records, id)
  if (!yRecord) {
    yRecord = new Y.Map()
    records.set(id, yRecord)
    writeAllFields(yRecord, record)
    return
  }
  if (paths === 'all') {
    writeAllFields(yRecord, record)
    return
  }
  for (const path of paths) {
    const dot = path.indexOf('.')
    if (dot === -1) {
      writeField(yRecord, path, record[path])
      continue
    }
    const field = path.slice(0, dot)
    const nested = yRecord.get(field)
    const value = record[field]
    if (nested instanceof Y.Map && isJsonRecord(value))
      writeValue(nested, path.slice(dot + 1), value[path.slice(dot + 1)])
    else writeField(yRecord, field, value)
  }
}

function writeAllFields(yRecord: Y.Map<unknown>, record: JsonRecord): void {
  for (const key of Object.keys(record)) writeField(yRecord, key, record[key])
  for (const key of Array.from(yRecord.keys())) if (record[key] === undefined) yRecord.delete(key)
}

function writeField(yRecord: Y.Map<unknown>, key: string, value: unknown): void {
  if (!NESTED_FIELDS.has(key) || !isJsonRecord(value)) {
    writeValue(yRecord, key, value)
    return
  }
  let nested = yRecord.get(key)
  if (!(nested instanceof Y.Map)) {
    nested = new Y.Map()
    yRecord.set(key, nested)
  }
  const yNested = nested as Y.Map<unknown>
  for (const k of Object.keys(value)) writeValue(yNested, k, value[k])
  for (const k of Array.from(yNested.keys())) if (value[k] === undefined) yNested.delete(k)
}

function writeValue(map: Y.Map<unknown>, key: string, value: unknown): void {
  if (value === undefined) {
    if (map.has(key)) map.delete(key)
    return
  }
  const current = map.get(key)
  if (current instanceof Y.AbstractType || !jsonEqual(current, value)) map.set(key, value)
}
