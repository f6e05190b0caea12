import type { BoardModel } from '../board/BoardModel.ts'
import { sturingsinstrumentLabel } from '../method/sturingsinstrumenten.ts'
import { buildFinanciering } from './buildFinanciering.ts'
import { buildSturing } from './buildSturing.ts'
import { baathouderName, byName, line, noteLines, primaryFrame } from './lines.ts'
import type { PartE } from './programmaVanWaardenSchema.ts'

/** E. Principes voor samenwerken, sturen en rekenen: the part-E frame plus who sits at the table and who pays. */
export function buildPartE(board: BoardModel): PartE {
  const frame = primaryFrame(board, 'E')
  const src = frame ? [frame.id] : []
  const p = frame?.props
  // Every party past the first rung of the ladder (baathouder or shareholder) is at the table, linked to a value
  // yet or not; a stakeholder only when a role was agreed with it.
  const aanTafel = board.baathouders
    .filter((card) => card.props.involvement !== 'stakeholder' || card.props.role !== null)
    .map((card) => ({
      baathouderId: card.id,
      name: baathouderName(card),
      involvement: card.props.involvement,
      role: card.props.role,
      level: card.props.level,
      sources: [card.id],
    }))
    .sort(byName)
  const geldbijdragen = board.baathouders
    .flatMap((card) =>
      card.props.contributions
        .filter((c) => c.kind === 'geld')
        .map((c) => ({
          name: baathouderName(card),
          description: c.description.trim(),
          conditions: c.conditions.trim(),
          sources: [card.id],
        })),
    )
    .sort(byName)
  return {
    samenwerken: line(p?.samenwerken ?? '', src),
    besluitToets: line(p?.besluitToets ?? '', src),
    aanTafel,
    sturen: (p?.instruments ?? []).map((choice, i) => ({
      order: i + 1,
      instrument: choice.instrument,
      label: sturingsinstrumentLabel(choice.instrument),
      scenario: choice.scenario,
      intent: choice.intent.trim(),
      sources: src,
    })),
    rekenen: {
      baten: line(p?.rekenenBaten ?? '', src),
      cofinanciering: line(p?.rekenenCofinanciering ?? '', src),
      horizonJaren: p?.rekenenHorizonJaren ?? null,
      toelichting: line(p?.rekenenToelichting ?? '', src),
      geldbijdragen,
    },
    financiering: buildFinanciering(board),
    sturing: buildSturing(board),
    aanvullingen: noteLines(board.notes, 'E'),
  }
}
