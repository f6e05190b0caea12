// Versions of a Programma van Waarden (issue #19): the live board is the concept; a frozen version is
// 'ter vaststelling' (everyone reads the same text) until it is 'vastgesteld' (immutable, with the date and the
// body that adopted it). Signatures of the intentieverklaring belong to one frozen version.

/** Where a stored version stands; the concept is the live board and is never stored. */
export const VERSION_STATUSES = ['ter vaststelling', 'vastgesteld'] as const
export type VersionStatus = (typeof VERSION_STATUSES)[number]

/** The body that adopted a version: the college, the gebiedscoalitie, or another one named in `orgaanNaam`. */
export const ADOPTING_BODIES = ['college', 'gebiedscoalitie', 'anders'] as const
export type AdoptingBody = (typeof ADOPTING_BODIES)[number]

export const ADOPTING_BODY_LABELS: Readonly<Record<AdoptingBody, string>> = {
  college: 'College van B en W',
  gebiedscoalitie: 'Gebiedscoalitie',
  anders: 'Ander orgaan',
}

/** The adoption of a version: the day (yyyy-mm-dd) and the body. */
export type Vaststelling = { datum: string; orgaan: AdoptingBody; orgaanNaam: string }

/**
 * One signature of the intentieverklaring. `partij` is the party the signer signs for; `zelfstandig` is true when
 * that party signs as an independent party (bewoners, sociaal domein) — decided from the frozen programme, never
 * by the signer.
 */
export type VersionSignature = {
  name: string
  organisation: string
  mandate: string
  partij: string
  zelfstandig: boolean
  /** The day it was signed (yyyy-mm-dd, the server's clock). */
  datum: string
}

/** What happened to a version, for its history and the archive. */
export const VERSION_EVENT_KINDS = ['bevroren', 'ondertekend', 'vastgesteld'] as const
export type VersionEventKind = (typeof VERSION_EVENT_KINDS)[number]
export type VersionEvent = { kind: VersionEventKind; at: number; text: string }

/** The name a version is known by: "versie 2". */
export const versionLabel = (number: number): string => `versie ${number}`

/** A signature's name as printed: "Anna de Vries (GGD Hollands Noorden)". */
export function signerName(s: Pick<VersionSignature, 'name' | 'organisation'>): string {
  const organisation = s.organisation.trim()
  return organisation ? `${s.name.trim()} (${organisation})` : s.name.trim()
}
