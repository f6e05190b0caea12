import type { TLRecord } from 'tldraw'

/** A participant's note made in private mode: kept in a local-only doc on their device until the reveal. */
export function isPrivateRecord(record: TLRecord | undefined): boolean {
  return (record as { meta?: { private?: unknown } } | undefined)?.meta?.private === true
}
