/** Why a storage call failed, for the callers that tell the cases apart. */
export type StorageErrorCode =
  /** A board-scoped write named a board that does not exist. */
  | 'unknown-board'
  /** A configuration the adapter refuses (e.g. a PostgreSQL schema name that is not a plain identifier). */
  | 'invalid-config'

/** A failure the storage layer itself detects; driver errors (I/O, constraint violations) pass through as they are. */
export class StorageError extends Error {
  readonly code: StorageErrorCode

  constructor(code: StorageErrorCode, message: string) {
    super(message)
    this.name = 'StorageError'
    this.code = code
  }
}
