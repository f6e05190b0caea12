import type { IncomingMessage } from 'node:http'
import { AppError } from '../errors.ts'

/** Reads a JSON body up to `limit` bytes; the result is `unknown` until a zod schema has parsed it. */
export async function readJsonBody(req: IncomingMessage, limit: number): Promise<unknown> {
  const declared = Number(req.headers['content-length'] ?? 0)
  if (declared > limit) throw new AppError('BODY_TOO_LARGE', `body larger than ${limit} bytes`)
  const chunks: Buffer[] = []
  let size = 0
  try {
    for await (const chunk of req) {
      size += (chunk as Buffer).length
      if (size > limit) throw new AppError('BODY_TOO_LARGE', `body larger than ${limit} bytes`)
      chunks.push(chunk as Buffer)
    }
  } catch (error) {
    if (error instanceof AppError) throw error
    // The stream fails only when the client goes away (or breaks the framing) mid-body: theirs, not ours.
    throw new AppError('BODY_ABORTED', 'the request body ended early')
  }
  const text = Buffer.concat(chunks).toString('utf8')
  if (text.trim() === '') throw new AppError('INVALID_BODY', 'empty body')
  try {
    return JSON.parse(text)
  } catch {
    throw new AppError('INVALID_BODY', 'body is not JSON')
  }
}
