import type { Store } from '@tldraw/store'
import { TLDOCUMENT_ID, type TLRecord } from '@tldraw/tlschema'
import * as Y from 'yjs'
import { compareDocSchema, type DocSchemaStatus, readDocSchema, writeDocSchema } from './docSchema.ts'
import type { JsonRecord } from './JsonRecord.ts'
import { jsonEqual } from './jsonEqual.ts'
import { getYRecord, readYRecord } from './readYRecord.ts'
import { collectChangedPaths, overlayPaths } from './recordPaths.ts'
import type { InvalidRecordReason, InvalidRecordReport, TldrawYjsBinding } from './TldrawYjsBinding.ts'
import { undoOneStep } from './undoOneStep.ts'
import { writeYRecord } from './writeYRecord.ts'
import { RECORDS_MAP_NAME, SCHEMA_MAP_NAME } from './yMapNames.ts'

export const DEFAULT_THROTTLE_MS = 50

export interface BindTldrawStoreToYDocOptions<Props> {
  store: Store<TLRecord, Props>
  doc: Y.Doc
  /** Local changes are collected for this long and written in one transaction; 0 writes immediately. */
  throttleMs?: number
  /**
   * Changes closer together than this merge into one undo step. Defaults to Infinity: undo steps are
   * delimited by `stopCapturing()`, which the app calls at tldraw's history marks.
   */
  undoCaptureTimeoutMs?: number
  onInvalidRecord?: (report: InvalidRecordReport) => void
  /**
   * Which document records this doc holds (default: all). A record that stops matching is removed from this
   * doc but stays in the store — e.g. a participant's private notes go to a local-only doc until revealed.
   */
  includes?: (record: TLRecord) => boolean
  /**
   * Hold local writes until the doc has the board's `document:document` record (default true: protects an
   * existing board from a client's defaults before the first sync). A doc that never holds it sets false.
   */
  waitForDocumentRecord?: boolean
}

type RecordId = TLRecord['id']
type ReadResult = { ok: true; record: TLRecord } | { ok: false; report: InvalidRecordReport }

/** Connects a tldraw store to a Y.Doc both ways; see README.md for the doc layout and guarantees. */
export function bindTldrawStoreToYDoc<Props>(options: BindTldrawStoreToYDocOptions<Props>): TldrawYjsBinding {
  const { store, doc, onInvalidRecord } = options
  const throttleMs = options.throttleMs ?? DEFAULT_THROTTLE_MS
  const includes = options.includes ?? (() => true)
  const waitForDocumentRecord = options.waitForDocumentRecord ?? true
  const records = doc.getMap<unknown>(RECORDS_MAP_NAME)
  const schemaMap = doc.getMap<unknown>(SCHEMA_MAP_NAME)
  const ourSchema = store.schema.serialize()
  const documentTypes: ReadonlySet<string> = store.scopedTypes.document
  // Distinct objects so that undo tracks only user edits, never schema upgrades.
  const localOrigin = { tldrawYjs: 'local', storeId: store.id }
  const maintenanceOrigin = { tldrawYjs: 'maintenance', storeId: store.id }
  const undoManager = new Y.UndoManager(records, {
    trackedOrigins: new Set([localOrigin]),
    captureTimeout: options.undoCaptureTimeoutMs ?? Number.POSITIVE_INFINITY,
  })
  const invalid = new Map<string, InvalidRecordReport>()
  // Local edits not yet written: the changed paths per record, or 'all' for creations and deletions.
  const pending = new Map<string, Set<string> | 'all'>()
  let docSchema = readDocSchema(schemaMap)
  let status: DocSchemaStatus = compareDocSchema(ourSchema, docSchema)
  let timer: ReturnType<typeof setTimeout> | undefined
  let disposed = false

  const report = (id: string, reason: InvalidRecordReason, error: unknown): ReadResult => ({
    ok: false,
    report: { id, reason, error: error instanceof Error ? error : new Error(String(error)) },
  })

  const setAside = (entry: InvalidRecordReport) => {
    const previous = invalid.get(entry.id)
    invalid.set(entry.id, entry)
    // One report per distinct problem, not one per re-read of the same record.
    if (previous?.reason === entry.reason && previous.error.message === entry.error.message) return
    onInvalidRecord?.(entry)
  }

  // Reads a record from the doc without validating it: store.put validates every record it is given, so
  // validating here as well did the work twice (opening a 5,000-shape board validated 10,000 records).
  const readRemote = (id: string, yRecord: Y.Map<unknown>): ReadResult => {
    if (status === 'newer') {
      return report(id, 'newer-schema', new Error('written with a newer tldraw schema; reload the app'))
    }
    let json: JsonRecord = readYRecord(yRecord)
    if (json.id !== id) return report(id, 'validation', new Error(`stored under ${id} but has id ${json.id}`))
    if (typeof json.typeName !== 'string' || !documentTypes.has(json.typeName)) {
      return report(id, 'validation', new Error(`${json.typeName} is not a document record type`))
    }
    if (status === 'older' && docSchema) {
      const migrated = store.schema.migratePersistedRecord(json as unknown as TLRecord, docSchema, 'up')
      if (migrated.type === 'error')
        return report(id, 'migration', new Error(`migration failed: ${migrated.reason}`))
      json = migrated.value as unknown as JsonRecord
    }
    const local = store.get(id as RecordId)
    const paths = pending.get(id)
    if (local && paths && paths !== 'all') json = overlayPaths(json, local as unknown as JsonRecord, paths)
    return { ok: true, record: json as unknown as TLRecord }
  }

  const validate = (record: TLRecord): ReadResult => {
    const local = store.get(record.id)
    try {
      const phase = local ? 'updateRecord' : 'createRecord'
      return { ok: true, record: store.schema.validateRecord(store, record, phase, local ?? null) }
    } catch (error) {
      return report(record.id, 'validation', error)
    }
  }

  const commit = (puts: TLRecord[], removes: RecordId[]) => {
    const put = (records: TLRecord[]) =>
      store.mergeRemoteChanges(() => {
        if (removes.length > 0) store.remove(removes)
        if (records.length > 0) store.put(records)
      })
    try {
      put(puts) // validates every record; a throw rolls the whole change back
      for (const record of puts) invalid.delete(record.id)
      return
    } catch {
      // One bad record must not block the rest: validate one by one, set aside what fails, put the rest.
    }
    const valid: TLRecord[] = []
    for (const record of puts) {
      const result = validate(record)
      if (result.ok) valid.push(result.record)
      else setAside(result.report)
    }
    try {
      put(valid)
      for (const record of valid) invalid.delete(record.id)
      return
    } catch {
      // Still failing (e.g. a side effect throws): one record at a time.
    }
    for (const id of removes) store.mergeRemoteChanges(() => store.remove([id]))
    for (const record of valid) {
      try {
        store.mergeRemoteChanges(() => store.put([record]))
        invalid.delete(record.id)
      } catch (error) {
        const failed = report(record.id, 'validation', error)
        if (!failed.ok) setAside(failed.report)
      }
    }
  }

  const applyFromDoc = (ids: Iterable<string>) => {
    const puts: TLRecord[] = []
    const removes: RecordId[] = []
    for (const id of ids) {
      const yRecord = getYRecord(records, id)
      const paths = pending.get(id)
      if (!yRecord) {
        invalid.delete(id)
        if (paths === 'all') continue // created locally and not written yet
        pending.delete(id)
        if (store.has(id as RecordId)) removes.push(id as RecordId)
        continue
      }
      if (paths && !store.has(id as RecordId)) continue // deleted locally, deletion not written yet
      // Both sides created the same deterministic id (page:page, document:document): the doc's wins, so
      // a client that created defaults before its first sync never resets an existing board's names.
      if (paths === 'all') pending.delete(id)
      const result = readRemote(id, yRecord)
      if (!result.ok) {
        setAside(result.report)
        continue
      }
      // Equal to the store's (validated) copy: valid, nothing to put. Otherwise commit validates it.
      if (!jsonEqual(store.get(id as RecordId), result.record)) puts.push(result.record)
      else invalid.delete(id)
    }
    if (puts.length > 0 || removes.length > 0) commit(puts, removes)
  }

  const onRecordsChanged = (events: Array<Y.YEvent<Y.AbstractType<unknown>>>, tr: Y.Transaction) => {
    if (tr.origin === localOrigin || tr.origin === maintenanceOrigin) return
    const ids = new Set<string>()
    for (const event of events) {
      if (event instanceof Y.YMapEvent && event.target === records)
        for (const key of event.keysChanged) ids.add(key)
      else if (typeof event.path[0] === 'string') ids.add(event.path[0])
    }
    applyFromDoc(ids)
    // Edits held back until the board existed in the doc can go now.
    if (pending.size > 0 && timer === undefined) schedule()
  }

  const refreshSchema = () => {
    docSchema = readDocSchema(schemaMap)
    status = compareDocSchema(ourSchema, docSchema)
  }

  const onSchemaChanged = (_event: Y.YMapEvent<unknown>, tr: Y.Transaction) => {
    if (tr.origin === maintenanceOrigin) return
    refreshSchema()
    // A schema change alters how every record must be read (migrated, or set aside as too new).
    applyFromDoc(records.keys())
  }

  // Before our first write the doc must be in our format, otherwise our schema would mislabel old records.
  const prepareDocForWriting = () => {
    if (status === 'same') return
    doc.transact(() => {
      if (status === 'older' && docSchema) {
        for (const [id, value] of records.entries()) {
          if (!(value instanceof Y.Map)) continue
          const migrated = store.schema.migratePersistedRecord(
            readYRecord(value) as unknown as TLRecord,
            docSchema,
            'up',
          )
          if (migrated.type === 'success')
            writeYRecord(records, id, migrated.value as unknown as JsonRecord, 'all')
        }
      }
      writeDocSchema(schemaMap, ourSchema)
    }, maintenanceOrigin)
    refreshSchema()
  }

  const flush = () => {
    if (timer !== undefined) clearTimeout(timer)
    timer = undefined
    if (pending.size === 0 || !canWrite()) return
    prepareDocForWriting()
    const batch = Array.from(pending)
    pending.clear()
    doc.transact(() => {
      for (const [id, paths] of batch) {
        const record = store.get(id as RecordId)
        if (record && includes(record)) writeYRecord(records, id, record as unknown as JsonRecord, paths)
        else if (records.has(id)) records.delete(id)
      }
    }, localOrigin)
  }

  // A newer doc would be corrupted by our older format, so edits stay pending while the app asks to
  // reload. Before the board exists in the doc (first sync or ensureBoardInitialised), tldraw's own
  // default page and document records would race the server's copies and could replace them.
  const canWrite = () => status !== 'newer' && (!waitForDocumentRecord || records.has(TLDOCUMENT_ID))

  const schedule = () => {
    if (throttleMs <= 0) flush()
    else if (timer === undefined) timer = setTimeout(flush, throttleMs)
  }

  const markChanged = (id: string, from: TLRecord | undefined, to: TLRecord | undefined) => {
    const paths = pending.get(id)
    if (paths === 'all') return
    if (!from || !to) {
      pending.set(id, 'all')
      return
    }
    const into = paths ?? new Set<string>()
    collectChangedPaths(from as unknown as JsonRecord, to as unknown as JsonRecord, into)
    pending.set(id, into)
  }

  const stopListening = store.listen(
    ({ changes }) => {
      for (const record of Object.values(changes.added)) markChanged(record.id, undefined, record)
      for (const [from, to] of Object.values(changes.updated)) markChanged(to.id, from, to)
      for (const record of Object.values(changes.removed)) markChanged(record.id, record, undefined)
      schedule()
    },
    { source: 'user', scope: 'document' },
  )

  applyFromDoc(records.keys())
  // Document records only this store has (e.g. the page tldraw's editor created on mount) are shared.
  for (const record of store.allRecords()) {
    if (documentTypes.has(record.typeName) && includes(record) && !records.has(record.id))
      pending.set(record.id, 'all')
  }
  if (pending.size > 0) schedule()
  records.observeDeep(onRecordsChanged)
  schemaMap.observe(onSchemaChanged)

  return {
    flush,
    undo: () => {
      flush()
      undoOneStep(undoManager, 'undo')
    },
    redo: () => {
      flush()
      undoOneStep(undoManager, 'redo')
    },
    canUndo: () => undoManager.canUndo() || (pending.size > 0 && canWrite()),
    canRedo: () => pending.size === 0 && undoManager.canRedo(),
    stopCapturing: () => {
      flush()
      undoManager.stopCapturing()
    },
    getInvalidRecords: () => Array.from(invalid.values()),
    getDocSchemaStatus: () => status,
    localOrigin,
    dispose: () => {
      if (disposed) return
      flush()
      disposed = true
      stopListening()
      records.unobserveDeep(onRecordsChanged)
      schemaMap.unobserve(onSchemaChanged)
      undoManager.destroy()
    },
  }
}
