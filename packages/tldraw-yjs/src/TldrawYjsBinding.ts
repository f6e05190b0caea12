import type { DocSchemaStatus } from './docSchema.ts'

/** Why a record from the doc was kept out of the store. */
export type InvalidRecordReason = 'validation' | 'migration' | 'newer-schema'

/** A record from the doc that was set aside instead of being put into the store. */
export interface InvalidRecordReport {
  id: string
  reason: InvalidRecordReason
  error: Error
}

/** The live connection between one tldraw store and one Y.Doc, returned by `bindTldrawStoreToYDoc`. */
export interface TldrawYjsBinding {
  /** Writes pending local changes to the doc now instead of at the end of the throttle window. */
  flush(): void
  /** Reverts this client's last undo step; other clients' later edits are kept. */
  undo(): void
  redo(): void
  canUndo(): boolean
  canRedo(): boolean
  /** Starts a new undo step; call it at every tldraw history mark. */
  stopCapturing(): void
  /** Records currently set aside, most recent report per id. */
  getInvalidRecords(): InvalidRecordReport[]
  /** 'newer' means the doc was written by a newer app version: the app should ask the user to reload. */
  getDocSchemaStatus(): DocSchemaStatus
  /** Transaction origin of this binding's writes, e.g. to tell them apart in `doc.on('update')`. */
  readonly localOrigin: object
  /** Flushes pending writes and removes every listener. Safe to call twice. */
  dispose(): void
}
