import type { HttpErrorCode } from '@waardentafel/protocol'
import type { Logger } from 'pino'
import { AppError } from '../errors.ts'
import type { LogThrottle } from './LogThrottle.ts'

/** Bad input worth a line (someone is probing, or a client is broken), at warn: never a stack. */
const WARN: ReadonlySet<HttpErrorCode> = new Set<HttpErrorCode>([
  'MALFORMED_REQUEST',
  'UNSUPPORTED_MEDIA_TYPE',
  'ORIGIN_FORBIDDEN',
])
/** Mostly a network going away mid-request: only at debug. */
const DEBUG: ReadonlySet<HttpErrorCode> = new Set<HttpErrorCode>(['BODY_ABORTED'])

type Level = 'debug' | 'info' | 'warn' | 'error'

/**
 * The one place the error boundaries (HTTP requests, upgrades, sockets, frames) log what they caught. Bad input
 * is logged at warn or debug without a stack, unexpected errors at error with one; either way at most one line
 * per kind and client address per interval (LogThrottle), with the count of lines left out (`suppressed`).
 * Refusals that are part of normal use (an expired link, an unknown board) are answered with their code and not
 * logged here.
 */
export class RefusalLog {
  readonly #log: Logger
  readonly #throttle: LogThrottle

  constructor(log: Logger, throttle: LogThrottle) {
    this.#log = log
    this.#throttle = throttle
  }

  /** Logs what an error boundary caught (if it is worth a line). */
  report(error: unknown, address: string, where: string, context: Record<string, unknown> = {}): void {
    if (error instanceof AppError) {
      const level = WARN.has(error.code) ? 'warn' : DEBUG.has(error.code) ? 'debug' : null
      if (level) this.note(level, error.code, address, `${where}: ${error.message}`, { where, ...context })
      return
    }
    this.note('error', 'INTERNAL', address, `${where} failed`, { where, err: error, ...context })
  }

  /** One throttled line of `kind` for `address`. */
  note(level: Level, kind: string, address: string, message: string, context: Record<string, unknown> = {}) {
    if (!this.#log.isLevelEnabled(level)) return
    const decision = this.#throttle.take(kind, address)
    if (!decision.log) return
    this.#log[level]({ code: kind, address, suppressed: decision.suppressed, ...context }, message)
  }
}
