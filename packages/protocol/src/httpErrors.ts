/**
 * Error codes of the HTTP API, with their status. Bodies look like `{ "error": { "code", "message" } }`.
 */
export const HttpErrors = {
  BAD_REQUEST: 400,
  INVALID_BODY: 400,
  BODY_TOO_LARGE: 413,
  ORGANISER_KEY_REQUIRED: 401,
  TOKEN_MISSING: 401,
  TOKEN_INVALID: 401,
  TOKEN_EXPIRED: 410,
  TOKEN_WRONG_BOARD: 403,
  TOKEN_REVOKED: 403,
  FORBIDDEN: 403,
  BOARD_NOT_FOUND: 404,
  ROUND_NOT_FOUND: 404,
  SESSION_NOT_FOUND: 404,
  ROUND_CLOSED: 409,
  PARTICIPANT_KEY_UNKNOWN: 403,
  PARTICIPANT_KEY_LIMIT: 409,
  PARTICIPANT_KEY_RATE_LIMITED: 429,
  NOT_FOUND: 404,
  /** No board has this join code now (never issued, expired with its link, or the participant links revoked). */
  JOIN_CODE_UNKNOWN: 404,
  METHOD_NOT_ALLOWED: 405,
  /** HTTP rate limits and organiser quotas (docs/operations.md); 429 and 503 come with `Retry-After`. */
  RATE_LIMITED: 429,
  QUOTA_BOARDS: 403,
  QUOTA_STORAGE: 413,
  IMPORT_TOO_MANY_RECORDS: 413,
  IMPORT_BUSY: 503,
  BODY_TIMEOUT: 408,
  /** The request target or a header is not well-formed (bad %-encoding, NUL, repeated query key, bad Host). */
  MALFORMED_REQUEST: 400,
  /** The client went away before its body was read in full. */
  BODY_ABORTED: 400,
  /** A state-changing request (not GET/HEAD/OPTIONS) without `Content-Type: application/json`. */
  UNSUPPORTED_MEDIA_TYPE: 415,
  /** A state-changing request whose `Origin` is neither this server nor in `ALLOWED_ORIGINS`. */
  ORIGIN_FORBIDDEN: 403,
  /** Organisers (issue #17): a route for signed-in organisers, asked without a valid session cookie. */
  SIGN_IN_REQUIRED: 401,
  /** A wrong name or password, or an OpenID Connect answer that does not check out. */
  SIGN_IN_FAILED: 401,
  /** A state-changing request of a signed-in organiser without the session's CSRF token. */
  CSRF_FAILED: 403,
  /** Not there, or not visible to this organiser (the same answer, so membership does not leak). */
  WORKSPACE_NOT_FOUND: 404,
  PROJECT_NOT_FOUND: 404,
  /** The request conflicts with the current state (a name in use, a board already archived or deleted, …). */
  CONFLICT: 409,
  /** An archived board is read-only until it is restored. */
  BOARD_ARCHIVED: 409,
  /** Assets (issue #18). */
  ASSET_NOT_FOUND: 404,
  ASSET_TOO_LARGE: 413,
  /** The bytes are not an image or PDF the server takes (checked by content, not by name). */
  ASSET_TYPE_UNSUPPORTED: 415,
  /** Versions of the Programma van Waarden (issue #19): no such version of this board. */
  VERSION_NOT_FOUND: 404,
  /** The version is vastgesteld (immutable): it takes no signature and no second vaststelling. */
  VERSION_CLOSED: 409,
  /** This device (ballot key) already signed this version. */
  ALREADY_SIGNED: 409,
  /** Signing needs the device's ballot key in `X-Participant-Key`. */
  PARTICIPANT_KEY_REQUIRED: 400,
  INTERNAL: 500,
} as const

export type HttpErrorCode = keyof typeof HttpErrors

export type ApiErrorBody = { error: { code: HttpErrorCode; message: string } }
