import { AREA_PHASE_LABELS, METHOD_PHASE_LABELS } from '../phases/phases.ts'
import type { ProgrammaVanWaarden } from '../pvw/programmaVanWaardenSchema.ts'
import { type DocumentBlock, h, text } from './DocumentBlock.ts'
import { FASE_TEXT } from './labels.ts'

/** Where a version of the document stands (issue #19): a live concept, frozen for adoption, or adopted. */
export const DOCUMENT_STATUSES = ['concept', 'ter vaststelling', 'vastgesteld'] as const
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number]

export type CoverOptions = {
  /** The day the document is dated, as the caller's clock says (yyyy-mm-dd); else the workshop's date. */
  datum?: string
  /** A version label, e.g. "0.3" or "versie 2"; printed as given. */
  versie?: string
  /** `concept` unless given. */
  status?: DocumentStatus
}

/**
 * The organisations at the sessions: the parties at the table (part E), each by its organisation where the card
 * names one. Names of people are left out on purpose: the board's workshop details list participants by name,
 * but it cannot record who agreed to be named in a document for the college, so none are printed.
 */
export function organisatiesAanTafel(pvw: ProgrammaVanWaarden): string[] {
  const lines = [
    ...pvw.D.kernwaarden.flatMap((k) => k.baathoudersPerSchil.flatMap((g) => g.baathouders)),
    ...pvw.D.overigeShareholders,
    ...pvw.D.nietGekoppeld,
  ]
  const organisation = new Map(lines.map((l) => [l.baathouderId, l.organisation.trim()]))
  const names = pvw.E.aanTafel.map((x) => organisation.get(x.baathouderId) || x.name.trim())
  return [...new Set(names.filter(Boolean))]
}

/** The cover: what the document is about, whose it is, which version and where it stands. */
export function blocksCover(pvw: ProgrammaVanWaarden, options: CoverOptions): DocumentBlock[] {
  const w = pvw.werksessie
  const datum = options.datum?.trim() || w?.datum?.trim() || ''
  const organisaties = organisatiesAanTafel(pvw)
  const row = (label: string, value: string | undefined): DocumentBlock[] =>
    value?.trim() ? [{ kind: 'paragraph', label, text: value.trim(), sources: [] }] : []
  return [
    h(1, `Programma van Waarden: ${pvw.gebied}`),
    { kind: 'paragraph', label: 'Project', text: pvw.board.title, sources: [pvw.board.id] },
    ...row('Gemeente', w?.gemeente),
    ...row('Datum', datum),
    ...row('Versie', options.versie),
    ...row('Status', options.status ?? 'concept'),
    ...row('Partijen aan tafel', organisaties.join(', ')),
    ...row('Procesfase', pvw.procesfase ? METHOD_PHASE_LABELS[pvw.procesfase].nl : undefined),
    ...row('Fase gebiedsontwikkeling', pvw.gebiedsfase ? AREA_PHASE_LABELS[pvw.gebiedsfase].nl : undefined),
    text(FASE_TEXT[pvw.fase]),
  ]
}
