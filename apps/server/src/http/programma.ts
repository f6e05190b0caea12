import type { ServerResponse } from 'node:http'
import {
  type BoardSnapshot,
  DOCUMENT_STATUSES,
  type DocumentOptions,
  exportFileName,
  programmaVanWaardenFromSnapshot,
  pvwToDocx,
  pvwToHtml,
  pvwToJson,
  pvwToMarkdown,
  pvwToPdf,
} from '@waardentafel/domain'
import { AppError } from '../errors.ts'
import { EXPORT_CONTENT_SECURITY_POLICY } from './requestGuards.ts'

const FORMATS = ['json', 'md', 'docx', 'html', 'pdf'] as const
type Format = (typeof FORMATS)[number]

/** What the document says beyond the board: the kwaliteitstoets annex on request, and the cover's status. */
export type ProgrammaOptions = { kwaliteitstoets?: boolean; status?: string | null; now?: () => number }

/** The document's file name: `Programma van Waarden - <board> <yyyy-mm-dd>.<ext>` (the domain's rule for the rest). */
function fileName(title: string, datum: string, ext: string): string {
  return `Programma van Waarden - ${exportFileName(title, datum, ext)}`
}

/**
 * Answers the Programma van Waarden of a board snapshot in the asked format. Markdown, Word and PDF are attachments;
 * HTML is shown (the app opens it to print as PDF) unless `download` asks for an attachment, and runs under a CSP
 * that allows its inline styles and embedded images and nothing else — no script, whatever a board's text holds.
 */
export async function sendProgramma(
  res: ServerResponse,
  snapshot: BoardSnapshot,
  format: string | null,
  download = false,
  options: ProgrammaOptions = {},
): Promise<void> {
  const chosen = (format ?? 'json') as Format
  if (!FORMATS.includes(chosen))
    throw new AppError('BAD_REQUEST', `format must be one of ${FORMATS.join(', ')}`)
  const result = programmaVanWaardenFromSnapshot(snapshot)
  if (!result.ok) throw new Error(`snapshot of board ${snapshot.board.id} unreadable: ${result.error.code}`)
  const { pvw } = result
  // The domain reads no clock: the document is dated by the server's.
  const datum = new Date((options.now ?? Date.now)()).toISOString().slice(0, 10)
  const status = DOCUMENT_STATUSES.find((s) => s === options.status)
  const document: DocumentOptions = {
    datum,
    kwaliteitstoets: options.kwaliteitstoets === true,
    ...(status ? { status } : {}),
  }
  let body: string | Uint8Array
  let type: string
  switch (chosen) {
    case 'json':
      body = pvwToJson(pvw)
      type = 'application/json; charset=utf-8'
      break
    case 'md':
      body = pvwToMarkdown(pvw, document)
      type = 'text/markdown; charset=utf-8'
      break
    case 'html':
      body = pvwToHtml(pvw, document)
      type = 'text/html; charset=utf-8'
      break
    case 'docx':
      body = await pvwToDocx(pvw, document)
      type = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
      break
    case 'pdf':
      body = await pvwToPdf(pvw, document)
      type = 'application/pdf'
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
    const name = fileName(snapshot.board.title, datum, chosen)
    const disposition = chosen === 'html' && !download ? 'inline' : 'attachment'
    // An ASCII fallback for old clients, the real name (letters of any script) as RFC 5987 UTF-8.
    const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_')
    headers['content-disposition'] =
      `${disposition}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`
  }
  res.writeHead(200, headers)
  res.end(bytes)
}
