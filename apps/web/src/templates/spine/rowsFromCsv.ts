import {
  type CsvProblem,
  type EvidenceFigure,
  type Measurement,
  parseEvidenceCsv,
  parseMeasurementsCsv,
} from '@waardentafel/domain'

// What a CSV adds to a card, decided without the editor: the domain parses the file (and refuses what is not one,
// with a code), these functions pick the rows that belong to this card. Pure, so they are tested without a canvas.

export type Import<T> =
  | { ok: true; added: T[]; valueIds: string[]; otherRows: number; problems: CsvProblem[] }
  | { ok: false; problem: CsvProblem }

const same = (a: string, b: string) => a.trim().toLocaleLowerCase('nl') === b.trim().toLocaleLowerCase('nl')

/**
 * The polaroid's figures from a CSV. Rows for a value the card is linked to are added; a card not yet linked
 * takes the rows of every value card on the board the file names, and is linked to those values. Rows for other
 * values are counted, not added. At most `room` figures (the schema's limit of 500 minus what the card has).
 */
export function evidenceFromCsv(
  text: unknown,
  linked: readonly { id: string; name: string }[],
  board: readonly { id: string; name: string }[],
  room: number,
): Import<EvidenceFigure> {
  const result = parseEvidenceCsv(text)
  if (!result.ok) return result
  const candidates = linked.length > 0 ? linked : board
  const added: EvidenceFigure[] = []
  const valueIds = new Set(linked.map((v) => v.id))
  let otherRows = 0
  for (const row of result.rows) {
    const value = candidates.find((v) => same(v.name, row.waarde))
    if (!value || added.length >= room) {
      otherRows++
      continue
    }
    valueIds.add(value.id)
    added.push(row.figure)
  }
  return { ok: true, added, valueIds: [...valueIds], otherRows, problems: result.problems }
}

/**
 * A kernindicator's measurements from a CSV: the rows named after this indicator, or every row when the file
 * speaks of one indicator only. A measurement on a date the card already has replaces it (a corrected figure).
 */
export function measurementsFromCsv(
  text: unknown,
  indicatorName: string,
  existing: readonly Measurement[],
  max: number,
): Import<Measurement> & { merged?: Measurement[] } {
  const result = parseMeasurementsCsv(text)
  if (!result.ok) return result
  const names = new Set(result.rows.map((r) => r.indicator.trim().toLocaleLowerCase('nl')))
  const mine = result.rows.filter((r) => names.size === 1 || same(r.indicator, indicatorName))
  const byDate = new Map(existing.map((m) => [m.date, m]))
  for (const row of mine) byDate.set(row.measurement.date, row.measurement)
  const merged = [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date)).slice(-max)
  return {
    ok: true,
    added: mine.map((r) => r.measurement),
    valueIds: [],
    otherRows: result.rows.length - mine.length,
    problems: result.problems,
    merged,
  }
}
