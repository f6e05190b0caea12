import type { BoardModel, Template } from '../board/BoardModel.ts'
import { sturingsinstrumentLabel } from '../method/sturingsinstrumenten.ts'
import {
  GRONDBELEID_INSTRUMENTEN,
  JURIDISCHE_BODEM,
  KERNVRAGEN,
  PARCOURS_MOMENTEN,
  TENDER_KEUZES,
} from '../method/sturingskaders.ts'
import type { SturingCardOf, SturingCardProps, SturingKind } from '../shapes/sturingCardShape.ts'
import { deriveGunningscriteria, kompasExtremes } from './deriveGunningscriteria.ts'
import type { PartB } from './programmaVanWaardenSchema.ts'
import { EMPTY_STURING, type JuridischeBodemLine, type Sturing, type Tender } from './spinePartsSchema.ts'

// The sturing cards read into part E (beleidstoets, grondbeleid, sturingsparcours, scenario) and part F (tender,
// juridische bodem).

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
