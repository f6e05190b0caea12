export {
  type BindPresenceOptions,
  bindPresence,
  PRESENCE_FIELD,
  type PresenceBinding,
} from './bindPresence.ts'
export {
  type BindTldrawStoreToYDocOptions,
  bindTldrawStoreToYDoc,
  DEFAULT_THROTTLE_MS,
} from './bindTldrawStoreToYDoc.ts'
export type { DocRecords } from './docRecords.ts'
export { readDocRecords, writeDocRecords } from './docRecords.ts'
export type { DocSchemaStatus } from './docSchema.ts'
export { DEFAULT_PAGE_ID, ensureBoardInitialised } from './ensureBoardInitialised.ts'
export type { InvalidRecordReason, InvalidRecordReport, TldrawYjsBinding } from './TldrawYjsBinding.ts'
export { RECORDS_MAP_NAME, SCHEMA_MAP_NAME } from './yMapNames.ts'
