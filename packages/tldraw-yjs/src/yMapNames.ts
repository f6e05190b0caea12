/** Top-level Y.Map holding one nested Y.Map per document-scoped tldraw record, keyed by record id. */
export const RECORDS_MAP_NAME = 'records'

/** Top-level Y.Map holding the serialized tldraw schema (`schemaVersion`, `sequences`) of the last writer. */
export const SCHEMA_MAP_NAME = 'schema'

/** Record fields stored as nested Y.Maps so that concurrent edits to different keys merge. */
export const NESTED_FIELDS: ReadonlySet<string> = new Set(['props', 'meta'])
