import type { DocumentBlock } from '../export/DocumentBlock.ts'
import type { Finding } from '../findings.ts'
import { inPhase, KWALITEITSTOETS_CHECKS, type KwaliteitstoetsCode } from '../pvw/kwaliteitstoetsChecks.ts'
import type { ProgrammaVanWaarden } from '../pvw/programmaVanWaardenSchema.ts'
import {
  ADOPTING_BODY_LABELS,
  signerName,
  type Vaststelling,
  type VersionEvent,
  type VersionSignature,
  type VersionStatus,
} from './versionTypes.ts'

const SIGNATURE_CODES: readonly string[] = ['PVW-F-NO-SIGNATORIES', 'PVW-F-SIGNATORIES-NOT-INDEPENDENT']

function finding(pvw: ProgrammaVanWaarden, code: KwaliteitstoetsCode): Finding {
  const check = KWALITEITSTOETS_CHECKS[code]
  return {
    code,
    severity: check.severity,
    message: { nl: inPhase(check.nl, pvw.fase), en: check.en },
    cardIds: [],
  }
}

/**
 * The frozen programme as its signatures make it: part F's ondertekenaars are the people who really signed (each
 * with the party they signed for), and the kwaliteitstoets's checks on the signatories read those signatures —
 * nobody signed yet, or nobody signed as an independent party (bewoners, sociaal domein).
 */
export function pvwWithSignatures(
  pvw: ProgrammaVanWaarden,
  signatures: readonly VersionSignature[],
): ProgrammaVanWaarden {
  const ondertekenaars = signatures.map((s) => ({
    name: `${signerName(s)}${s.partij && s.partij !== s.organisation ? `, namens ${s.partij}` : ''}`,
    zelfstandig: s.zelfstandig,
    sources: [],
  }))
  const checks: Finding[] = []
  if (ondertekenaars.length === 0) checks.push(finding(pvw, 'PVW-F-NO-SIGNATORIES'))
  else if (!ondertekenaars.some((o) => o.zelfstandig))
    checks.push(finding(pvw, 'PVW-F-SIGNATORIES-NOT-INDEPENDENT'))
  return {
    ...pvw,
    F: { ...pvw.F, ondertekenaars },
    kwaliteitstoets: [...pvw.kwaliteitstoets.filter((f) => !SIGNATURE_CODES.includes(f.code)), ...checks],
  }
}

/** The parties the board meant to sign (part F of the frozen programme), for the signer to choose from. */
export function beoogdeOndertekenaars(pvw: ProgrammaVanWaarden): { name: string; zelfstandig: boolean }[] {
  return pvw.F.ondertekenaars.map((o) => ({ name: o.name, zelfstandig: o.zelfstandig }))
}

/** Whether a signature for `partij` is by an independent party: as the frozen programme's part F says, else not. */
export function isZelfstandig(pvw: ProgrammaVanWaarden, partij: string): boolean {
  const wanted = partij.trim().toLowerCase()
  return pvw.F.ondertekenaars.some((o) => o.zelfstandig && o.name.trim().toLowerCase() === wanted)
}

export type VersionDocumentInput = {
  number: number
  status: VersionStatus
  intentieverklaring: string
  /** The parties the frozen programme meant to sign (before `pvwWithSignatures`). */
  beoogd: readonly { name: string; zelfstandig: boolean }[]
  signatures: readonly VersionSignature[]
  vaststelling: Vaststelling | null
  history: readonly VersionEvent[]
}

const day = (at: number) => new Date(at).toISOString().slice(0, 10)

/**
 * What a frozen version adds to the document after part F: the intentieverklaring with its signatures table (and
 * the intended parties that have not signed yet), the vaststelling, and the version's history.
 */
export function versionBlocks(v: VersionDocumentInput): DocumentBlock[] {
  const signed = new Set(v.signatures.map((s) => s.partij.trim().toLowerCase()))
  const open = v.beoogd.filter((b) => !signed.has(b.name.trim().toLowerCase()))
  const out: DocumentBlock[] = [{ kind: 'heading', level: 2, text: 'Intentieverklaring' }]
  for (const paragraph of v.intentieverklaring.split(/\n\s*\n/)) {
    if (paragraph.trim()) out.push({ kind: 'paragraph', text: paragraph.trim(), sources: [] })
  }
  out.push({ kind: 'heading', level: 3, text: 'Ondertekening' })
  if (v.signatures.length === 0) {
    out.push({
      kind: 'paragraph',
      text: 'Nog niemand heeft deze versie ondertekend.',
      sources: [],
      leeg: true,
    })
  } else {
    out.push({
      kind: 'table',
      header: ['Naam', 'Organisatie', 'Namens', 'Mandaat', 'Datum'],
      rows: v.signatures.map((s) => ({
        cells: [
          s.name,
          s.organisation,
          `${s.partij}${s.zelfstandig ? ' (zelfstandige partij)' : ''}`,
          s.mandate,
          s.datum,
        ],
        sources: [],
      })),
    })
  }
  if (open.length > 0) {
    out.push({
      kind: 'paragraph',
      label: 'Nog niet getekend',
      text: open.map((o) => `${o.name}${o.zelfstandig ? ' (zelfstandige partij)' : ''}`).join(', '),
      sources: [],
    })
  }
  out.push({ kind: 'heading', level: 3, text: 'Vaststelling' })
  out.push(
    v.vaststelling
      ? {
          kind: 'paragraph',
          text: `Vastgesteld op ${v.vaststelling.datum} door ${adoptedBy(v.vaststelling)}.`,
          sources: [],
        }
      : { kind: 'paragraph', text: `Versie ${v.number} ligt ter vaststelling.`, sources: [], leeg: true },
  )
  if (v.history.length > 0) {
    out.push({ kind: 'heading', level: 3, text: 'Geschiedenis van deze versie' })
    out.push({
      kind: 'table',
      header: ['Datum', 'Wat'],
      rows: v.history.map((e) => ({ cells: [day(e.at), e.text], sources: [] })),
    })
  }
  return out
}

/** "het College van B en W" or the body's own name. */
export function adoptedBy(v: Vaststelling): string {
  if (v.orgaan === 'anders') return v.orgaanNaam.trim() || ADOPTING_BODY_LABELS.anders.toLowerCase()
  return v.orgaan === 'college' ? 'het College van B en W' : 'de gebiedscoalitie'
}
