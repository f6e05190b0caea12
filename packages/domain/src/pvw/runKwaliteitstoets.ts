import type { BoardModel } from '../board/BoardModel.ts'
import type { Finding } from '../findings.ts'
import { baathouderType } from '../method/baathouderLibrary.ts'
import type { MethodPhase } from '../phases/phases.ts'
import { checkApplies } from './checkScopes.ts'
import { faseOf, procesfaseOf } from './faseOf.ts'
import { inPhase, KWALITEITSTOETS_CHECKS, type KwaliteitstoetsCode } from './kwaliteitstoetsChecks.ts'
import { schilOfCard, unlinkedBaathouders } from './lines.ts'
import type { Fase, ProgrammaVanWaarden } from './programmaVanWaardenSchema.ts'
import { runSpineChecks } from './runSpineChecks.ts'

type Parts = Pick<ProgrammaVanWaarden, 'A' | 'B' | 'C' | 'D' | 'E' | 'F'>

function finding(fase: Fase, code: KwaliteitstoetsCode, cardIds: string[], detail = ''): Finding {
  const check = KWALITEITSTOETS_CHECKS[code]
  const suffix = detail ? ` (${detail})` : ''
  return {
    code,
    severity: check.severity,
    message: { nl: inPhase(check.nl, fase) + suffix, en: check.en + suffix },
    cardIds,
  }
}

/** One finding per problem and card, so the UI can point at each card separately. */
function each<T>(
  fase: Fase,
  items: readonly T[],
  code: KwaliteitstoetsCode,
  ids: (t: T) => string[],
  name: (t: T) => string,
) {
  return items.map((item) => finding(fase, code, ids(item), name(item)))
}

/**
 * Runs the checks of KWALITEITSTOETS_CHECKS against the board and the parts built from it: those that apply in the
 * project's phase (checkScopes.ts), or, with the phase not known, all but those that need it.
 */
export function runKwaliteitstoets(
  board: BoardModel,
  pvw: Parts,
  procesfase: MethodPhase | null = procesfaseOf(board),
): Finding[] {
  const out = allChecks(board, pvw, procesfase)
  const fase = faseOf(board, pvw.B, procesfase)
  for (const hit of runSpineChecks(board, pvw)) out.push(finding(fase, hit.code, hit.cardIds, hit.detail))
  return out.filter((f) => checkApplies(f.code as KwaliteitstoetsCode, procesfase))
}

function allChecks(board: BoardModel, pvw: Parts, procesfase: MethodPhase | null): Finding[] {
  const { A, B, C, D, E, F } = pvw
  const out: Finding[] = []
  const fase = faseOf(board, B, procesfase)
  const values = [...B.prioritair, ...B.secundair, ...B.vingerAanDePols, ...B.ongeplaatst]
  const ids = (xs: readonly { valueId: string }[]) => xs.map((x) => x.valueId)

  if (values.length === 0) out.push(finding(fase, 'PVW-B-NO-VALUES', []))
  else if (B.prioritair.length === 0 || B.secundair.length + B.vingerAanDePols.length === 0) {
    out.push(finding(fase, 'PVW-B-NO-CHOICES', ids(values)))
  }
  if (B.ongeplaatst.length > 0) out.push(finding(fase, 'PVW-B-UNPLACED', ids(B.ongeplaatst)))
  const twijfel = values.filter((v) => v.twijfel)
  if (twijfel.length > 0)
    out.push(finding(fase, 'PVW-B-TWIJFEL', ids(twijfel), twijfel.map((v) => v.name).join(', ')))

  if (values.length > 0 && B.spanningen.length === 0) out.push(finding(fase, 'PVW-B-NO-TENSIONS', []))
  const unweighed = B.spanningen.filter(
    (t) => !t.weighing || t.status === 'benoemd' || t.status === 'ongeplaatst',
  )
  out.push(
    ...each(
      fase,
      unweighed,
      'PVW-B-TENSION-NOT-WEIGHED',
      (t) => [t.tensionId],
      (t) => t.name,
    ),
  )
  const loose = B.spanningen.filter((t) => t.values.length < 2)
  out.push(
    ...each(
      fase,
      loose,
      'PVW-B-TENSION-NO-VALUES',
      (t) => [t.tensionId],
      (t) => t.name,
    ),
  )

  const monitored = new Set(F.kernindicatoren.flatMap((k) => k.sources))
  const p = B.prioritair
  const v = (x: { valueId: string }) => [x.valueId]
  const n = (x: { name: string }) => x.name
  out.push(
    ...each(
      fase,
      p.filter((x) => x.ambitions.length === 0),
      'PVW-B-NO-AMBITION',
      v,
      n,
    ),
  )
  out.push(
    ...each(
      fase,
      p.filter((x) => x.ambitions.length > 2),
      'PVW-B-TOO-MANY-AMBITIONS',
      v,
      n,
    ),
  )
  const unmonitored = p.filter((x) => x.indicators.length === 0 && !monitored.has(x.valueId))
  out.push(...each(fase, unmonitored, 'PVW-B-NO-INDICATOR', v, n))
  const gaps = p.filter((x) => x.beleid === 'ontbreekt' || x.beleid === 'vraagt-aanpassing')
  out.push(...each(fase, gaps, 'PVW-B-POLICY-GAP', v, n))

  for (const k of D.kernwaarden) {
    const all = k.baathoudersPerSchil
      .flatMap((g) => g.baathouders)
      .filter((b) => b.involvement !== 'stakeholder')
    if (all.length === 0) out.push(finding(fase, 'PVW-D-NO-BAATHOUDER', [k.valueId], k.name))
    else if (k.shareholders.length === 0) out.push(finding(fase, 'PVW-D-NO-SHAREHOLDER', [k.valueId], k.name))
  }
  if (board.baathouders.length === 0) out.push(finding(fase, 'PVW-D-NO-BAATHOUDERS', []))
  const unlinked = unlinkedBaathouders(board).filter((b) => b.props.involvement !== 'stakeholder')
  out.push(
    ...each(
      fase,
      unlinked,
      'PVW-D-BAATHOUDER-NOT-LINKED',
      (b) => [b.id],
      (b) => b.props.name,
    ),
  )
  const atTable = board.baathouders.filter((b) => b.props.involvement !== 'stakeholder')
  const emptyHanded = atTable.filter(
    (b) => b.props.involvement === 'shareholder' && b.props.contributions.length === 0,
  )
  out.push(
    ...each(
      fase,
      emptyHanded,
      'PVW-D-SHAREHOLDER-NO-CONTRIBUTION',
      (b) => [b.id],
      (b) => b.props.name,
    ),
  )
  const tagged = (tag: 'bewoners' | 'sociaal-domein') =>
    atTable.some(
      (b) => baathouderType(b.props.category)?.tags.includes(tag) || (tag === 'bewoners' && b.ring === 3),
    )
  if (values.length > 0 && !tagged('bewoners')) out.push(finding(fase, 'PVW-D-NO-RESIDENTS', []))
  if (values.length > 0 && !tagged('sociaal-domein')) out.push(finding(fase, 'PVW-D-NO-SOCIAAL-DOMEIN', []))
  const homeless = board.baathouders.filter((b) => schilOfCard(b) === null)
  out.push(
    ...each(
      fase,
      homeless,
      'PVW-D-UNPLACED-BAATHOUDER',
      (b) => [b.id],
      (b) => b.props.name,
    ),
  )
  if (values.length > 0 && D.rentmeesters.length === 0 && !D.rentmeesterschap) {
    out.push(finding(fase, 'PVW-D-NO-RENTMEESTER', []))
  }

  const frameIds = (part: string) => board.frames.filter((f) => f.props.part === part).map((f) => f.id)
  // The check reads what the document prints: notes in an A frame are printed as the ambition's text, so a
  // board with only those has an ambition, and saying otherwise would contradict the page it sits on.
  if (!A.ambitie && A.aanvullingen.length === 0) out.push(finding(fase, 'PVW-A-NO-AMBITIE', frameIds('A')))
  if (!A.nietDoen) out.push(finding(fase, 'PVW-A-NO-NIET-DOEN', frameIds('A')))
  const futureCard = board.baathouders.some((b) => b.props.category === 'toekomstige-generaties')
  if (!C.toekomstigeGeneraties && !futureCard)
    out.push(finding(fase, 'PVW-C-NO-FUTURE-GENERATIONS', frameIds('C')))
  if (E.sturen.length === 0) out.push(finding(fase, 'PVW-E-NO-INSTRUMENTS', frameIds('E')))
  if (F.ondertekenaars.length === 0) out.push(finding(fase, 'PVW-F-NO-SIGNATORIES', frameIds('F')))
  else if (!F.ondertekenaars.some((s) => s.zelfstandig)) {
    out.push(
      finding(
        fase,
        'PVW-F-SIGNATORIES-NOT-INDEPENDENT',
        F.ondertekenaars.flatMap((s) => s.sources),
      ),
    )
  }
  if (F.kernindicatoren.length === 0) out.push(finding(fase, 'PVW-F-NO-KERNINDICATOREN', frameIds('F')))
  if (!F.borging) out.push(finding(fase, 'PVW-F-NO-BORGING', frameIds('F')))
  for (const part of ['A', 'C', 'E', 'F']) {
    const dup = frameIds(part)
    if (dup.length > 1) out.push(finding(fase, 'PVW-FRAME-DUPLICATE', dup, `onderdeel ${part}`))
  }
  return out
}
