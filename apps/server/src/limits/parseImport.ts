import { boardSnapshotSchema } from '@waardentafel/domain'
import type { HttpErrorCode } from '@waardentafel/protocol'
import { writeDocRecords } from '@waardentafel/tldraw-yjs'
import * as Y from 'yjs'
import { z } from 'zod'
import { writeWorkshop } from '../workshopDetails.ts'

// Every imported record must at least be an object with a string id and type name; its content is validated by
// the app's schema when a client loads it (invalid records are set aside there, never lost).
const ImportedRecordSchema = z.looseObject({
  id: z.string().min(1).max(200),
  typeName: z.string().min(1).max(50),
})

/** A board snapshot as received: the request body's bytes, or a value already parsed (a stored session). */
export type ImportInput = { bytes: Uint8Array } | { value: unknown }

/**
 * The new board's document as Yjs updates of at most `IMPORT_RECORDS_PER_UPDATE` records each (none when the
 * snapshot has no records), and its title.
 */
export type ParsedImport = { updates: Uint8Array[]; title: string; records: number }

/**
 * Records per stored update of an import. The server stores each update in a turn of its own: storing a 19,000-record
 * board as one 7 MB row held the event loop for tens of milliseconds, in pieces of 1,000 records (~400 KB) a
 * few each, and the first of them, when the write-ahead log had to grow under other processes' I/O, 90 ms. A
 * piece of 100 typical records is ~40 KB: a fraction of a millisecond to store, to pass between processes and to
 * read back.
 */
export const IMPORT_RECORDS_PER_UPDATE = 100

export class ImportRefusal extends Error {
  readonly code: HttpErrorCode
  constructor(code: HttpErrorCode, message: string) {
    super(message)
    this.code = code
  }
}

/**
 * Parses and validates a board snapshot and builds its document — the whole import's CPU work, done in an import
 * process (`ImportWorker`). The record count is checked before the schema so an oversized snapshot costs one
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
  const doc = new Y.Doc()
  const updates: Uint8Array[] = []
  doc.on('update', (update: Uint8Array) => updates.push(update))
  for (let at = 0; at < checked.length; at += IMPORT_RECORDS_PER_UPDATE) {
    const records = checked.slice(at, at + IMPORT_RECORDS_PER_UPDATE)
    writeDocRecords(doc, { records, schema: at === 0 ? (parsed.data.schema ?? null) : null })
  }
  writeWorkshop(doc, parsed.data.workshop)
  doc.destroy()
  return { updates, title: parsed.data.board.title, records: checked.length }
}
