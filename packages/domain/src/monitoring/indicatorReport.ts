import type {
  IndicatorDirection,
  KernindicatorCardProps,
  Measurement,
} from '../shapes/kernindicatorCardShape.ts'

// The two-yearly report (handreiking H4, onderdeel F: "tien kernindicatoren worden tweejaarlijks gerapporteerd aan
// college, gebiedscoalitie en bewonersraad"): per indicator the latest measurement against the nulmeting and the
// streefwaarde, and which way it is going. Pure: the date it is reported on comes from the caller.

export const TRENDS = ['beter', 'gelijk', 'slechter', 'onbekend'] as const
export type Trend = (typeof TRENDS)[number]

export const TARGET_STATUSES = ['gehaald', 'op-weg', 'achter', 'onbekend'] as const
export type TargetStatus = (typeof TARGET_STATUSES)[number]

export type IndicatorReportRow = {
  name: string
  unit: string
  direction: IndicatorDirection
  owner: string
  baseline: Measurement | null
  target: number | null
  targetDate: string
  latest: Measurement | null
  previous: Measurement | null
  /** Latest against the one before it (the nulmeting when there is only one measurement), in the good direction. */
  trend: Trend
  /** Reached, moving towards it from the nulmeting, falling behind it, or not known. */
  targetStatus: TargetStatus
  /** When the next measurement is due (`yyyy-mm-dd` or as precise as the latest date), from `intervalYears`. */
  nextDue: string | null
  overdue: boolean
  sources: string[]
}

/** Measurements oldest first; on the same date the later entry wins (it corrects the earlier one). */
export function sortedMeasurements(measurements: readonly Measurement[]): Measurement[] {
  const byDate = new Map<string, Measurement>()
  for (const m of measurements) byDate.set(m.date, m)
  return [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
}

/** +1 when `to` is better than `from` in this direction, -1 when worse, 0 when equal. */
export function better(direction: IndicatorDirection, from: number, to: number): -1 | 0 | 1 {
  if (to === from) return 0
  return to > from === (direction === 'hoger-is-beter') ? 1 : -1
}

function trendOf(
  direction: IndicatorDirection,
  before: Measurement | null,
  latest: Measurement | null,
): Trend {
  if (!before || !latest) return 'onbekend'
  return (['slechter', 'gelijk', 'beter'] as const)[better(direction, before.value, latest.value) + 1]!
}

function targetStatusOf(p: KernindicatorCardProps, latest: Measurement | null): TargetStatus {
  if (p.target === null || !latest) return 'onbekend'
  if (better(p.direction, p.target, latest.value) >= 0) return 'gehaald'
  if (!p.baseline) return 'onbekend'
  return better(p.direction, p.baseline.value, latest.value) > 0 ? 'op-weg' : 'achter'
}

function addYears(date: string, years: number): string {
  const [y, ...rest] = date.split('-')
  return [String(Number(y) + years).padStart(4, '0'), ...rest].join('-')
}

/** One row per indicator with a name, in the order given. `asOf` is `yyyy-mm-dd`. */
export function indicatorReport(
  cards: readonly { id: string; props: KernindicatorCardProps }[],
  asOf: string,
): IndicatorReportRow[] {
  return cards
    .filter((c) => c.props.name.trim())
    .map(({ id, props: p }) => {
      const series = sortedMeasurements(p.measurements)
      const latest = series.at(-1) ?? null
      const previous = series.at(-2) ?? null
      const from = series.length >= 2 ? previous : p.baseline
      const last = latest ?? p.baseline
      const nextDue = last && p.intervalYears ? addYears(last.date, p.intervalYears) : null
      return {
        name: p.name.trim(),
        unit: p.unit.trim(),
        direction: p.direction,
        owner: p.owner.trim(),
        baseline: p.baseline,
        target: p.target,
        targetDate: p.targetDate,
        latest,
        previous,
        trend: trendOf(p.direction, from, latest),
        targetStatus: targetStatusOf(p, latest),
        nextDue,
        overdue: nextDue !== null && nextDue < asOf.slice(0, nextDue.length),
        sources: [id],
      }
    })
}
