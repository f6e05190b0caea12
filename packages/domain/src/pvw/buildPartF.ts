import type { BoardModel } from '../board/BoardModel.ts'
import { baathouderType } from '../method/baathouderLibrary.ts'
import { buildMonitoring, kernindicatorLines } from './buildMonitoring.ts'
import { buildJuridischeBodem, buildTender } from './buildSturing.ts'
import { baathouderName, byName, line, lines, noteLines, primaryFrame, valueName } from './lines.ts'
import type { PartB, PartF } from './programmaVanWaardenSchema.ts'

/**
 * F. Borging en doorwerking: the part-F frame, the signatories marked on baathouder cards, and the spine's tender,
 * juridische bodem and kernindicator cards (reported as of `asOf`, `yyyy-mm-dd`; blank: nothing is overdue).
 */
export function buildPartF(board: BoardModel, B: PartB, asOf = ''): PartF {
  const frame = primaryFrame(board, 'F')
  const src = frame ? [frame.id] : []
  const p = frame?.props
  const names = new Map(board.valueCards.map((v) => [v.id, valueName(v)]))
  const fromCards = board.baathouders
    .filter((card) => card.props.signatory)
    .map((card) => ({
      name: baathouderName(card),
      // Residents and the sociaal domein sign as independent parties (handreiking, Samenwerkingsstrategie).
      zelfstandig: (baathouderType(card.props.category)?.tags.length ?? 0) > 0,
      sources: [card.id],
    }))
  const extra = (p?.extraSignatories ?? [])
    .map((s) => s.trim())
    .filter(Boolean)
    .map((name) => ({ name, zelfstandig: false, sources: src }))
  return {
    knockOutCriteria: lines(p?.knockOutCriteria ?? [], src),
    gunningscriteria: lines(p?.gunningscriteria ?? [], src),
    doorwerking: line(p?.doorwerking ?? '', src),
    kernindicatoren: [
      ...(p?.kernindicatoren ?? [])
        .filter((k) => k.name.trim())
        .map((k) => ({
          name: k.name.trim(),
          frequency: k.frequency.trim(),
          reportTo: k.reportTo.trim(),
          values: k.valueIds.flatMap((id) => names.get(id) ?? []),
          sources: [...src, ...k.valueIds.filter((id) => names.has(id))],
        })),
      ...kernindicatorLines(board),
    ],
    ondertekenaars: [...fromCards, ...extra].sort(byName),
    rentmeesterschap: line(p?.rentmeesterschap ?? '', src),
    borging: line(p?.borging ?? '', src),
    tender: buildTender(board, B),
    juridischeBodem: buildJuridischeBodem(board),
    monitoring: buildMonitoring(board, asOf),
    aanvullingen: noteLines(board.notes, 'F'),
  }
}
