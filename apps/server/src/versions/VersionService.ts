import { createHash } from 'node:crypto'
import type { ServerResponse } from 'node:http'
import {
  type BoardSnapshot,
  type DocumentOptions,
  exportFileName,
  type ProgrammaVanWaarden,
  programmaVanWaardenFromSnapshot,
  programmaVanWaardenSchema,
  pvwToDocx,
  pvwToHtml,
  pvwToJson,
  pvwToMarkdown,
  pvwToPdf,
} from '@waardentafel/domain'
import {
  adoptedBy,
  beoogdeOndertekenaars,
  compareProgrammas,
  intentieverklaringTekst,
  isZelfstandig,
  type ProgrammaComparison,
  pvwWithSignatures,
  signerName,
  type Vaststelling,
  type VersionSignature,
  versionBlocks,
  versionLabel,
} from '@waardentafel/domain/versions'
import {
  VERSION_DOCUMENT_FORMATS,
  type VersionDetail,
  type VersionSignatureJson,
  type VersionSummary,
} from '@waardentafel/protocol'
import { AppError } from '../errors.ts'
import { EXPORT_CONTENT_SECURITY_POLICY } from '../http/requestGuards.ts'
import { checkKey, hashParticipantKey } from '../rounds/ballots.ts'
import type { BoardRecord, BoardStore } from '../storage/ports/BoardStore.ts'
import type {
  StoredSignature,
  StoredVersion,
  VersionRow,
  VersionStore,
} from '../storage/ports/VersionStore.ts'

export type VersionServiceDeps = {
  versions: VersionStore
  /** Checks that a ballot key was issued for the board (signing is one signature per key and version). */
  keys: Pick<BoardStore, 'issueParticipantKey' | 'hasParticipantKey'>
  /** The live board as a snapshot: what a version freezes, and the concept to compare with. */
  snapshot: (board: BoardRecord) => Promise<BoardSnapshot>
  now: () => number
}

type Format = (typeof VERSION_DOCUMENT_FORMATS)[number]
type Side = { pvw: ProgrammaVanWaarden; signatures?: VersionSignature[] }

const day = (at: number) => new Date(at).toISOString().slice(0, 10)

/** A version number from the path; anything else is no version of this board. */
export function parseNumber(raw: string): number {
  if (!/^[1-9][0-9]{0,5}$/.test(raw)) throw new AppError('VERSION_NOT_FOUND', `no version ${raw}`)
  return Number(raw)
}

function pvwOf(boardId: string, snapshot: BoardSnapshot): ProgrammaVanWaarden {
  const result = programmaVanWaardenFromSnapshot(snapshot)
  if (!result.ok) throw new Error(`snapshot of board ${boardId} unreadable: ${result.error.code}`)
  return result.pvw
}

const publicSignature = ({ keyHash: _k, signedAt: _s, ...s }: StoredSignature): VersionSignatureJson => s

const summary = (row: VersionRow): VersionSummary => ({
  number: row.number,
  status: row.status,
  createdAt: row.createdAt,
  vaststelling: row.vaststelling,
  signatures: row.signatures,
})

/** The headers of an attachment named `name` (ASCII fallback plus the real name as RFC 5987 UTF-8). */
function disposition(kind: 'inline' | 'attachment', name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_')
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`
}

/**
 * Versions of a board's Programma van Waarden (issue #19): freezing the live programme as a numbered version
 * 'ter vaststelling', its vaststelling, the intentieverklaring's signatures from participants' own devices, the
 * version's document in every format, comparing two versions (or one with the live concept) and the Woo/Archiefwet
 * export. Who may do which is in the route table; what may happen in which state is checked here and in storage.
 */
export class VersionService {
  readonly #deps: VersionServiceDeps

  constructor(deps: VersionServiceDeps) {
    this.#deps = deps
  }

  async list(boardId: string): Promise<VersionSummary[]> {
    return (await this.#deps.versions.listVersions(boardId)).map(summary)
  }

  async freeze(board: BoardRecord, intentieverklaring: string | undefined): Promise<VersionSummary> {
    const snapshot = await this.#deps.snapshot(board)
    const pvw = pvwOf(board.id, snapshot)
    const createdAt = this.#deps.now()
    const number = await this.#deps.versions.createVersion(board.id, {
      createdAt,
      // Empty: the handreiking's template, filled in for this version when read (it names the version's number).
      intentieverklaring: intentieverklaring ?? '',
      pvw: JSON.stringify(pvw),
      snapshot: JSON.stringify(snapshot),
    })
    return { number, status: 'ter vaststelling', createdAt, vaststelling: null, signatures: 0 }
  }

  async #stored(boardId: string, number: number): Promise<StoredVersion & { frozen: ProgrammaVanWaarden }> {
    const version = await this.#deps.versions.getVersion(boardId, number)
    if (!version) throw new AppError('VERSION_NOT_FOUND', `no version ${number}`)
    // Parsed with today's schema, so a version frozen before a field existed reads with that field's default.
    const frozen = programmaVanWaardenSchema.parse(JSON.parse(version.pvw))
    return { ...version, frozen }
  }

  async #full(boardId: string, number: number) {
    const version = await this.#stored(boardId, number)
    const [signatures, history] = await Promise.all([
      this.#deps.versions.listSignatures(boardId, number),
      this.#deps.versions.listEvents(boardId, number),
    ])
    const tekst = version.intentieverklaring || intentieverklaringTekst(version.frozen, number)
    return { version, signatures, history, tekst }
  }

  async detail(boardId: string, number: number, key: string | null): Promise<VersionDetail> {
    const { version, signatures, history, tekst } = await this.#full(boardId, number)
    const mine = key ? hashParticipantKey(key) : null
    return {
      number,
      status: version.status,
      createdAt: version.createdAt,
      vaststelling: version.vaststelling,
      signatures: signatures.length,
      intentieverklaring: tekst,
      beoogd: beoogdeOndertekenaars(version.frozen),
      signatureList: signatures.map(publicSignature),
      history,
      signedByMe: mine !== null && signatures.some((s) => s.keyHash === mine),
      pvw: pvwWithSignatures(version.frozen, signatures),
    }
  }

  async adopt(boardId: string, number: number, vaststelling: Vaststelling): Promise<VersionSummary> {
    const at = this.#deps.now()
    const result = await this.#deps.versions.adoptVersion(
      boardId,
      number,
      vaststelling,
      at,
      `Vastgesteld op ${vaststelling.datum} door ${adoptedBy(vaststelling)}`,
    )
    if (result === 'not-found') throw new AppError('VERSION_NOT_FOUND', `no version ${number}`)
    if (result === 'closed') throw new AppError('VERSION_CLOSED', `version ${number} is already vastgesteld`)
    const row = (await this.#deps.versions.listVersions(boardId)).find((v) => v.number === number)
    if (!row) throw new AppError('VERSION_NOT_FOUND', `no version ${number}`)
    return summary(row)
  }

  async sign(
    boardId: string,
    number: number,
    key: string | null,
    body: { name: string; organisation: string; mandate: string; partij?: string | undefined },
  ): Promise<VersionSignatureJson> {
    if (!key)
      throw new AppError('PARTICIPANT_KEY_REQUIRED', 'signing needs this device’s key in X-Participant-Key')
    const keyHash = await checkKey(this.#deps.keys, boardId, key)
    const version = await this.#stored(boardId, number)
    const partij = body.partij?.trim() || body.organisation
    const at = this.#deps.now()
    const signature: StoredSignature = {
      keyHash,
      name: body.name,
      organisation: body.organisation,
      mandate: body.mandate,
      partij,
      zelfstandig: isZelfstandig(version.frozen, partij),
      datum: day(at),
      signedAt: at,
    }
    const event = `Getekend door ${signerName(signature)}${partij !== body.organisation ? ` namens ${partij}` : ''}`
    const result = await this.#deps.versions.addSignature(boardId, number, signature, event)
    if (result === 'not-found') throw new AppError('VERSION_NOT_FOUND', `no version ${number}`)
    if (result === 'closed') throw new AppError('VERSION_CLOSED', `version ${number} is vastgesteld`)
    if (result === 'already-signed')
      throw new AppError('ALREADY_SIGNED', 'this device already signed this version')
    return publicSignature(signature)
  }

  async #side(board: BoardRecord, raw: string): Promise<Side> {
    if (raw === 'concept') return { pvw: pvwOf(board.id, await this.#deps.snapshot(board)) }
    const number = parseNumber(raw)
    const version = await this.#stored(board.id, number)
    return { pvw: version.frozen, signatures: await this.#deps.versions.listSignatures(board.id, number) }
  }

  async compare(board: BoardRecord, from: string | null, to: string | null): Promise<ProgrammaComparison> {
    if (!from) throw new AppError('BAD_REQUEST', 'compare needs ?from=<number|concept>&to=<number|concept>')
    const [before, after] = await Promise.all([this.#side(board, from), this.#side(board, to ?? 'concept')])
    return compareProgrammas(before, after)
  }

  /** The version's document: the programme as its signatures make it, its number and status on the cover. */
  async #render(board: BoardRecord, number: number, format: Format, kwaliteitstoets: boolean) {
    const { version, signatures, history, tekst } = await this.#full(board.id, number)
    const pvw = pvwWithSignatures(version.frozen, signatures)
    const datum = version.vaststelling?.datum ?? day(version.createdAt)
    const options: DocumentOptions = {
      datum,
      versie: versionLabel(number),
      status: version.status,
      kwaliteitstoets,
      afterParts: versionBlocks({
        number,
        status: version.status,
        intentieverklaring: tekst,
        beoogd: beoogdeOndertekenaars(version.frozen),
        signatures,
        vaststelling: version.vaststelling,
        history,
      }),
    }
    const name = `Programma van Waarden - ${exportFileName(`${board.title} ${versionLabel(number)}`, datum, format)}`
    switch (format) {
      case 'json':
        return {
          name,
          type: 'application/json; charset=utf-8',
          body: pvwToJson(pvw),
          version,
          signatures,
          history,
        }
      case 'md':
        return {
          name,
          type: 'text/markdown; charset=utf-8',
          body: pvwToMarkdown(pvw, options),
          version,
          signatures,
          history,
        }
      case 'html':
        return {
          name,
          type: 'text/html; charset=utf-8',
          body: pvwToHtml(pvw, options),
          version,
          signatures,
          history,
        }
      case 'docx':
        return {
          name,
          type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
          body: await pvwToDocx(pvw, options),
          version,
          signatures,
          history,
        }
      case 'pdf':
        return {
          name,
          type: 'application/pdf',
          body: await pvwToPdf(pvw, options),
          version,
          signatures,
          history,
        }
    }
  }

  async sendDocument(
    res: ServerResponse,
    board: BoardRecord,
    number: number,
    format: string | null,
    kwaliteitstoets: boolean,
  ): Promise<void> {
    const chosen = (format ?? 'pdf') as Format
    if (!VERSION_DOCUMENT_FORMATS.includes(chosen))
      throw new AppError('BAD_REQUEST', `format must be one of ${VERSION_DOCUMENT_FORMATS.join(', ')}`)
    const doc = await this.#render(board, number, chosen, kwaliteitstoets)
    const bytes = Buffer.from(doc.body)
    res.writeHead(200, {
      'content-type': doc.type,
      'content-length': bytes.byteLength,
      'cache-control': 'no-store',
      'content-disposition': disposition(chosen === 'html' ? 'inline' : 'attachment', doc.name),
      ...(chosen === 'html' ? { 'content-security-policy': EXPORT_CONTENT_SECURITY_POLICY } : {}),
    })
    res.end(bytes)
  }

  /**
   * Woo/Archiefwet: a vastgestelde version as one JSON record — the version (dates, vaststelling, intentieverklaring,
   * signatures, history), every version of the board with its history (the audit of freezes), the programme's data
   * and the PDF itself (base64, with its SHA-256).
   */
  async sendArchive(res: ServerResponse, board: BoardRecord, number: number): Promise<void> {
    const doc = await this.#render(board, number, 'pdf', false)
    if (doc.version.status !== 'vastgesteld')
      throw new AppError(
        'CONFLICT',
        `version ${number} is not vastgesteld yet: only adopted versions are archived`,
      )
    const pdf = Buffer.from(doc.body)
    const all = await this.#deps.versions.listVersions(board.id)
    const audit = await Promise.all(
      all.map(async (v) => ({
        ...summary(v),
        history: await this.#deps.versions.listEvents(board.id, v.number),
      })),
    )
    const record = {
      format: 'waardentafel.pvw-archief',
      formatVersion: 1,
      exportedAt: new Date(this.#deps.now()).toISOString(),
      board: { id: board.id, title: board.title },
      versie: {
        number,
        status: doc.version.status,
        createdAt: new Date(doc.version.createdAt).toISOString(),
        vaststelling: doc.version.vaststelling,
        intentieverklaring:
          doc.version.intentieverklaring || intentieverklaringTekst(doc.version.frozen, number),
        signatures: doc.signatures.map((s) => ({
          ...publicSignature(s),
          signedAt: new Date(s.signedAt).toISOString(),
        })),
        history: doc.history.map((e) => ({ ...e, at: new Date(e.at).toISOString() })),
      },
      versies: audit.map((v) => ({
        ...v,
        createdAt: new Date(v.createdAt).toISOString(),
        history: v.history.map((e) => ({ ...e, at: new Date(e.at).toISOString() })),
      })),
      programma: pvwWithSignatures(doc.version.frozen, doc.signatures),
      document: {
        fileName: doc.name,
        contentType: 'application/pdf',
        bytes: pdf.byteLength,
        sha256: createHash('sha256').update(pdf).digest('hex'),
        base64: pdf.toString('base64'),
      },
    }
    const text = JSON.stringify(record, null, 2)
    const name = doc.name.replace(/\.pdf$/, ' archief.json')
    res.writeHead(200, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(text),
      'cache-control': 'no-store',
      'content-disposition': disposition('attachment', name),
    })
    res.end(text)
  }
}
