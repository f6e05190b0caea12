import { isJsonRecord, type JsonRecord } from './JsonRecord.ts'
import { jsonEqual } from './jsonEqual.ts'
import { NESTED_FIELDS } from './yMapNames.ts'

/** Adds to `into` the paths (`x`, `props.richText`) whose values differ between two versions of a record. */
export function collectChangedPaths(from: JsonRecord, to: JsonRecord, into: Set<string>): void {
  for (const key of new Set([...Object.keys(from), ...Object.keys(to)])) {
    const a = from[key]
    const b = to[key]
    if (NESTED_FIELDS.has(key) && isJsonRecord(a) && isJsonRecord(b)) {
      for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
        if (!jsonEqual(a[k], b[k])) into.add(`${key}.${k}`)
      }
    } else if (!jsonEqual(a, b)) {
      into.add(key)
    }
  }
}

/**
 * Returns `base` with the values at `paths` taken from `local`. Used so that a remote change to a record
 * does not wipe local edits to other fields that have not been written to the doc yet.
 */
export function overlayPaths(base: JsonRecord, local: JsonRecord, paths: ReadonlySet<string>): JsonRecord {
  const result: JsonRecord = { ...base }
  for (const path of paths) {
    const dot = path.indexOf('.')
    if (dot === -1) {
      setOrDelete(result, path, local[path])
      continue
    }
    const field = path.slice(0, dot)
    const key = path.slice(dot + 1)
    const localNested = local[field]
    const baseNested = result[field]
    if (!isJsonRecord(localNested) || !isJsonRecord(baseNested)) {
      setOrDelete(result, field, localNested)
      continue
    }
    const nested = { ...baseNested }
    setOrDelete(nested, key, localNested[key])
    result[field] = nested
  }
  return result
}

function setOrDelete(target: JsonRecord, key: string, value: unknown): void {
  if (value === undefined) delete target[key]
  else target[key] = value
}
