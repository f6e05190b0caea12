import type { BoardModel } from '../board/BoardModel.ts'
import { baathouderName, valueNames, valueRefs } from './lines.ts'
import type { Financiering } from './spinePartsSchema.ts'

// Part E's financing (Financieringskaders): the contributions per route, life cycle and phase, their totals, the
// gebiedsfonds and where the system chafes.

export function buildFinanciering(board: BoardModel): Financiering {
  const names = valueNames(board)
  const parties = new Map(board.baathouders.map((b) => [b.id, baathouderName(b)]))
  const bijdragen = board.financiering
    .filter((c) => c.props.kind === 'bijdrage')
    .map((card) => {
      const p = card.props
      return {
        description: p.description.trim(),
        baathouder: p.baathouderId ? (parties.get(p.baathouderId) ?? null) : null,
        route: p.route,
        lifecycle: p.lifecycle,
        form: p.form,
        amount: p.amount,
        phase: p.phase,
        gebiedsfonds: p.gebiedsfonds,
        size: p.size,
        conditions: p.conditions.trim(),
        values: valueRefs(p.valueIds, names).map((v) => v.name),
        sources: [card.id, ...(p.baathouderId && parties.has(p.baathouderId) ? [p.baathouderId] : [])],
      }
    })
    .filter((b) => b.description || b.amount !== null || b.baathouder)
  const cells = new Map<
    string,
    {
      route: (typeof bijdragen)[number]['route']
      phase: (typeof bijdragen)[number]['phase']
      amount: number
      count: number
    }
  >()
  const perRoute = { grex: 0, cofinanciering: 0, onbepaald: 0 }
  const gebiedsfonds = { amount: 0, groot: 0, klein: 0 }
  for (const b of bijdragen) {
    const amount = b.amount ?? 0
    const key = `${b.route}|${b.phase}`
    const cell = cells.get(key) ?? { route: b.route, phase: b.phase, amount: 0, count: 0 }
    cell.amount += amount
    cell.count += 1
    cells.set(key, cell)
    perRoute[b.route ?? 'onbepaald'] += amount
    if (b.gebiedsfonds) {
      gebiedsfonds.amount += amount
      if (b.size === 'groot') gebiedsfonds.groot += 1
      if (b.size === 'klein') gebiedsfonds.klein += 1
    }
  }
  const ROUTE_ORDER = ['grex', 'cofinanciering', null] as const
  const PHASE_ORDER = ['initiatief', 'planvorming', 'aanbesteding', 'realisatie', 'beheer', null] as const
  const totalen = [...cells.values()].sort(
    (a, b) =>
      ROUTE_ORDER.indexOf(a.route) - ROUTE_ORDER.indexOf(b.route) ||
      PHASE_ORDER.indexOf(a.phase) - PHASE_ORDER.indexOf(b.phase),
  )
  const wringt = board.financiering
    .filter((c) => c.props.kind === 'wringt' && c.props.description.trim())
    .map((c) => ({ text: c.props.description.trim(), sources: [c.id] }))
  return { bijdragen, totalen, perRoute, gebiedsfonds, wringt }
}
