import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseEvidenceCsv } from '../src/csv/parseEvidenceCsv.ts'
import { parseMeasurementsCsv } from '../src/csv/parseMeasurementsCsv.ts'
import { CSV_LIMITS, parseDate, parseNumber } from '../src/csv/readCsv.ts'
import { evidenceFigureSchema } from '../src/shapes/evidenceCardShape.ts'
import { measurementSchema } from '../src/shapes/kernindicatorCardShape.ts'

// As Excel in Dutch saves it: a byte-order mark, semicolons, decimal commas, CRLF, quoted cells.
const EXCEL = [
  '\uFEFFWaarde;Indicator;Cijfer;Eenheid;Bron;Datum;Toelichting',
  'Vergroenen;Boomkroonbedekking;12,5;%;Atlas Leefomgeving;2025-06;Kaartlaag bomen',
  'Vergroenen;"Groen binnen 300 m; per woning";1.234,5;m²;Gebiedscheck;15-3-2025;',
  'Gezondheid en welzijn;Ervaren gezondheid goed;71;%;CBS Gezondheidsmonitor;2024;"zegt ""goed"" of beter"',
  'Geluid;Ernstige hinder;veel;%;RIVM;2024;',
  'Geluid;Slaapverstoring;8;%;Stapeltool;31-02-2024;',
  ';Zonder waarde;1;;CBS;2024;',
  'Schone lucht;NO2;;µg/m³;Eigen meting buurt;;',
  'Te kort;1',
].join('\r\n')

describe('CSV import', () => {
  it('[PH18] reads figures for the polaroid as Dutch spreadsheets write them, and names each bad row by its line', () => {
    const result = parseEvidenceCsv(EXCEL)
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.rows.map((r) => [r.line, r.waarde, r.figure])).toEqual([
      [
        2,
        'Vergroenen',
        {
          label: 'Boomkroonbedekking',
          value: 12.5,
          unit: '%',
          source: 'atlas-leefomgeving',
          sourceNote: 'Kaartlaag bomen',
          date: '2025-06',
        },
      ],
      [
        3,
        'Vergroenen',
        {
          label: 'Groen binnen 300 m; per woning',
          value: 1234.5,
          unit: 'm²',
          source: 'gebiedscheck',
          sourceNote: '',
          date: '2025-03-15',
        },
      ],
      [
        4,
        'Gezondheid en welzijn',
        {
          label: 'Ervaren gezondheid goed',
          value: 71,
          unit: '%',
          source: 'cbs',
          sourceNote: 'zegt "goed" of beter',
          date: '2024',
        },
      ],
      [
        8,
        'Schone lucht',
        {
          label: 'NO2',
          value: null,
          unit: 'µg/m³',
          source: 'anders',
          sourceNote: 'Eigen meting buurt',
          date: '',
        },
      ],
    ])
    for (const row of result.rows) expect(evidenceFigureSchema.safeParse(row.figure).success).toBe(true)
    expect(result.problems.map((p) => [p.code, p.line])).toEqual([
      ['CSV-ROW-NUMBER', 5],
      ['CSV-ROW-DATE', 6],
      ['CSV-ROW-EMPTY', 7],
      ['CSV-ROW-COLUMNS', 9],
    ])
    expect(result.problems[0]!.message.nl).toBe('Regel 5: "veel" is geen getal.')
  })

  it('[PH18] refuses what is not a figures file with a code, never a throw', () => {
    expect(parseEvidenceCsv(42)).toMatchObject({ ok: false, problem: { code: 'CSV-NOT-TEXT' } })
    expect(parseEvidenceCsv('')).toMatchObject({ ok: false, problem: { code: 'CSV-EMPTY' } })
    expect(parseEvidenceCsv('waarde,indicator\nx,y')).toMatchObject({
      ok: false,
      problem: { code: 'CSV-MISSING-COLUMN' },
    })
    expect(parseEvidenceCsv('waarde,"indicator\nx')).toMatchObject({
      ok: false,
      problem: { code: 'CSV-UNCLOSED-QUOTE' },
    })
    expect(parseEvidenceCsv('x'.repeat(CSV_LIMITS.maxChars + 1))).toMatchObject({
      ok: false,
      problem: { code: 'CSV-TOO-LARGE' },
    })
    const many = [
      'waarde,indicator,cijfer,eenheid,bron,datum',
      ...Array(CSV_LIMITS.maxRows + 1).fill('a,b,1,,cbs,2024'),
    ]
    expect(parseEvidenceCsv(many.join('\n'))).toMatchObject({
      ok: false,
      problem: { code: 'CSV-TOO-MANY-ROWS' },
    })
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        const header = 'waarde;indicator;cijfer;eenheid;bron;datum\n'
        for (const input of [text, header + text]) {
          const result = parseEvidenceCsv(input)
          if (result.ok)
            for (const row of result.rows)
              expect(evidenceFigureSchema.safeParse(row.figure).success).toBe(true)
          else expect(result.problem.message.nl.length).toBeGreaterThan(0)
        }
      }),
      { numRuns: 500, seed: 18 },
    )
  })

  it('[PH18] reads measurements of kernindicatoren, and numbers and dates as people write them', () => {
    const result = parseMeasurementsCsv(
      'indicator,datum,waarde\nBoomkroonbedekking,2028-03-01,15\nBoomkroonbedekking,1-3-2030,"18,0"\nHitte,2028,x',
    )
    expect(result.ok && result.rows.map((r) => [r.indicator, r.measurement])).toEqual([
      ['Boomkroonbedekking', { date: '2028-03-01', value: 15, note: '' }],
      ['Boomkroonbedekking', { date: '2030-03-01', value: 18, note: '' }],
    ])
    expect(result.ok && result.problems.map((p) => [p.code, p.line])).toEqual([['CSV-ROW-NUMBER', 4]])
    if (result.ok)
      for (const r of result.rows) expect(measurementSchema.safeParse(r.measurement).success).toBe(true)
    expect(['12', '-3,5', '1.234', '1,234.5', '1.234,5', '1e3', '', '12,'].map(parseNumber)).toEqual([
      12,
      -3.5,
      1.234,
      1234.5,
      1234.5,
      null,
      null,
      null,
    ])
    expect(['2024', '2024-13', '2024-02-29', '2023-02-29', '9-7-2026', '2026/07/09'].map(parseDate)).toEqual([
      '2024',
      null,
      '2024-02-29',
      null,
      '2026-07-09',
      null,
    ])
  })
})
