/** The kinds of HTTP request that have budgets of their own (see `requestKind`). */
export type RequestKind = 'create' | 'import' | 'join' | 'read' | 'write' | 'static'

/**
 * Requests allowed per minute: per client address, per link (token) when the request carries one, and per instance
 * in all (creation and import on an instance without an organiser key: a flood spread over many addresses).
 */
export type Budget = { perAddress: number; perLink: number | null; perInstance?: number | null }

export type LimitsConfig = {
  /** Off only where every client is trusted (tests, a laptop); quotas and import limits still apply. */
  rateLimits: boolean
  rates: Record<RequestKind, Budget>
  /** Wrong join codes per address per minute, against guessing; right codes are not counted here. */
  joinCodeMissesPerAddress: number
  /** Boards one organiser may have (null: no quota). */
  quotaBoards: number | null
  /** Bytes of stored documents and sessions one organiser's boards may hold (null: no quota). */
  quotaStorageBytes: number | null
  maxImportRecords: number
  /** Imports parsed at once, each in a process of its own. */
  importConcurrency: number
  /** Imports admitted at once (receiving their body, waiting for a thread, or being parsed); more get 503. */
  importMaxPending: number
  /** An import's body must have arrived within this time (408 after). */
  importBodyTimeoutMs: number
  /** Heap limit of an import process: an import that needs more fails alone (413) instead of taking the machine. */
  importWorkerHeapMb: number
}
