// A small, defensive CSV reader for files people export from Excel or a data portal: comma, semicolon or tab
// (found on the header line), RFC 4180 quotes, CRLF or LF, a byte-order mark. Never throws: anything it cannot
// read is a typed problem with the line it is on. Limits keep a pasted file from costing the browser or server.

export const CSV_LIMITS = { maxChars: 1_000_000, maxRows: 5_000, maxCellChars: 2_000 } as const

export const CSV_ERROR_CODES = [
  'CSV-NOT-TEXT',
  'CSV-TOO-LARGE',
  'CSV-EMPTY',
  'CSV-TOO-MANY-ROWS',
  'CSV-UNCLOSED-QUOTE',
  'CSV-MISSING-COLUMN',
  'CSV-ROW-COLUMNS',
  'CSV-ROW-CELL-TOO-LONG',
  'CSV-ROW-NUMBER',
  'CSV-ROW-DATE',
  'CSV-ROW-EMPTY',
] as const
export type CsvErrorCode = (typeof CSV_ERROR_CODES)[number]

export type CsvProblem = { code: CsvErrorCode; line: number; message: { nl: string; en: string } }

export type CsvTable = { header: string[]; rows: { line: number; cells: string[] }[] }

export function csvProblem(code: CsvErrorCode, line: number, nl: string, en: string): CsvProblem {
  return { code, line, message: { nl, en } }
}

function delimiterOf(firstLine: string): string {
  const counts = [';', '\t', ','].map((d) => [d, firstLine.split(d).length - 1] as const)
  return counts.reduce((best, c) => (c[1] > best[1] ? c : best))[0]
}

/** Reads the whole text into a header and rows (blank lines skipped), or the first problem that stops it. */
/**
 * What is wrong with a data row as a whole, before its cells are read: another number of columns than the header, or
 * a cell longer than `CSV_LIMITS.maxCellChars`. Null when the row can be read.
 */
export function rowProblem(line: number, cells: readonly string[], columns: number): CsvProblem | null {
  if (cells.length !== columns) {
    return csvProblem(
      'CSV-ROW-COLUMNS',
      line,
      `Regel ${line} heeft ${cells.length} kolommen in plaats van ${columns}.`,
      `Line ${line} has ${cells.length} columns instead of ${columns}.`,
    )
  }
  if (cells.some((c) => c.length > CSV_LIMITS.maxCellChars)) {
    return csvProblem(
      'CSV-ROW-CELL-TOO-LONG',
      line,
      `Regel ${line} heeft een te lange cel.`,
      `Line ${line} has a cell too long.`,
    )
  }
  return null
}

export function readCsv(input: unknown): { ok: true; table: CsvTable } | { ok: false; problem: CsvProblem } {
  if (typeof input !== 'string') {
    return {
      ok: false,
      problem: csvProblem('CSV-NOT-TEXT', 0, 'Dit is geen tekstbestand.', 'This is not text.'),
    }
  }
  if (input.length > CSV_LIMITS.maxChars) {
    return {
      ok: false,
      problem: csvProblem(
        'CSV-TOO-LARGE',
        0,
        `Het bestand is te groot (meer dan ${CSV_LIMITS.maxChars} tekens).`,
        `The file is too large (over ${CSV_LIMITS.maxChars} characters).`,
      ),
    }
  }
  const text = input.replace(/^\uFEFF/, '')
  const delimiter = delimiterOf(text.split(/\r?\n/, 1)[0] ?? '')
  const records: { line: number; cells: string[] }[] = []
  let cells: string[] = []
  let cell = ''
  let quoted = false
  let line = 1
  let recordLine = 1
  const endRecord = () => {
    cells.push(cell)
    if (cells.length > 1 || cells[0]!.trim() !== '') records.push({ line: recordLine, cells })
    cells = []
    cell = ''
  }
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"'
        i++
      } else if (ch === '"') quoted = false
      else {
        if (ch === '\n') line++
        cell += ch
      }
    } else if (ch === '"' && cell.trim() === '') {
      quoted = true
      cell = ''
    } else if (ch === delimiter) {
      cells.push(cell)
      cell = ''
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++
      endRecord()
      line++
      recordLine = line
      if (records.length > CSV_LIMITS.maxRows + 1) {
        return {
          ok: false,
          problem: csvProblem(
            'CSV-TOO-MANY-ROWS',
            line,
            `Meer dan ${CSV_LIMITS.maxRows} regels; splits het bestand.`,
            `More than ${CSV_LIMITS.maxRows} rows; split the file.`,
          ),
        }
      }
    } else cell += ch
  }
  if (quoted) {
    return {
      ok: false,
      problem: csvProblem(
        'CSV-UNCLOSED-QUOTE',
        recordLine,
        `Een aanhalingsteken op regel ${recordLine} wordt niet gesloten.`,
        `A quote on line ${recordLine} is never closed.`,
      ),
    }
  }
  endRecord()
  const [head, ...rows] = records
  if (!head)
    return { ok: false, problem: csvProblem('CSV-EMPTY', 0, 'Het bestand is leeg.', 'The file is empty.') }
  if (rows.length > CSV_LIMITS.maxRows) {
    return {
      ok: false,
      problem: csvProblem(
        'CSV-TOO-MANY-ROWS',
        rows[CSV_LIMITS.maxRows]!.line,
        `Meer dan ${CSV_LIMITS.maxRows} regels; splits het bestand.`,
        `More than ${CSV_LIMITS.maxRows} rows; split the file.`,
      ),
    }
  }
  return { ok: true, table: { header: head.cells.map(normaliseHeader), rows } }
}

function normaliseHeader(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
}

/** A number as Dutch or English spreadsheets write it: `12,5`, `12.5`, `-3`, `1.234,5`, `1,234.5`; else null. */
export function parseNumber(raw: string): number | null {
  const s = raw.trim().replace(/\s/g, '')
  if (/^-?\d+([.,]\d+)?$/.test(s)) return Number(s.replace(',', '.'))
  if (/^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(s)) return Number(s.replace(/\./g, '').replace(',', '.'))
  if (/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) return Number(s.replace(/,/g, ''))
  return null
}

/** `yyyy`, `yyyy-mm`, `yyyy-mm-dd`, or Dutch `dd-mm-yyyy` / `dd/mm/yyyy`, as a partial ISO date; else null. */
export function parseDate(raw: string): string | null {
  const s = raw.trim()
  const iso = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(s)
  const nl = /^(\d{1,2})[-/](\d{1,2})[-/](\d{4})$/.exec(s)
  const [y, m, d] = iso
    ? [iso[1], iso[2], iso[3]]
    : nl
      ? [nl[3], nl[2]!.padStart(2, '0'), nl[1]!.padStart(2, '0')]
      : []
  if (!y) return null
  if (m !== undefined && (Number(m) < 1 || Number(m) > 12)) return null
  if (d !== undefined) {
    const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)))
    if (date.getUTCDate() !== Number(d)) return null
  }
  return [y, m, d].filter((x) => x !== undefined).join('-')
}
