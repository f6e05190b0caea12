import { type KernindicatorCardProps, sortedMeasurements } from '@waardentafel/domain'

// The kernindicator's small chart on its card: the nulmeting and the measurements over time against the
// streefwaarde ("een grafiek per indicator tegen de streefwaarde"). Geometry only, pure, in the chart's own
// coordinates; the card's words say the same figures for anyone who does not see the chart.

export type ChartPoint = { x: number; y: number; date: string; value: number }
export type IndicatorChart = { points: ChartPoint[]; targetY: number | null; targetX: number | null }

/** A partial date as a fractional year: 2025 → 2025, 2025-07 → 2025.5, 2025-07-01 → 2025.5. */
export function yearOf(date: string): number | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date)
  if (!m) return null
  return Number(m[1]) + (m[2] ? (Number(m[2]) - 1) / 12 : 0) + (m[3] ? (Number(m[3]) - 1) / 365 : 0)
}

/** null when there is nothing to draw: fewer than two dated values together with the streefwaarde. */
export function indicatorChart(
  p: KernindicatorCardProps,
  width: number,
  height: number,
  pad = 6,
): IndicatorChart | null {
  const series = sortedMeasurements([...(p.baseline ? [p.baseline] : []), ...p.measurements]).flatMap((m) => {
    const year = yearOf(m.date)
    return year === null ? [] : [{ ...m, year }]
  })
  const targetYear = yearOf(p.targetDate)
  const years = [
    ...series.map((m) => m.year),
    ...(p.target !== null && targetYear !== null ? [targetYear] : []),
  ]
  const values = [...series.map((m) => m.value), ...(p.target !== null ? [p.target] : [])]
  if (series.length === 0 || years.length < 2 || values.length < 2) return null
  const [x0, x1] = [Math.min(...years), Math.max(...years)]
  let [y0, y1] = [Math.min(...values), Math.max(...values)]
  if (y0 === y1) [y0, y1] = [y0 - 1, y1 + 1]
  const x = (year: number) => (x1 === x0 ? width / 2 : pad + ((year - x0) / (x1 - x0)) * (width - 2 * pad))
  const y = (value: number) => height - pad - ((value - y0) / (y1 - y0)) * (height - 2 * pad)
  return {
    points: series.map((m) => ({ x: x(m.year), y: y(m.value), date: m.date, value: m.value })),
    targetY: p.target === null ? null : y(p.target),
    targetX: p.target !== null && targetYear !== null ? x(targetYear) : null,
  }
}
