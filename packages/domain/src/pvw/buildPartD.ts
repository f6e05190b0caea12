import type { BoardModel } from '../board/BoardModel.ts'
import {
  baathouderLine,
  baathouderName,
  baathoudersByValue,
  byName,
  line,
  primaryFrame,
  unlinkedBaathouders,
} from './lines.ts'
import type { BaathouderLine, PartB, PartD } from './programmaVanWaardenSchema.ts'

const SCHIL_ORDER = [1, 2, 3, 4, null] as const

/** D. Shareholders en gedeeld eigenaarschap: per prioritaire value its baathouders by schil and its shareholders. */
export function buildPartD(board: BoardModel, b: PartB): PartD {
  const lineOf = new Map(board.baathouders.map((card) => [card.id, baathouderLine(card)]))
  const all = [...lineOf.values()]
  const byValue = baathoudersByValue(board)
  const linked = (valueId: string) => (byValue.get(valueId) ?? []).map((card) => lineOf.get(card.id)!)
  const kernwaarden = b.prioritair.map((value) => {
    const baathouders = linked(value.valueId)
    return {
      valueId: value.valueId,
      name: value.name,
      baathoudersPerSchil: SCHIL_ORDER.map((schil) => ({
        schil,
        baathouders: baathouders.filter((x) => x.schil === schil),
      })).filter((group) => group.baathouders.length > 0),
      shareholders: baathouders.filter((x) => x.involvement === 'shareholder'),
      sources: [value.valueId, ...baathouders.map((x) => x.baathouderId)],
    }
  })
  const inKernwaarde = new Set(kernwaarden.flatMap((k) => k.shareholders.map((s) => s.baathouderId)))
  const shareholders: BaathouderLine[] = all.filter((x) => x.involvement === 'shareholder')
  const party = (id: string, name: string) => ({ baathouderId: id, name, sources: [id] })
  const frameF = primaryFrame(board, 'F')
  return {
    kernwaarden,
    overigeShareholders: shareholders.filter((s) => !inKernwaarde.has(s.baathouderId)).sort(byName),
    nietGekoppeld: unlinkedBaathouders(board)
      .map((card) => lineOf.get(card.id)!)
      .sort((x, y) => (x.schil ?? 5) - (y.schil ?? 5)),
    gebiedscoalitie: shareholders.map((s) => party(s.baathouderId, s.name)).sort(byName),
    rentmeesters: board.baathouders
      .filter((card) => card.props.rentmeester)
      .map((card) => party(card.id, baathouderName(card)))
      .sort(byName),
    rentmeesterschap: frameF ? line(frameF.props.rentmeesterschap, [frameF.id]) : null,
  }
}
