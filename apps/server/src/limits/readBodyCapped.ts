import type { IncomingMessage, ServerResponse } from 'node:http'
import { AppError } from '../errors.ts'

/**
 * Reads a request body as the chunks it arrived in (not joined: an import's body goes on to the import process
 * as it is, and joining 5 MB took the event loop for 15 ms), refusing it the moment it passes `limit` bytes (413) or has not arrived within
 * `timeoutMs` (408, so a slow sender cannot hold an import slot), at the pace `pace` sets. On refusal the rest is never read: the answer
 * says `Connection: close`, and Node closes the connection once it is sent.
 */
export function readBodyCapped(
  req: IncomingMessage,
  res: ServerResponse,
  limit: number,
  timeoutMs: number,
  /** Returns how long to wait (ms) after these bytes before reading on; bodies read at once cannot pile up. */
  pace?: (bytes: number) => number,
): Promise<Buffer[]> {
  const tooLarge = () => new AppError('BODY_TOO_LARGE', `body larger than ${limit} bytes`)
  if (Number(req.headers['content-length'] ?? 0) > limit) {
    res.setHeader('connection', 'close')
    return Promise.reject(tooLarge())
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    let resumeTimer: NodeJS.Timeout | undefined
    const cleanup = () => {
      clearTimeout(timer)
      clearTimeout(resumeTimer)
      req.off('data', onData)
      req.off('end', onEnd)
      req.off('close', onClose)
      req.off('error', onClose)
    }
    const fail = (error: AppError) => {
      cleanup()
      req.pause()
      res.setHeader('connection', 'close')
      reject(error)
    }
    const onData = (chunk: Buffer) => {
      size += chunk.length
      if (size > limit) return fail(tooLarge())
      chunks.push(chunk)
      const wait = pace?.(chunk.length) ?? 0
      if (wait > 0) {
        req.pause()
        resumeTimer = setTimeout(() => req.resume(), wait)
      }
    }
    const onEnd = () => {
      cleanup()
      resolve(chunks)
    }
    const onClose = () => {
      if (!req.complete) fail(new AppError('BODY_ABORTED', 'the request body ended early'))
    }
    const timer = setTimeout(
      () => fail(new AppError('BODY_TIMEOUT', `the body did not arrive within ${timeoutMs} ms`)),
      timeoutMs,
    )
    req.on('data', onData)
    req.on('end', onEnd)
    req.on('close', onClose)
    req.on('error', onClose)
  })
}
