import type { BoardModel } from '../board/BoardModel.ts'
import { indicatorReport } from '../monitoring/indicatorReport.ts'
import { byName, valueNames, valueRefs } from './lines.ts'
import type { MonitoringRow } from './spinePartsSchema.ts'

// Part F's monitoring: the kernindicator cards as entries of F's list and as the two-yearly report.

export function buildMonitoring(board: BoardModel, asOf: string): MonitoringRow[] {
  return indicatorReport(board.kernindicatoren, asOf)
}

/** Kernindicator cards as entries of F's list (beside the ones written in the F frame). */
export function kernindicatorLines(board: BoardModel) {
  const names = valueNames(board)
  return board.kernindicatoren
    .filter((c) => c.props.name.trim())
    .map((c) => {
      const values = valueRefs(c.props.valueIds, names)
      return {
        name: c.props.name.trim(),
        frequency: c.props.frequency.trim(),
        reportTo: c.props.reportTo.trim(),
        values: values.map((v) => v.name),
        sources: [c.id, ...values.map((v) => v.valueId)],
      }
    })
    .sort(byName)
}
