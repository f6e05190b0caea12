import type { EvidenceFigure } from '../shapes/evidenceCardShape.ts'
import { EVIDENCE_SOURCE_LABELS, EVIDENCE_SOURCES, type EvidenceSource } from '../shapes/spineFields.ts'
import { type CsvProblem, csvProblem, parseDate, parseNumber, readCsv, rowProblem } from './readCsv.ts'

// The polaroid's figures from a CSV (Kansenanalyse stap 1): one row per figure, with the value it belongs to.
// Columns by header, in any order: `waarde`, `indicator`, `cijfer`, `eenheid`, `bron`, `datum`, and optionally
// `toelichting`. A bad row is reported with its line and skipped; the good rows are kept.

export const EVIDENCE_CSV_COLUMNS = ['waarde', 'indicator', 'cijfer', 'eenheid', 'bron', 'datum'] as const

export type EvidenceCsvRow = { line: number; waarde: string; figure: EvidenceFigure }

export type EvidenceCsvResult =
  | { ok: true; rows: EvidenceCsvRow[]; problems: CsvProblem[] }
  | { ok: false; problem: CsvProblem }

const SOURCE_WORDS: readonly [EvidenceSource, RegExp][] = [
  ['gebiedscheck', /gebiedscheck/],
  ['atlas-leefomgeving', /atlas/],
  ['regiobeeld', /regiobeeld/],
  ['stapeltool', /stapeltool/],
  ['cbs', /^cbs\b|centraal bureau voor de statistiek/],
]

/** A source as people write it; anything else is `anders`, with the text kept as the note. */
export function evidenceSourceOf(raw: string): { source: EvidenceSource; note: string } {
  const s = raw.trim().toLowerCase()
  if ((EVIDENCE_SOURCES as readonly string[]).includes(s)) return { source: s as EvidenceSource, note: '' }
  const hit = SOURCE_WORDS.find(([, re]) => re.test(s))
  if (hit) return { source: hit[0], note: '' }
  const label = EVIDENCE_SOURCES.find((k) => EVIDENCE_SOURCE_LABELS[k].toLowerCase() === s)
  return label ? { source: label, note: '' } : { source: 'anders', note: raw.trim() }
}

export function parseEvidenceCsv(input: unknown): EvidenceCsvResult {
  const read = readCsv(input)
  if (!read.ok) return read
  const { header, rows } = read.table
  const missing = EVIDENCE_CSV_COLUMNS.filter((c) => !header.includes(c))
  if (missing.length > 0) {
    return {
      ok: false,
      problem: csvProblem(
        'CSV-MISSING-COLUMN',
        1,
        `Kolom ontbreekt: ${missing.join(', ')} (nodig: ${EVIDENCE_CSV_COLUMNS.join(', ')}).`,
        `Missing column: ${missing.join(', ')} (needed: ${EVIDENCE_CSV_COLUMNS.join(', ')}).`,
      ),
    }
  }
  const at = (name: string) => header.indexOf(name)
  const out: EvidenceCsvRow[] = []
  const problems: CsvProblem[] = []
  for (const { line, cells } of rows) {
    const problem = rowProblem(line, cells, header.length)
    if (problem) {
      problems.push(problem)
      continue
    }
    const cell = (name: string) => (at(name) >= 0 ? cells[at(name)]!.trim() : '')
    const waarde = cell('waarde')
    const label = cell('indicator')
    if (!waarde || !label) {
      problems.push(
        csvProblem(
          'CSV-ROW-EMPTY',
          line,
          `Regel ${line} noemt geen waarde of indicator.`,
          `Line ${line} names no value or indicator.`,
        ),
      )
      continue
    }
    const rawValue = cell('cijfer')
    const value = rawValue === '' ? null : parseNumber(rawValue)
    if (rawValue !== '' && value === null) {
      problems.push(
        csvProblem(
          'CSV-ROW-NUMBER',
          line,
          `Regel ${line}: "${rawValue.slice(0, 40)}" is geen getal.`,
          `Line ${line}: "${rawValue.slice(0, 40)}" is not a number.`,
        ),
      )
      continue
    }
    const rawDate = cell('datum')
    const date = rawDate === '' ? '' : parseDate(rawDate)
    if (date === null) {
      problems.push(
        csvProblem(
          'CSV-ROW-DATE',
          line,
          `Regel ${line}: "${rawDate.slice(0, 40)}" is geen datum (jjjj, jjjj-mm, jjjj-mm-dd of dd-mm-jjjj).`,
          `Line ${line}: "${rawDate.slice(0, 40)}" is not a date.`,
        ),
      )
      continue
    }
    const { source, note } = evidenceSourceOf(cell('bron'))
    const toelichting = cell('toelichting')
    out.push({
      line,
      waarde,
      figure: {
        label: label.slice(0, 500),
        value,
        unit: cell('eenheid').slice(0, 50),
        source,
        sourceNote: [note, toelichting].filter(Boolean).join(' — ').slice(0, 500),
        date,
      },
    })
  }
  return { ok: true, rows: out, problems }
}
