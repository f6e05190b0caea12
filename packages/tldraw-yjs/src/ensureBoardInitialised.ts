import type { Store } from '@tldraw/store'
import {
  DocumentRecordType,
  PageRecordType,
  TLDOCUMENT_ID,
  type TLPageId,
  type TLRecord,
} from '@tldraw/tlschema'
import type { IndexKey } from '@tldraw/utils'
import * as Y from 'yjs'
import { compareDocSchema, readDocSchema, writeDocSchema } from './docSchema.ts'
import type { JsonRecord } from './JsonRecord.ts'
import { getYRecord } from './readYRecord.ts'
import { writeYRecord } from './writeYRecord.ts'
import { RECORDS_MAP_NAME, SCHEMA_MAP_NAME } from './yMapNames.ts'

/**
 * The same id tldraw's own integrity check uses, so that every client seeding a new board (or an editor
 * mounting on an empty store) creates the same record and Yjs merges them into one page.
 */
export const DEFAULT_PAGE_ID = 'page:page' as TLPageId

const seedOrigin = { tldrawYjs: 'seed' }

/**
 * Creates the document record and the default page in the doc if they are missing. Call it after the
 * first sync with the server (or after a timeout when offline). Idempotent and safe to run concurrently
 * on several clients: the ids are deterministic, so concurrent seeds converge to one document and page.
 */
export function ensureBoardInitialised<Props>(
  doc: Y.Doc,
  store: Store<TLRecord, Props>,
  options: { pageName?: string } = {},
): void {
  const records = doc.getMap<unknown>(RECORDS_MAP_NAME)
  const schemaMap = doc.getMap<unknown>(SCHEMA_MAP_NAME)
  const ourSchema = store.schema.serialize()
  const status = compareDocSchema(ourSchema, readDocSchema(schemaMap))
  // A doc in another schema version already has content; seeding it in our format could mislabel it.
  if (status !== 'absent' && status !== 'same') return

  const seeds: TLRecord[] = []
  if (!getYRecord(records, TLDOCUMENT_ID)) seeds.push(DocumentRecordType.create({ id: TLDOCUMENT_ID }))
  const hasPage = Array.from(records.values()).some((v) => v instanceof Y.Map && v.get('typeName') === 'page')
  if (!hasPage) {
    seeds.push(
      PageRecordType.create({
        id: DEFAULT_PAGE_ID,
        name: options.pageName ?? 'Page 1',
        index: 'a1' as IndexKey,
      }),
    )
  }
  if (seeds.length === 0) return

  doc.transact(() => {
    writeDocSchema(schemaMap, ourSchema)
    for (const record of seeds) writeYRecord(records, record.id, record as unknown as JsonRecord, 'all')
  }, seedOrigin)
  // A bound store already received the seeds through its binding; an unbound one gets them here.
  const missing = seeds.filter((record) => !store.has(record.id))
  if (missing.length > 0) store.mergeRemoteChanges(() => store.put(missing))
}
