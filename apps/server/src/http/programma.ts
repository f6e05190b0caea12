import type { ServerResponse } from 'node:http'
import {
  type BoardSnapshot,
  programmaVanWaardenFromSnapshot,
  pvwToDocx,
  pvwToHtml,
  pvwToJson,
  pvwToMarkdown,
} from '@waardentafel/domain'
import { AppError } from '../errors.ts'
import { EXPORT_CONTENT_SECURITY_POLICY } from './requestGuards.ts'

const FORMATS = ['json', 'md', 'docx', 'html'] as const
type Format = (typeof FORMATS)[number]

function fileName(title: string, ext: string): string {
  const safe =
    title
      .replace(/[^\p{L}\p{N} _-]+/gu, '')
      .trim()
      .slice(0, 80) || 'bord'
  return `Programma van Waarden - ${safe}.${ext}`
}

/**
 * Answers the Programma van Waarden of a board snapshot in the asked format. Markdown and Word are attachments;
 * HTML is shown (the app opens it to print as PDF) unless `download` asks for an attachment, and runs under a CSP
 * that allows its inline styles and embedded images and nothing else — no script, whatever a board's text holds.
 */
export async function sendProgramma(
  res: ServerResponse,
  snapshot: BoardSnapshot,
  format: string | null,
  download = false,
): Promise<void> {
  const chosen = (format ?? 'json') as Format
  if (!FORMATS.includes(chosen))
    throw new AppError('BAD_REQUEST', `format must be one of ${FORMATS.join(', ')}`)
  const result = programmaVanWaardenFromSnapshot(snapshot)
  if (!result.ok) throw new Error(`snapshot of board ${snapshot.board.id} unreadable: ${result.error.code}`)
  const { pvw } = result
  let body: string | Uint8Array
  let type: string
  switch (chosen) {
    case 'json':
      body = pvwToJson(pvw)
      type = 'application/json; charset=utf-8'
      break
    case 'md':
      body = pvwToMarkdown(pvw)
      type = 'text/markdown; charset=utf-8'
      break
    case 'html':
      body = pvwToHtml(pvw)
      type = 'text/html; charset=utf-8'
      break
    case 'docx':
      body = await pvwToDocx(pvw)
      type = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
      break
  }
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : Buffer.from(body)
  const headers: Record<string, string | number> = {
    'content-type': type,
    'content-length': bytes.byteLength,
    'cache-control': 'no-store',
  }
  if (chosen === 'html') headers['content-security-policy'] = EXPORT_CONTENT_SECURITY_POLICY
  if (chosen !== 'json' || download) {
    const name = fileName(snapshot.board.title, chosen)
    const disposition = chosen === 'html' && !download ? 'inline' : 'attachment'
    // An ASCII fallback for old clients, the real name (letters of any script) as RFC 5987 UTF-8.
    const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_')
    headers['content-disposition'] =
      `${disposition}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`
  }
  res.writeHead(200, headers)
  res.end(bytes)
}
