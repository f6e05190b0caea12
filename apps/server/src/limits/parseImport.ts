import { boardSnapshotSchema } from '@waardentafel/domain'
import type { HttpErrorCode } from '@waardentafel/protocol'
import { writeDocRecords } from '@waardentafel/tldraw-yjs'
import * as Y from 'yjs'
import { z } from 'zod'

// Every imported record must at least be an object with a string id and type name; its content is validated by
// the app's schema when a client loads it (invalid records are set aside there, never lost).
const ImportedRecordSchema = z.looseObject({
  id: z.string().min(1).max(200),
  typeName: z.string().min(1).max(50),
})

/** A board snapshot as received: the request body's bytes, or a value already parsed (a stored session). */
export type ImportInput = { bytes: Uint8Array } | { value: unknown }

/** The new board's document as one Yjs update (empty when the snapshot has no records), and its title. */
export type ParsedImport = { state: Uint8Array | null; title: string; records: number }

export class ImportRefusal extends Error {
  readonly code: HttpErrorCode
  constructor(code: HttpErrorCode, message: string) {
    super(message)
    this.code = code
  }
}

/**
 * Parses and validates a board snapshot and builds its document — the whole import's CPU work, done on an import
 * thread (`ImportWorker`). The record count is checked before the schema so an oversized snapshot costs one
 * JSON parse, not a validation of every record.
 */
export function parseImport(input: ImportInput, maxRecords: number): ParsedImport {
  let value: unknown
  if ('bytes' in input) {
    const text = new TextDecoder().decode(input.bytes)
    if (text.trim() === '') throw new ImportRefusal('INVALID_BODY', 'empty body')
    try {
      value = JSON.parse(text)
    } catch {
      throw new ImportRefusal('INVALID_BODY', 'body is not JSON')
    }
  } else value = input.value
  const records = (value as { records?: unknown } | null)?.records
  if (Array.isArray(records) && records.length > maxRecords) {
    throw new ImportRefusal(
      'IMPORT_TOO_MANY_RECORDS',
      `the snapshot has ${records.length} records; at most ${maxRecords} can be imported`,
    )
  }
  const parsed = boardSnapshotSchema.safeParse(value)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new ImportRefusal(
      'INVALID_BODY',
      `not a board snapshot: ${issue?.path.join('.')} ${issue?.message}`,
    )
  }
  const checked = parsed.data.records.map((record, index) => {
    const result = ImportedRecordSchema.safeParse(record)
    if (!result.success)
      throw new ImportRefusal('INVALID_BODY', `record ${index} has no valid id and typeName`)
    return result.data
  })
  if (checked.length === 0) return { state: null, title: parsed.data.board.title, records: 0 }
  const doc = new Y.Doc()
  writeDocRecords(doc, { records: checked, schema: parsed.data.schema ?? null })
  const state = Y.encodeStateAsUpdate(doc)
  doc.destroy()
  return { state, title: parsed.data.board.title, records: checked.length }
}
