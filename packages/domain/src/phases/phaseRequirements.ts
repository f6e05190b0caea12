import type { MethodPhase } from './phases.ts'

// What each step of the method requires, read from the board (through its Programma van Waarden). The facts are a
// small plain object so the transition function stays pure and easy to test; `phaseFactsOf` computes them.

export type PvwPart = 'A' | 'B' | 'C' | 'D' | 'E' | 'F'

export type PhaseFacts = {
  /** Values placed as sturend (prioritair). */
  sturendeWaarden: number
  /** Every sturende and meekoppel value has both kompas scores. */
  kompasCompleet: boolean
  spanningen: number
  ongewogenSpanningen: number
  /** Sturende values with at least one figure on an evidence card (the "polaroid"). */
  waardenMetFeiten: number
  /** Error findings of the kwaliteitstoets as it runs for a Programma van Waarden. */
  fouten: number
  /** Parts A–F with nothing filled in. */
  legeDelen: PvwPart[]
  ondertekenaars: number
  kernindicatoren: number
  /** Kernindicator cards with a nulmeting. */
  kernindicatorenMetNulmeting: number
}

export type PhaseRequirementCode =
  | 'REQ-STURENDE-WAARDEN'
  | 'REQ-KOMPAS'
  | 'REQ-SPANNINGEN'
  | 'REQ-FEITEN'
  | 'REQ-GEEN-FOUTEN'
  | 'REQ-DELEN-COMPLEET'
  | 'REQ-SPANNINGEN-GEWOGEN'
  | 'REQ-ONDERTEKENAARS'
  | 'REQ-KERNINDICATOREN'
  | 'REQ-NULMETING'

export type PhaseRequirement = {
  code: PhaseRequirementCode
  met: boolean
  message: { nl: string; en: string }
  /** Where the handreiking asks for it. */
  bron: string
}

const req = (
  code: PhaseRequirementCode,
  met: boolean,
  nl: string,
  en: string,
  bron: string,
): PhaseRequirement => ({
  code,
  met,
  message: { nl, en },
  bron,
})

/** The requirements of moving forward into `to` (moves back require only a reason). */
export function requirementsFor(to: MethodPhase, f: PhaseFacts): PhaseRequirement[] {
  switch (to) {
    case 'quickscan':
      return []
    case 'kansenanalyse':
      return [
        req(
          'REQ-STURENDE-WAARDEN',
          f.sturendeWaarden > 0,
          'er is minstens één sturende waarde gekozen',
          'at least one steering value is chosen',
          'H3 Quickscan, stap 1 en 4',
        ),
      ]
    case 'programma':
      return [
        req(
          'REQ-KOMPAS',
          f.sturendeWaarden > 0 && f.kompasCompleet,
          'het waardenkompas is compleet: elke sturende en meekoppelwaarde heeft beide scores',
          'the waardenkompas is complete: every steering and coupling value has both scores',
          'H3 Kansenanalyse, stap 4',
        ),
        req(
          'REQ-SPANNINGEN',
          f.spanningen > 0,
          'er zijn spanningen benoemd',
          'tensions are named',
          'H3 Kansenanalyse, Aandachtspunten',
        ),
        req(
          'REQ-FEITEN',
          f.waardenMetFeiten > 0,
          'er liggen feiten (polaroid) bij de sturende waarden',
          'there are figures (the polaroid) for the steering values',
          'H3 Kansenanalyse, stap 1',
        ),
      ]
    case 'vastgesteld':
      return [
        req(
          'REQ-DELEN-COMPLEET',
          f.legeDelen.length === 0,
          f.legeDelen.length
            ? `onderdeel ${f.legeDelen.join(', ')} is nog leeg`
            : 'alle onderdelen A–F zijn ingevuld',
          f.legeDelen.length
            ? `part ${f.legeDelen.join(', ')} is still empty`
            : 'all parts A–F are filled in',
          'H4 Programma van Waarden, Opbouw en tips',
        ),
        req(
          'REQ-GEEN-FOUTEN',
          f.fouten === 0,
          `de kwaliteitstoets heeft ${f.fouten} ${f.fouten === 1 ? 'fout' : 'fouten'}`,
          `the quality check has ${f.fouten} error(s)`,
          'H4 Programma van Waarden, Opbouw en tips',
        ),
        req(
          'REQ-SPANNINGEN-GEWOGEN',
          f.spanningen > 0 && f.ongewogenSpanningen === 0,
          'elke spanning is expliciet gewogen',
          'every tension is weighed explicitly',
          'H4 Programma van Waarden, onderdeel B',
        ),
        req(
          'REQ-ONDERTEKENAARS',
          f.ondertekenaars > 0,
          'er is vastgelegd wie de intentieverklaring tekent',
          'who signs the intentieverklaring is recorded',
          'H3 Samenwerkingsstrategie, Intentieverklaring; H4 onderdeel F',
        ),
        req(
          'REQ-KERNINDICATOREN',
          f.kernindicatoren > 0,
          'er zijn kernindicatoren voor monitoring gekozen',
          'core indicators for monitoring are chosen',
          'H4 Programma van Waarden, onderdeel F',
        ),
      ]
    case 'doorwerking':
      return [
        req(
          'REQ-NULMETING',
          f.kernindicatorenMetNulmeting > 0,
          'minstens één kernindicator heeft een nulmeting',
          'at least one core indicator has a baseline',
          'H3 Indicatorenraamwerk, Hoe werkt het?',
        ),
      ]
  }
}
