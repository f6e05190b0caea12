import { type ServerResponse, STATUS_CODES } from 'node:http'
import type { Duplex } from 'node:stream'
import type { ApiErrorBody } from '@waardentafel/protocol'
import { AppError } from '../errors.ts'
import { sendJson } from './sendJson.ts'

/** The documented error for anything thrown; whatever is not an AppError is hidden behind INTERNAL (500). */
function asAppError(error: unknown): AppError {
  return error instanceof AppError ? error : new AppError('INTERNAL', 'internal error')
}

function errorBody(error: AppError): ApiErrorBody {
  return { error: { code: error.code, message: error.message } }
}

/**
 * The one place an error becomes an HTTP response (its status from `HttpErrors`, docs/protocol.md); unexpected
 * errors are hidden (the boundary that caught them logs them, `RefusalLog`). When the answer has already begun (a
 * file being streamed) or the client is gone, there is nothing left to answer: the connection is ended instead of
 * writing a second status line (which would throw).
 */
export function sendError(res: ServerResponse, error: unknown): void {
  const appError = asAppError(error)
  if (res.writableEnded || res.destroyed) return
  if (res.headersSent) {
    res.destroy()
    return
  }
  sendJson(res, appError.status, errorBody(appError))
}

/** The same answer on the raw socket of an upgrade that failed before the WebSocket handshake. */
export function refuseUpgrade(socket: Duplex, error: unknown): void {
  if (socket.destroyed || !socket.writable) return
  const appError = asAppError(error)
  const body = JSON.stringify(errorBody(appError))
  socket.end(
    `HTTP/1.1 ${appError.status} ${STATUS_CODES[appError.status] ?? 'Error'}\r\nConnection: close\r\n` +
      `Content-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  )
}
