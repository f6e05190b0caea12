import type { BoardModel, Template } from '../board/BoardModel.ts'
import { sturingsinstrumentLabel } from '../method/sturingsinstrumenten.ts'
import {
  GRONDBELEID_INSTRUMENTEN,
  JURIDISCHE_BODEM,
  KERNVRAGEN,
  PARCOURS_MOMENTEN,
  TENDER_KEUZES,
} from '../method/sturingskaders.ts'
import { indicatorReport } from '../monitoring/indicatorReport.ts'
import type { SturingCardOf, SturingCardProps, SturingKind } from '../shapes/sturingCardShape.ts'
import { deriveGunningscriteria, kompasExtremes } from './deriveGunningscriteria.ts'
import { baathouderName, byName, texts, valueName } from './lines.ts'
import type { PartB } from './programmaVanWaardenSchema.ts'
import {
  EMPTY_STURING,
  type FeitLine,
  type Financiering,
  type JuridischeBodemLine,
  type KoppelkansLine,
  type MonitoringRow,
  type OnderbouwingLine,
  type Sturing,
  type Tender,
} from './spinePartsSchema.ts'

// The process spine's cards read into the parts of the Programma van Waarden (see spinePartsSchema.ts).

type Names = ReadonlyMap<string, string>

function valueNames(board: BoardModel): Names {
  return new Map(board.valueCards.map((v) => [v.id, valueName(v)]))
}

/** Links to value cards that exist, once each, in the order given. */
function refs(ids: readonly string[], names: Names) {
  return [...new Set(ids)].flatMap((valueId) => {
    const name = names.get(valueId)
    return name === undefined ? [] : [{ valueId, name }]
  })
}

export function buildFeiten(board: BoardModel): FeitLine[] {
  const names = valueNames(board)
  return board.evidence
    .map((card) => {
      const p = card.props
      const values = refs(p.valueIds, names)
      return {
        title: p.title.trim() || values.map((v) => v.name).join(', '),
        values,
        figures: p.figures
          .filter((f) => f.label.trim())
          .map((f) => ({
            ...f,
            label: f.label.trim(),
            unit: f.unit.trim(),
            sourceNote: f.sourceNote.trim(),
          })),
        risks: texts(p.risks),
        kansen: texts(p.kansen),
        sources: [card.id, ...values.map((v) => v.valueId)],
      }
    })
    .filter((f) => f.figures.length + f.risks.length + f.kansen.length > 0)
}

export function buildOnderbouwing(board: BoardModel): OnderbouwingLine[] {
  const cards = new Map(board.valueCards.map((v) => [v.id, v]))
  return board.onderbouwingen.flatMap((card) => {
    const p = card.props
    return [...new Set(p.valueIds)].flatMap((valueId) => {
      const value = cards.get(valueId)
      if (!value) return []
      const line = {
        valueId,
        name: valueName(value),
        current: value.props.scoreCurrent,
        potential: value.props.scorePotential,
        currentJustification: p.currentJustification.trim(),
        currentSource: p.currentSource,
        potentialJustification: p.potentialJustification.trim(),
        potentialSource: p.potentialSource,
        sourceNote: p.sourceNote.trim(),
        sources: [card.id, valueId],
      }
      return line.currentJustification || line.potentialJustification ? [line] : []
    })
  })
}

export function buildKoppelkansen(board: BoardModel): KoppelkansLine[] {
  const names = valueNames(board)
  const parties = new Map(board.baathouders.map((b) => [b.id, baathouderName(b)]))
  return board.koppelkansen
    .map((card) => {
      const p = card.props
      const values = refs(p.valueIds, names)
      return {
        name: p.name.trim() || values.map((v) => v.name).join(' + '),
        description: p.description.trim(),
        values,
        baathouders: [...new Set(p.baathouderIds)].flatMap((id) => parties.get(id) ?? []),
        beleidsdoel: p.beleidsdoel.trim(),
        sources: [card.id, ...values.map((v) => v.valueId)],
      }
    })
    .filter((k) => k.name || k.description)
}

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
        values: refs(p.valueIds, names).map((v) => v.name),
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

function first<K extends SturingKind>(board: BoardModel, kind: K): Template<SturingCardOf<K>> | null {
  const card = board.sturing.find((c) => c.props.kind === kind) as Template<SturingCardProps> | undefined
  return (card as Template<SturingCardOf<K>> | undefined) ?? null
}

export function buildSturing(board: BoardModel): Sturing {
  const toets = first(board, 'beleidstoets')
  const grond = first(board, 'grondbeleid')
  const scenario = first(board, 'scenario')
  const parcoursCards = board.sturing.filter((c) => c.props.kind === 'parcours') as Template<
    SturingCardOf<'parcours'>
  >[]
  const order = PARCOURS_MOMENTEN.map((m) => m.key as string)
  const parcours = parcoursCards
    .flatMap((card) =>
      card.props.moments.map((m) => ({
        order: order.indexOf(m.moment) + 1,
        key: m.moment,
        moment: PARCOURS_MOMENTEN.find((x) => x.key === m.moment)!.moment,
        instrument: sturingsinstrumentLabel(m.instrument.trim()),
        clause: m.clause.trim(),
        when: m.when.trim(),
        sources: [card.id],
      })),
    )
    .filter((m) => m.instrument || m.clause)
    .sort((a, b) => a.order - b.order)
  if (!toets && !grond && !scenario && parcours.length === 0) return EMPTY_STURING
  return {
    beleidstoets: (toets?.props.answers ?? []).map((a) => {
      const vraag = KERNVRAGEN.find((k) => k.key === a.vraag)!
      return {
        vraag: vraag.vraag,
        answer: a.answer,
        zorg: a.answer === vraag.zorg,
        note: a.note.trim(),
        sources: [toets!.id],
      }
    }),
    grondbeleid: grond
      ? {
          regime: grond.props.regime,
          instruments: GRONDBELEID_INSTRUMENTEN.filter((g) => grond.props.instruments.includes(g.key)).map(
            (g) => ({
              onderwerp: g.onderwerp,
              text: grond.props.regime
                ? g[grond.props.regime]
                : `actief: ${g.actief}; faciliterend: ${g.faciliterend}`,
            }),
          ),
          note: grond.props.note.trim(),
          sources: [grond.id],
        }
      : null,
    parcours,
    scenario: scenario
      ? { scenario: scenario.props.scenario, note: scenario.props.note.trim(), sources: [scenario.id] }
      : null,
  }
}

export function buildTender(board: BoardModel, B: PartB): Tender | null {
  const card = first(board, 'tender')
  if (!card) return null
  const scores = new Map(board.valueCards.map((v) => [v.id, v.props.scoreCurrent]))
  const { zwakste, sterkste } = kompasExtremes(
    [...B.prioritair, ...B.secundair].map((v) => ({
      valueId: v.valueId,
      name: v.name,
      current: scores.get(v.valueId) ?? null,
    })),
  )
  const prioritair = B.prioritair.map((v) => v.name)
  const chosen = new Map(card.props.choices.map((c) => [c.keuze, c.note.trim()]))
  return {
    keuzes: TENDER_KEUZES.filter((k) => chosen.has(k.key)).map((k) => ({
      keuze: k.key,
      label: k.label,
      note: chosen.get(k.key) ?? '',
      gunningscriteria: deriveGunningscriteria(k.key, { zwakste, sterkste, prioritair }),
      sources: [card.id],
    })),
    zwakste,
    sterkste,
  }
}

export function buildJuridischeBodem(board: BoardModel): JuridischeBodemLine[] {
  const card = first(board, 'juridisch')
  if (!card) return []
  return card.props.items.map((i) => ({
    item: i.item,
    label: JURIDISCHE_BODEM.find((j) => j.key === i.item)!.label,
    status: i.status,
    note: i.note.trim(),
    sources: [card.id],
  }))
}

export function buildMonitoring(board: BoardModel, asOf: string): MonitoringRow[] {
  return indicatorReport(board.kernindicatoren, asOf)
}

/** Kernindicator cards as entries of F's list (beside the ones written in the F frame). */
export function kernindicatorLines(board: BoardModel) {
  const names = valueNames(board)
  return board.kernindicatoren
    .filter((c) => c.props.name.trim())
    .map((c) => {
      const values = refs(c.props.valueIds, names)
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
