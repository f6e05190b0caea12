import { z } from 'zod'
import { facilitator, json, noQuery, type RouteDef, workers } from './routeKit.ts'

// Versions of a board's Programma van Waarden (issue #19): the live board is the concept; freezing makes a
// numbered version 'ter vaststelling' (a snapshot of the programme and of the board it came from); marking it
// vastgesteld makes it immutable. Participants sign a version's intentieverklaring from their own link, with the
// device's ballot key (`X-Participant-Key`): one signature per key and version. Versions are not board records.

export const VERSION_STATUSES = ['ter vaststelling', 'vastgesteld'] as const
export const ADOPTING_BODIES = ['college', 'gebiedscoalitie', 'anders'] as const
export const VERSION_DOCUMENT_FORMATS = ['json', 'md', 'docx', 'html', 'pdf'] as const

/** A version's number in the path: 1, 2, … */
export const VersionNumberSchema = z.string().regex(/^[1-9][0-9]{0,5}$/)
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/)
const text = (max: number) => z.string().trim().max(max)

export const FreezeVersionRequestSchema = z.object({
  /** The intentieverklaring's text; the handreiking's template filled in for this programme when left out. */
  intentieverklaring: text(8000).min(1).optional(),
})

export const AdoptVersionRequestSchema = z
  .object({
    datum: day,
    orgaan: z.enum(ADOPTING_BODIES),
    /** The body's name when `orgaan` is `anders` ("Gemeenteraad"). */
    orgaanNaam: text(200).default(''),
  })
  .refine((v) => v.orgaan !== 'anders' || v.orgaanNaam !== '', {
    message: 'orgaanNaam is required when orgaan is anders',
    path: ['orgaanNaam'],
  })

export const SignVersionRequestSchema = z.object({
  name: text(200).min(1),
  organisation: text(200).min(1),
  /** Under what mandate the person signs ("wethouder", "directeur-bestuurder", "namens de bewonersraad"). */
  mandate: text(300).min(1),
  /** The party signed for: one of the version's intended ondertekenaars, or the organisation when left out. */
  partij: text(200).optional(),
})

export const VersionSignatureSchema = z.object({
  name: z.string(),
  organisation: z.string(),
  mandate: z.string(),
  partij: z.string(),
  zelfstandig: z.boolean(),
  datum: z.string(),
})

export const VersionEventSchema = z.object({
  kind: z.enum(['bevroren', 'ondertekend', 'vastgesteld']),
  at: z.number().int(),
  text: z.string(),
})

export const VaststellingSchema = z.object({
  datum: z.string(),
  orgaan: z.enum(ADOPTING_BODIES),
  orgaanNaam: z.string(),
})

export const VersionSummarySchema = z.object({
  number: z.number().int().positive(),
  status: z.enum(VERSION_STATUSES),
  createdAt: z.number().int(),
  vaststelling: VaststellingSchema.nullable(),
  signatures: z.number().int().nonnegative(),
})

export const VersionDetailSchema = VersionSummarySchema.extend({
  intentieverklaring: z.string(),
  /** The parties the frozen programme meant to sign (part F), for a signer to choose from. */
  beoogd: z.array(z.object({ name: z.string(), zelfstandig: z.boolean() })),
  signatureList: z.array(VersionSignatureSchema),
  history: z.array(VersionEventSchema),
  /** Whether the device whose key is in `X-Participant-Key` signed this version. */
  signedByMe: z.boolean(),
  /** The frozen Programma van Waarden (`packages/domain`'s JSON), as its signatures make part F. */
  pvw: z.unknown(),
})

export const VersionComparisonSchema = z.object({
  summary: z.string(),
  changes: z.array(z.object({ kind: z.string(), text: z.string() })),
})

export type VersionSummary = z.infer<typeof VersionSummarySchema>
export type VersionDetail = z.infer<typeof VersionDetailSchema>
export type VersionSignatureJson = z.infer<typeof VersionSignatureSchema>
export type VersionComparison = z.infer<typeof VersionComparisonSchema>

/** `concept` (the live board) or a version's number. */
const side = z.union([z.literal('concept'), VersionNumberSchema])

export const VersionRoutes = {
  listVersions: {
    method: 'GET',
    path: '/api/boards/:boardId/versions',
    auth: workers,
    body: { kind: 'none' },
    query: noQuery,
    status: 200,
    produces: 'json',
    response: z.array(VersionSummarySchema),
  },
  /** Freezes the live board's programme as the next version, 'ter vaststelling'. */
  freezeVersion: {
    method: 'POST',
    path: '/api/boards/:boardId/versions',
    auth: facilitator,
    body: json(FreezeVersionRequestSchema, 32 * 1024),
    query: noQuery,
    status: 201,
    produces: 'json',
    response: VersionSummarySchema,
  },
  compareVersions: {
    method: 'GET',
    path: '/api/boards/:boardId/versions/compare',
    auth: workers,
    body: { kind: 'none' },
    query: z.object({ from: side, to: side.optional() }),
    status: 200,
    produces: 'json',
    response: VersionComparisonSchema,
  },
  /** With the device's ballot key in `X-Participant-Key`, `signedByMe` says whether it signed. */
  getVersion: {
    method: 'GET',
    path: '/api/boards/:boardId/versions/:number',
    auth: workers,
    body: { kind: 'none' },
    query: noQuery,
    status: 200,
    produces: 'json',
    response: VersionDetailSchema,
  },
  /** The version's document: the frozen programme, its status and number on the cover, the intentieverklaring. */
  versionDocument: {
    method: 'GET',
    path: '/api/boards/:boardId/versions/:number/document',
    auth: workers,
    body: { kind: 'none' },
    query: z.object({
      format: z.enum(VERSION_DOCUMENT_FORMATS).optional(),
      kwaliteitstoets: z.enum(['0', '1']).optional(),
    }),
    status: 200,
    produces: 'file',
    response: z.unknown(),
  },
  /** Marks a 'ter vaststelling' version vastgesteld: the date and the body that adopted it; immutable after. */
  adoptVersion: {
    method: 'POST',
    path: '/api/boards/:boardId/versions/:number/vaststelling',
    auth: facilitator,
    body: json(AdoptVersionRequestSchema),
    query: noQuery,
    status: 200,
    produces: 'json',
    response: VersionSummarySchema,
  },
  /** Signs the intentieverklaring of a 'ter vaststelling' version; the ballot key goes in `X-Participant-Key`. */
  signVersion: {
    method: 'POST',
    path: '/api/boards/:boardId/versions/:number/signatures',
    auth: workers,
    body: json(SignVersionRequestSchema),
    query: noQuery,
    status: 201,
    produces: 'json',
    response: VersionSignatureSchema,
  },
  /** Woo/Archiefwet: a vastgestelde version with its history as one JSON file, the PDF inside (base64). */
  archiveVersion: {
    method: 'GET',
    path: '/api/boards/:boardId/versions/:number/archief',
    auth: facilitator,
    body: { kind: 'none' },
    query: noQuery,
    status: 200,
    produces: 'file',
    response: z.unknown(),
  },
} as const satisfies Record<string, RouteDef>
