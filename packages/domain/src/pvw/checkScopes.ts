import { METHOD_PHASES, type MethodPhase } from '../phases/phases.ts'
import type { KwaliteitstoetsCode } from './kwaliteitstoetsChecks.ts'

// In which phases each check of the kwaliteitstoets applies, and where the handreiking asks for it. The Quickscan
// is light and internal ("Houd het licht"; "De Quickscan is een interne start, geen leefwereldverkenning"), the
// Kansenanalyse must collect tensions and evidence, and from the Programma van Waarden on everything counts.
// The handreiking (v1.0) is a web text without page numbers: `bron` names its chapter and section.
// `metFase`: the check came with the process spine and runs only when the phase is known; a board without a known
// phase gets the toets exactly as it was before the spine.

export type CheckScope = { phases: readonly MethodPhase[]; bron: string; metFase?: true }

const from = (phase: MethodPhase): readonly MethodPhase[] => METHOD_PHASES.slice(METHOD_PHASES.indexOf(phase))
const ALL = from('quickscan')
const K = from('kansenanalyse')
const P = from('programma')
const V = from('vastgesteld')

const QS = 'H3 Bouwstenen, Quickscan'
const KA = 'H3 Bouwstenen, Kansenanalyse'
const PVW = 'H4 Programma van Waarden'

export const CHECK_SCOPES: Readonly<Record<KwaliteitstoetsCode, CheckScope>> = {
  'PVW-B-NO-VALUES': { phases: ALL, bron: `${QS}, stap 1 (Prioriteer maatschappelijke waarden)` },
  'PVW-B-NO-CHOICES': { phases: ALL, bron: `${PVW}, Opbouw en tips ("geen verlanglijst")` },
  'PVW-B-UNPLACED': { phases: ALL, bron: `${QS}, stap 1` },
  'PVW-B-TWIJFEL': { phases: ALL, bron: `${QS}, Aandachtspunten ("Houd het licht")` },
  'PVW-B-NO-TENSIONS': { phases: K, bron: `${KA}, Aandachtspunten ("Spanningen zijn niet erg")` },
  'PVW-B-TENSION-NOT-WEIGHED': { phases: P, bron: `${PVW}, onderdeel B` },
  'PVW-B-TENSION-NO-VALUES': { phases: K, bron: `${KA}, stap 4` },
  'PVW-B-NO-AMBITION': { phases: P, bron: `${PVW}, onderdeel B` },
  'PVW-B-TOO-MANY-AMBITIONS': { phases: P, bron: `${PVW}, onderdeel B` },
  'PVW-B-NO-INDICATOR': { phases: P, bron: 'H3 Instrumenten, Indicatorenraamwerk; H4 onderdeel B en F' },
  'PVW-B-POLICY-GAP': { phases: ALL, bron: `${QS}, Aandachtspunten; ${KA}, stap 1` },
  'PVW-D-NO-BAATHOUDER': { phases: ALL, bron: `${QS}, stap 2 en 3` },
  'PVW-D-NO-SHAREHOLDER': { phases: P, bron: 'H3 Bouwstenen, Samenwerkingsstrategie' },
  'PVW-D-SHAREHOLDER-NO-CONTRIBUTION': { phases: K, bron: `${KA}, stap 3; Financieringskaders, stap 3` },
  'PVW-D-NO-RESIDENTS': { phases: K, bron: `${QS}, Aandachtspunten ("interne start"); ${KA}, stap 2` },
  'PVW-D-NO-SOCIAAL-DOMEIN': { phases: ALL, bron: `${QS}, Aandachtspunten ("Beleg gezondheid expliciet")` },
  'PVW-D-UNPLACED-BAATHOUDER': { phases: ALL, bron: `${QS}, stap 2 (Schillenbenadering)` },
  'PVW-D-NO-BAATHOUDERS': { phases: ALL, bron: `${QS}, stap 2` },
  'PVW-D-BAATHOUDER-NOT-LINKED': { phases: ALL, bron: `${QS}, stap 3` },
  'PVW-D-NO-RENTMEESTER': { phases: P, bron: 'H3 Samenwerkingsstrategie, stap 7' },
  'PVW-A-NO-AMBITIE': { phases: P, bron: `${PVW}, onderdeel A` },
  'PVW-A-NO-NIET-DOEN': { phases: P, bron: `${PVW}, Opbouw en tips` },
  'PVW-C-NO-FUTURE-GENERATIONS': { phases: K, bron: `${KA}, Leefwereldanalyse; ${PVW}, onderdeel C` },
  'PVW-E-NO-INSTRUMENTS': { phases: P, bron: 'H3 Instrumenten, Sturingskaders; H4 onderdeel E' },
  'PVW-F-NO-SIGNATORIES': {
    phases: P,
    bron: 'H3 Samenwerkingsstrategie, Intentieverklaring; H4 onderdeel F',
  },
  'PVW-F-SIGNATORIES-NOT-INDEPENDENT': { phases: P, bron: 'H3 Samenwerkingsstrategie, Intentieverklaring' },
  'PVW-F-NO-KERNINDICATOREN': { phases: P, bron: `${PVW}, onderdeel F (Monitoring)` },
  'PVW-F-NO-BORGING': { phases: P, bron: 'H3 Samenwerkingsstrategie, stap 7' },
  'PVW-D-NO-GGD': {
    phases: ALL,
    bron: `${QS}, Aandachtspunten ("Beleg gezondheid expliciet"); Bijlage A.3`,
    metFase: true,
  },
  'PVW-D-POTENTIAL-NO-BAATHOUDER': { phases: K, bron: `${KA}, stap 4 (Evalueer)`, metFase: true },
  'PVW-E-ANTERIEURE-FIRST': {
    phases: K,
    bron: 'H3 Instrumenten, Sturingskaders, stap 1 en Aandachtspunten',
    metFase: true,
  },
  'PVW-B-AMBITION-NO-INDICATOR': {
    phases: P,
    bron: 'H3 Instrumenten, Indicatorenraamwerk; H4 onderdeel B',
    metFase: true,
  },
  'PVW-B-NO-EVIDENCE': { phases: K, bron: `${KA}, stap 1 (de "polaroid")`, metFase: true },
  'PVW-B-EVIDENCE-NO-DATE': { phases: K, bron: `${KA}, stap 1`, metFase: true },
  'PVW-B-SCORE-NO-ONDERBOUWING': { phases: K, bron: `${KA}, stap 4`, metFase: true },
  'PVW-B-KOPPELKANS-ONE-VALUE': {
    phases: K,
    bron: `${KA}, stap 1; Financieringskaders, stap 1`,
    metFase: true,
  },
  'PVW-C-NO-LEEFWERELD': { phases: K, bron: `${QS}, Aandachtspunten; ${KA}, stap 2`, metFase: true },
  'PVW-E-GRONDBELEID-OPBRENGST': {
    phases: ALL,
    bron: 'H3 Instrumenten, Sturingskaders (vier kernvragen)',
    metFase: true,
  },
  'PVW-E-BIJDRAGE-NO-ROUTE': {
    phases: P,
    bron: 'H3 Bouwstenen, Financieringskaders (twee routes)',
    metFase: true,
  },
  'PVW-F-INDICATOR-NO-NULMETING': {
    phases: P,
    bron: 'H3 Instrumenten, Indicatorenraamwerk; H4 onderdeel F',
    metFase: true,
  },
  'PVW-F-JURIDISCH-OPEN': {
    phases: P,
    bron: 'Bijlage A.1–A.3; H3 Sturingskaders (Wat ligt er al juridisch?)',
    metFase: true,
  },
  'PVW-F-MEASUREMENT-OVERDUE': { phases: V, bron: `${PVW}, onderdeel F (Monitoring)`, metFase: true },
  'PVW-FRAME-DUPLICATE': { phases: ALL, bron: PVW },
}

/** Whether a check runs in this phase; with the phase unknown (null), every check that does not need it. */
export function checkApplies(code: KwaliteitstoetsCode, phase: MethodPhase | null): boolean {
  const scope = CHECK_SCOPES[code]
  return phase === null ? !scope.metFase : scope.phases.includes(phase)
}
