import { ADOPTING_BODIES, VERSION_EVENT_KINDS, VERSION_STATUSES } from '@waardentafel/domain/versions'
import { z } from 'zod'
import type { StoredSignature, StoredVersion, VersionRow } from './ports/VersionStore.ts'

// Rows of the version tables, read the same way from SQLite and PostgreSQL (numbers may come back as strings
// from PostgreSQL's BIGINT). A row that does not parse is a storage fault, not user input: it throws.

const int = z.coerce.number().int()
const vaststelling = z
  .object({
    vastgesteld_datum: z.string().nullable(),
    vastgesteld_orgaan: z.enum(ADOPTING_BODIES).nullable(),
    vastgesteld_orgaan_naam: z.string().nullable(),
  })
  .transform((r) =>
    r.vastgesteld_datum && r.vastgesteld_orgaan
      ? {
          datum: r.vastgesteld_datum,
          orgaan: r.vastgesteld_orgaan,
          orgaanNaam: r.vastgesteld_orgaan_naam ?? '',
        }
      : null,
  )

const baseRow = z.object({ number: int, status: z.enum(VERSION_STATUSES), created_at: int })

export function versionListRow(row: unknown): VersionRow {
  const r = baseRow.extend({ signatures: int }).parse(row)
  return {
    number: r.number,
    status: r.status,
    createdAt: r.created_at,
    vaststelling: vaststelling.parse(row),
    signatures: r.signatures,
  }
}

export function versionRow(row: unknown): StoredVersion {
  const r = baseRow
    .extend({ intentieverklaring: z.string(), pvw: z.string(), snapshot: z.string() })
    .parse(row)
  return {
    number: r.number,
    status: r.status,
    createdAt: r.created_at,
    intentieverklaring: r.intentieverklaring,
    pvw: r.pvw,
    snapshot: r.snapshot,
    vaststelling: vaststelling.parse(row),
  }
}

export function signatureRow(row: unknown): StoredSignature {
  const r = z
    .object({
      key_hash: z.string(),
      name: z.string(),
      organisation: z.string(),
      mandate: z.string(),
      partij: z.string(),
      zelfstandig: z.union([z.boolean(), int.transform((n) => n === 1)]),
      datum: z.string(),
      signed_at: int,
    })
    .parse(row)
  return {
    keyHash: r.key_hash,
    name: r.name,
    organisation: r.organisation,
    mandate: r.mandate,
    partij: r.partij,
    zelfstandig: r.zelfstandig,
    datum: r.datum,
    signedAt: r.signed_at,
  }
}

export function eventRow(row: unknown) {
  const r = z.object({ kind: z.enum(VERSION_EVENT_KINDS), at: int, text: z.string() }).parse(row)
  return { kind: r.kind, at: r.at, text: r.text }
}

export const VERSION_COLUMNS =
  'number, status, created_at, vastgesteld_datum, vastgesteld_orgaan, vastgesteld_orgaan_naam'
