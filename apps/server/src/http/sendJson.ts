import type { ServerResponse } from 'node:http'
import type { ApiErrorBody } from '@waardentafel/protocol'
import { AppError } from '../errors.ts'

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body)
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
  })
  res.end(text)
}

/**
 * The one place an error becomes an HTTP response; unexpected errors are logged and hidden. When the answer has
 * already begun (a file being streamed) or the client is gone, there is nothing left to answer: the connection
 * is ended instead of writing a second status line (which would throw).
 */
export function sendError(res: ServerResponse, error: unknown, log: (error: unknown) => void): void {
  const appError = error instanceof AppError ? error : new AppError('INTERNAL', 'internal error')
  if (!(error instanceof AppError)) log(error)
  if (res.writableEnded || res.destroyed) return
  if (res.headersSent) {
    res.destroy()
    return
  }
  const body: ApiErrorBody = { error: { code: appError.code, message: appError.message } }
  sendJson(res, appError.status, body)
}
