import { existsSync } from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Readable } from 'node:stream'
import sirv from 'sirv'
import { AppError } from '../errors.ts'
import { sendError } from './handleError.ts'

/** Answers a request for the web app; `onError` hears of a file that failed while it was being sent. */
export type StaticFiles = (
  req: IncomingMessage,
  res: ServerResponse,
  onError: (error: unknown) => void,
) => void

/** The built web app in `webDist`, or — without one (tests, headless use) — a 404 that says so. */
export function staticFiles(webDist: string): StaticFiles {
  if (!existsSync(webDist)) {
    return (_req, res) => sendError(res, new AppError('NOT_FOUND', 'web app not built'))
  }
  const serve = sirv(webDist, { single: true, etag: true, gzip: false })
  return (req, res, onError) =>
    serve(withSafeRange(req), withStreamErrors(res, onError), () =>
      sendError(res, new AppError('NOT_FOUND', 'not found')),
    )
}

/**
 * sirv pipes a file into the response without listening for the file's errors: one that disappeared since the
 * server started (a new build put in place) would throw from the stream and end the process. The answer has begun
 * by then, so the connection is cut and the error reported.
 */
function withStreamErrors(res: ServerResponse, onError: (error: unknown) => void): ServerResponse {
  res.once('pipe', (source: Readable) =>
    source.once('error', (error) => {
      onError(error)
      res.destroy()
    }),
  )
  return res
}

/**
 * sirv answers a `Range` it cannot satisfy (start after end) by throwing from `fs.createReadStream` after it wrote
 * the status line; the app never asks for ranges, so anything but one well-formed range is dropped.
 */
function withSafeRange(req: IncomingMessage): IncomingMessage {
  const range = req.headers.range
  if (range === undefined) return req
  const match = /^bytes=(\d{1,15})-(\d{0,15})$/.exec(range)
  if (!match || (match[2] !== '' && Number(match[2]) < Number(match[1]))) delete req.headers.range
  return req
}
