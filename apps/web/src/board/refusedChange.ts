import { CloseCodes } from '@waardentafel/protocol'
import type { DroppedChange } from './recoverLocalChanges.ts'

/**
 * Close codes by which the server refuses one of this device's changes for its content or size: 4409 (a lock,
 * server-only state), 4413 (too large) and 1009 (so large that the `ws` library cut it before the server read it;
 * not final in the close-code table, so the stock client would send it again forever). The change is in the local
 * copy, so reconnecting would send it again: the board restarts from the server's copy instead (useSyncedStore).
 */
export const REFUSED_CHANGE_CODES: ReadonlySet<number> = new Set([
  CloseCodes.REFUSED_CHANGE.code,
  CloseCodes.MESSAGE_TOO_LARGE.code,
  1009,
])

/**
 * Whether a close refused one of this device's document changes. A 4413 for presence (`AWARENESS_TOO_LARGE`) is not
 * one: the document is fine, and restarting it from the server's copy would not change what presence sends.
 */
export function isRefusedChange(code: number, reason: string): boolean {
  return REFUSED_CHANGE_CODES.has(code) && !reason.startsWith('AWARENESS_')
}

/** What the person is told after a refused change: why, what was left out, and how much else was kept. */
export type RefusalReport = {
  /** Counts refusals in this page's life, so a new one shows again after the last was dismissed. */
  seq: number
  code: number
  reason: string
  dropped: DroppedChange[]
  /** Other unsynced changes made again on the fresh copy. */
  kept: number
  /** False when the device's other unsynced changes could not be kept (a repeated refusal). */
  recovered: boolean
}
