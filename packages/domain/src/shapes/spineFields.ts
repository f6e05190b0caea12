import { z } from 'zod'

// Fields the process spine's cards share.

/** The sources of figures the handreiking names (Kansenanalyse stap 1 and "Zie ook"), plus anything else. */
export const EVIDENCE_SOURCES = [
  'gebiedscheck',
  'atlas-leefomgeving',
  'regiobeeld',
  'stapeltool',
  'cbs',
  'anders',
] as const
export type EvidenceSource = (typeof EVIDENCE_SOURCES)[number]

export const EVIDENCE_SOURCE_LABELS: Readonly<Record<EvidenceSource, string>> = {
  gebiedscheck: 'Gebiedscheck Gezonde Leefomgeving',
  'atlas-leefomgeving': 'Atlas Leefomgeving',
  regiobeeld: 'Regiobeeld',
  stapeltool: 'Stapeltool Gezonde Leefomgeving',
  cbs: 'CBS',
  anders: 'Andere bron',
}

/** A calendar date as far as it is known: `''` (unknown), `yyyy`, `yyyy-mm` or `yyyy-mm-dd`. Sorts as text. */
export const partialDateSchema = z
  .string()
  .regex(/^(\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?)?$/, 'datum als jjjj, jjjj-mm of jjjj-mm-dd')

/** Shape ids of value cards; like a baathouder card's `valueIds`, ids of cards that are gone are ignored. */
export const valueIdsSchema = z.array(z.string()).max(100)

/** A finite number (no NaN or Infinity, which JSON cannot carry). */
export const figureSchema = z.number().finite()

export const sizeProps = { w: z.number().positive(), h: z.number().positive() }
