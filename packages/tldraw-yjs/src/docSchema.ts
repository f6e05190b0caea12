import type { SerializedSchema, SerializedSchemaV2 } from '@tldraw/store'
import type * as Y from 'yjs'
import { isJsonRecord } from './JsonRecord.ts'
import { jsonEqual } from './jsonEqual.ts'

/** How the schema the doc's records were written with relates to ours. */
export type DocSchemaStatus = 'absent' | 'same' | 'older' | 'newer'

/** Reads the serialized schema from the doc's schema map; null when absent or malformed. */
export function readDocSchema(schemaMap: Y.Map<unknown>): SerializedSchema | null {
  const schemaVersion = schemaMap.get('schemaVersion')
  if (schemaVersion === 2) {
    const sequences = schemaMap.get('sequences')
    if (!isJsonRecord(sequences)) return null
    if (!Object.values(sequences).every((v) => typeof v === 'number')) return null
    return { schemaVersion: 2, sequences: sequences as Record<string, number> }
  }
  if (schemaVersion === 1) {
    const json: unknown = schemaMap.toJSON()
    return json as SerializedSchema
  }
  return null
}

/**
 * Compares per migration sequence. Sequences only the doc knows (a custom shape we lack) do not make the
 * doc newer: records of such types fail validation on their own. A doc that is ahead in any sequence we
 * share is newer, even if it is behind in another: we cannot migrate down.
 */
export function compareDocSchema(ours: SerializedSchemaV2, theirs: SerializedSchema | null): DocSchemaStatus {
  if (!theirs) return 'absent'
  if (theirs.schemaVersion !== 2) return 'older'
  let older = false
  for (const [sequenceId, ourVersion] of Object.entries(ours.sequences)) {
    const theirVersion = theirs.sequences[sequenceId]
    if (theirVersion === undefined || theirVersion < ourVersion) older = true
    else if (theirVersion > ourVersion) return 'newer'
  }
  return older ? 'older' : 'same'
}

/**
 * Writes our schema, keeping sequences only the doc knows so that a client with an extra custom shape
 * does not see its records as unmigrated. Writes nothing when the doc already says the same.
 */
export function writeDocSchema(schemaMap: Y.Map<unknown>, ours: SerializedSchemaV2): void {
  const theirs = readDocSchema(schemaMap)
  const sequences = { ...(theirs?.schemaVersion === 2 ? theirs.sequences : {}), ...ours.sequences }
  if (schemaMap.get('schemaVersion') !== 2) schemaMap.set('schemaVersion', 2)
  if (!jsonEqual(schemaMap.get('sequences'), sequences)) schemaMap.set('sequences', sequences)
}
