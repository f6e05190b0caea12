import type { CloseCodeName, HttpErrorCode } from '@waardentafel/protocol'
import { CloseCodes, HttpErrors } from '@waardentafel/protocol'

/** A refusal with a documented code; converted to an HTTP body or a close code at the boundary. */
export class AppError extends Error {
  readonly code: HttpErrorCode
  constructor(code: HttpErrorCode, message: string) {
    super(message)
    this.code = code
  }
  get status(): number {
    return HttpErrors[this.code]
  }
}

const closeNameByHttpCode: Partial<Record<HttpErrorCode, CloseCodeName>> = {
  TOKEN_MISSING: 'UNAUTHORIZED',
  TOKEN_INVALID: 'UNAUTHORIZED',
  TOKEN_EXPIRED: 'TOKEN_EXPIRED',
  TOKEN_WRONG_BOARD: 'FORBIDDEN',
  TOKEN_REVOKED: 'FORBIDDEN',
  FORBIDDEN: 'FORBIDDEN',
  BOARD_NOT_FOUND: 'BOARD_NOT_FOUND',
  MALFORMED_REQUEST: 'BAD_MESSAGE',
}

/** The WebSocket close code for a refusal; anything unexpected is a transient internal error. */
export function closeCodeFor(error: unknown): { code: number; reason: string } {
  if (error instanceof AppError) {
    const name = closeNameByHttpCode[error.code] ?? 'INTERNAL_ERROR'
    return { code: CloseCodes[name].code, reason: error.code }
  }
  return { code: CloseCodes.INTERNAL_ERROR.code, reason: 'INTERNAL' }
}
