import { describe, expect, it } from 'vitest'
import { evidenceFromCsv, measurementsFromCsv } from './rowsFromCsv.ts'

const board = [
  { id: 'shape:groen', name: 'Vergroenen' },
  { id: 'shape:cohesie', name: 'Sociale cohesie' },
]
const csv = [
  'waarde;indicator;cijfer;eenheid;bron;datum',
  'Vergroenen;Kroonbedekking;12,5;%;Atlas Leefomgeving;2025',
  'vergroenen;Groen binnen 300 m;81;%;Gebiedscheck;03-04-2025',
  'Sociale cohesie;Sociale-cohesieschaal;5,9;;CBS;2024',
  'Geluid;Ernstige hinder;niet bekend;%;CBS;2024',
].join('\n')

describe('[SW6] CSV import into a polaroid and a kernindicator', () => {
  it('[SW6] a polaroid linked to a value takes that value’s rows; the others are counted; a bad row is reported', () => {
    const r = evidenceFromCsv(csv, [board[0]!], board, 500)
    if (!r.ok) throw new Error('refused')
    expect(r.added.map((f) => [f.label, f.value, f.source, f.date])).toEqual([
      ['Kroonbedekking', 12.5, 'atlas-leefomgeving', '2025'],
      ['Groen binnen 300 m', 81, 'gebiedscheck', '2025-04-03'],
    ])
    expect(r.valueIds).toEqual(['shape:groen'])
    expect(r.otherRows).toBe(1)
    expect(r.problems.map((p) => [p.code, p.line])).toEqual([['CSV-ROW-NUMBER', 5]])
  })

  it('[SW6] an unlinked polaroid takes the rows of the board’s values and links them; room caps what is added', () => {
    const r = evidenceFromCsv(csv, [], board, 2)
    if (!r.ok) throw new Error('refused')
    expect(r.added).toHaveLength(2)
    expect(r.valueIds).toEqual(['shape:groen'])
    expect(r.otherRows).toBe(1)
    const all = evidenceFromCsv(csv, [], board, 500)
    expect(all.ok && all.valueIds).toEqual(['shape:groen', 'shape:cohesie'])
  })

  it('[SW6] what is not a CSV of figures is refused with the domain’s code', () => {
    expect(evidenceFromCsv('naam,getal\nx,1', [], board, 500)).toMatchObject({
      ok: false,
      problem: { code: 'CSV-MISSING-COLUMN' },
    })
    expect(evidenceFromCsv(42, [], board, 500)).toMatchObject({
      ok: false,
      problem: { code: 'CSV-NOT-TEXT' },
    })
  })

  it('[SW6] measurements: this indicator’s rows, merged by date (a corrected figure replaces the old one), sorted', () => {
    const text = [
      'indicator,datum,waarde',
      'Kroonbedekking,2027,14',
      'Kroonbedekking,2025,12.5',
      'Ervaren gezondheid,2027,78',
    ].join('\n')
    const r = measurementsFromCsv(text, 'kroonbedekking', [{ date: '2025', value: 12, note: '' }], 1000)
    if (!r.ok) throw new Error('refused')
    expect(r.merged?.map((m) => [m.date, m.value])).toEqual([
      ['2025', 12.5],
      ['2027', 14],
    ])
    expect(r.otherRows).toBe(1)
    const single = measurementsFromCsv('indicator,datum,waarde\nBomen,2029,20', 'Kroonbedekking', [], 1000)
    expect(single.ok && single.added.map((m) => m.value)).toEqual([20])
  })
})
