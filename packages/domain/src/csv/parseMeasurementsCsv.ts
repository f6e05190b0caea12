import type { Measurement } from '../shapes/kernindicatorCardShape.ts'
import { type CsvProblem, csvProblem, parseDate, parseNumber, readCsv, rowProblem } from './readCsv.ts'

// Measurements of kernindicatoren from a CSV (monitoring after adoption): columns `indicator`, `datum`, `waarde`
// and optionally `toelichting`. A bad row is reported with its line and skipped; the good rows are kept.

export const MEASUREMENT_CSV_COLUMNS = ['indicator', 'datum', 'waarde'] as const

export type MeasurementCsvRow = { line: number; indicator: string; measurement: Measurement }

export type MeasurementCsvResult =
  | { ok: true; rows: MeasurementCsvRow[]; problems: CsvProblem[] }
  | { ok: false; problem: CsvProblem }

export function parseMeasurementsCsv(input: unknown): MeasurementCsvResult {
  const read = readCsv(input)
  if (!read.ok) return read
  const { header, rows } = read.table
  const missing = MEASUREMENT_CSV_COLUMNS.filter((c) => !header.includes(c))
  if (missing.length > 0) {
    return {
      ok: false,
      problem: csvProblem(
        'CSV-MISSING-COLUMN',
        1,
        `Kolom ontbreekt: ${missing.join(', ')} (nodig: ${MEASUREMENT_CSV_COLUMNS.join(', ')}).`,
        `Missing column: ${missing.join(', ')} (needed: ${MEASUREMENT_CSV_COLUMNS.join(', ')}).`,
      ),
    }
  }
  const out: MeasurementCsvRow[] = []
  const problems: CsvProblem[] = []
  for (const { line, cells } of rows) {
    const cell = (name: string) =>
      header.indexOf(name) >= 0 ? (cells[header.indexOf(name)] ?? '').trim() : ''
    const problem = rowProblem(line, cells, header.length)
    if (problem) {
      problems.push(problem)
      continue
    }
    const indicator = cell('indicator')
    const value = parseNumber(cell('waarde'))
    const date = parseDate(cell('datum'))
    if (!indicator) {
      problems.push(
        csvProblem(
          'CSV-ROW-EMPTY',
          line,
          `Regel ${line} noemt geen indicator.`,
          `Line ${line} names no indicator.`,
        ),
      )
    } else if (value === null) {
      problems.push(
        csvProblem(
          'CSV-ROW-NUMBER',
          line,
          `Regel ${line}: de waarde is geen getal.`,
          `Line ${line}: the value is not a number.`,
        ),
      )
    } else if (date === null) {
      problems.push(
        csvProblem(
          'CSV-ROW-DATE',
          line,
          `Regel ${line}: de datum is ongeldig.`,
          `Line ${line}: the date is invalid.`,
        ),
      )
    } else {
      out.push({ line, indicator, measurement: { date, value, note: cell('toelichting').slice(0, 1000) } })
    }
  }
  return { ok: true, rows: out, problems }
}
