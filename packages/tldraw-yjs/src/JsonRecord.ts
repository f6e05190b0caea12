/** A record as plain JSON: what goes into and comes out of the Y.Doc before tldraw validates it. */
export type JsonRecord = { [key: string]: unknown }

export function isJsonRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
