import type { Severity } from '../findings.ts'
import type { Fase } from './programmaVanWaardenSchema.ts'

// The kwaliteitstoets: checks taken from the handreiking's tips and aandachtspunten. Codes are stable (the UI
// and documents refer to them); messages are Dutch first. One table, so docs and code cannot drift apart.

export type CheckDefinition = { severity: Severity; nl: string; en: string }

export const KWALITEITSTOETS_CHECKS = {
  'PVW-B-NO-VALUES': {
    severity: 'error',
    nl: 'Er staan nog geen waarden op het bord.',
    en: 'There are no values on the board yet.',
  },
  'PVW-B-NO-CHOICES': {
    severity: 'error',
    nl: 'Geen keuzes gemaakt: alle of geen waarden zijn sturend. Een Programma van Waarden zonder keuzes is een verlanglijst.',
    en: 'No choices made: all or none of the values steer. A Programma van Waarden without choices is a wish list.',
  },
  'PVW-B-UNPLACED': {
    severity: 'warning',
    nl: 'Waarden zijn nog niet geplaatst (buiten de prioritering of bij "nog te plaatsen").',
    en: 'Values are not placed yet (outside the prioritisation or under "nog te plaatsen").',
  },
  'PVW-B-TWIJFEL': {
    severity: 'warning',
    nl: 'Waarden staan nog op twijfel; neem ze mee naar de Kansenanalyse.',
    en: 'Values are still marked as doubtful; take them to the Kansenanalyse.',
  },
  'PVW-B-NO-TENSIONS': {
    severity: 'warning',
    nl: 'Er zijn geen spanningen benoemd. Een Kansenanalyse zonder spanningen heeft te weinig opgehaald.',
    en: 'No tensions named. A Kansenanalyse without tensions has collected too little.',
  },
  'PVW-B-TENSION-NOT-WEIGHED': {
    severity: 'warning',
    nl: 'Spanning is nog niet gewogen: weeg expliciet, niet impliciet.',
    en: 'Tension not weighed yet: weigh it explicitly, not implicitly.',
  },
  'PVW-B-TENSION-NO-VALUES': {
    severity: 'info',
    nl: 'Spanning is niet met minstens twee waarden verbonden.',
    en: 'Tension is not linked to at least two values.',
  },
  'PVW-B-NO-AMBITION': {
    severity: 'warning',
    nl: 'Prioritaire waarde zonder richtinggevende ambitie.',
    en: 'Priority value without a directional ambition.',
  },
  'PVW-B-TOO-MANY-AMBITIONS': {
    severity: 'info',
    nl: 'Meer dan twee ambities bij één waarde; de handreiking vraagt er één of twee.',
    en: 'More than two ambitions for one value; the handreiking asks for one or two.',
  },
  'PVW-B-NO-INDICATOR': {
    severity: 'warning',
    nl: 'Prioritaire waarde zonder indicator voor monitoring.',
    en: 'Priority value without a monitoring indicator.',
  },
  'PVW-B-POLICY-GAP': {
    severity: 'info',
    nl: 'Prioritaire waarde is niet verankerd in beleid of het beleid vraagt aanpassing; toets het beleidshuis vroeg.',
    en: 'Priority value is not anchored in policy or policy needs changing; test the policy framework early.',
  },
  'PVW-D-NO-BAATHOUDER': {
    severity: 'error',
    nl: 'Sturende waarde zonder baathouder.',
    en: 'Steering value without any baathouder.',
  },
  'PVW-D-NO-SHAREHOLDER': {
    severity: 'warning',
    nl: 'Sturende waarde zonder shareholder. Een Programma van Waarden zonder shareholders is een wensenlijst.',
    en: 'Steering value without a shareholder. A Programma van Waarden without shareholders is a wish list.',
  },
  'PVW-D-SHAREHOLDER-NO-CONTRIBUTION': {
    severity: 'warning',
    nl: 'Shareholder zonder bijdrage (geld, tijd, expertise of beheer).',
    en: 'Shareholder without a contribution (money, time, expertise or beheer).',
  },
  'PVW-D-NO-RESIDENTS': {
    severity: 'warning',
    nl: 'Geen bewoners of gebruikers aan tafel.',
    en: 'No residents or users at the table.',
  },
  'PVW-D-NO-SOCIAAL-DOMEIN': {
    severity: 'warning',
    nl: 'Het sociaal domein zit niet aan tafel.',
    en: 'The sociaal domein is not at the table.',
  },
  'PVW-D-UNPLACED-BAATHOUDER': {
    severity: 'info',
    nl: 'Baathouder staat in geen enkele schil.',
    en: 'Baathouder is not in any schil.',
  },
  'PVW-D-NO-BAATHOUDERS': {
    severity: 'warning',
    nl: 'Er staan nog geen baathouders in het schillendiagram.',
    en: 'There are no baathouders in the schillen diagram yet.',
  },
  'PVW-D-BAATHOUDER-NOT-LINKED': {
    severity: 'warning',
    nl: 'Baathouder is nog niet aan een waarde gekoppeld: geef aan bij welke waarden deze partij baat heeft.',
    en: 'Baathouder is not linked to a value yet: say which values this party benefits from.',
  },
  'PVW-D-NO-RENTMEESTER': {
    severity: 'warning',
    nl: 'Niemand draagt rentmeesterschap na oplevering.',
    en: 'Nobody holds rentmeesterschap after delivery.',
  },
  'PVW-A-NO-AMBITIE': {
    severity: 'warning',
    nl: 'Onderdeel A beschrijft geen gebiedsambitie.',
    en: 'Part A states no area ambition.',
  },
  'PVW-A-NO-NIET-DOEN': {
    severity: 'warning',
    nl: 'Onderdeel A zwijgt over wat hier níet gebeurt. Maak keuzes zichtbaar.',
    en: 'Part A is silent on what will not be done here. Make choices visible.',
  },
  'PVW-C-NO-FUTURE-GENERATIONS': {
    severity: 'info',
    nl: 'Toekomstige generaties hebben (nog) geen stem.',
    en: 'Future generations have no voice (yet).',
  },
  'PVW-E-NO-INSTRUMENTS': {
    severity: 'info',
    nl: 'Er zijn geen sturingsinstrumenten gekozen.',
    en: 'No steering instruments have been chosen.',
  },
  'PVW-F-NO-SIGNATORIES': {
    severity: 'warning',
    nl: 'Niemand tekent de intentieverklaring.',
    en: 'Nobody signs the intentieverklaring.',
  },
  'PVW-F-SIGNATORIES-NOT-INDEPENDENT': {
    severity: 'info',
    nl: 'Bewonersvertegenwoordiging en sociaal domein tekenen niet als zelfstandige partij mee.',
    en: 'Resident representatives and the sociaal domein do not co-sign as independent parties.',
  },
  'PVW-F-NO-KERNINDICATOREN': {
    severity: 'warning',
    nl: 'Er zijn geen kernindicatoren voor monitoring gekozen.',
    en: 'No core indicators for monitoring have been chosen.',
  },
  'PVW-F-NO-BORGING': {
    severity: 'info',
    nl: 'Niet vastgelegd hoe het programma een wisseling van wethouder of projectleider overleeft.',
    en: 'Not recorded how the programme survives a change of wethouder or project lead.',
  },
  // The process spine (issue #20): the handreiking's remaining tips, and checks on the Kansenanalyse's evidence,
  // financing, steering and monitoring cards. Their phases and sources are in checkScopes.ts.
  'PVW-D-NO-GGD': {
    severity: 'warning',
    nl: 'Gezondheid is niet belegd: geen GGD of gemeentelijk gezondheidsbeleid aan tafel. Zonder GGD of sociaal domein aan tafel verzandt het in vastgoedlogica.',
    en: 'Health is not represented: no GGD or municipal health policy at the table. Without them it bogs down in real-estate logic.',
  },
  'PVW-D-POTENTIAL-NO-BAATHOUDER': {
    severity: 'warning',
    nl: 'Waarde met potentieel (de potentie ligt boven de huidige situatie) zonder baathouder: wie heeft baat bij die verbetering?',
    en: 'Value with potential (potential above the current situation) without a baathouder: who benefits from it?',
  },
  'PVW-E-ANTERIEURE-FIRST': {
    severity: 'warning',
    nl: 'De anterieure overeenkomst staat vooraan. Zij is het slotstuk, niet het startpunt: leg ambities eerder vast (intentie- en samenwerkingsovereenkomst).',
    en: 'The anterieure overeenkomst comes first. It is the final piece, not the starting point: anchor ambitions earlier.',
  },
  'PVW-B-AMBITION-NO-INDICATOR': {
    severity: 'warning',
    nl: 'Ambitie zonder indicator: maak haar toetsbaar met een indicator uit het indicatorenraamwerk.',
    en: 'Ambition without an indicator: make it testable with an indicator from the indicator framework.',
  },
  'PVW-B-NO-EVIDENCE': {
    severity: 'warning',
    nl: 'Prioritaire waarde zonder feiten: maak een polaroid met cijfers, bron en datum.',
    en: 'Priority value without figures: make a polaroid with figures, source and date.',
  },
  'PVW-B-EVIDENCE-NO-DATE': {
    severity: 'info',
    nl: 'Cijfer op de polaroid zonder datum; een polaroid is een momentopname.',
    en: 'Figure on the polaroid without a date; a polaroid is a snapshot in time.',
  },
  'PVW-B-SCORE-NO-ONDERBOUWING': {
    severity: 'info',
    nl: 'Kompasscore zonder onderbouwing en bron.',
    en: 'Kompas score without justification and source.',
  },
  'PVW-B-KOPPELKANS-ONE-VALUE': {
    severity: 'info',
    nl: 'Koppelkans verbindt minder dan twee waarden.',
    en: 'Coupling opportunity links fewer than two values.',
  },
  'PVW-C-NO-LEEFWERELD': {
    severity: 'warning',
    nl: 'Nog niets opgehaald uit de leefwereld. De Quickscan is een interne start; toetsen gebeurt in de Kansenanalyse.',
    en: 'Nothing collected from residents and users yet. The Quickscan is an internal start; testing happens in the Kansenanalyse.',
  },
  'PVW-E-GRONDBELEID-OPBRENGST': {
    severity: 'warning',
    nl: 'Het grondbeleid stuurt alleen op hoogste opbrengst; aanpassing is nodig vóór waardegedreven ontwikkeling zinvol kan starten.',
    en: 'Land policy steers on highest yield only; it must change before value-driven development can start.',
  },
  'PVW-E-BIJDRAGE-NO-ROUTE': {
    severity: 'info',
    nl: 'Bijdrage zonder route: via de grondexploitatie (route 1) of co-financiering door baathouders (route 2)?',
    en: 'Contribution without a route: through the land development budget (route 1) or co-financing (route 2)?',
  },
  'PVW-F-INDICATOR-NO-NULMETING': {
    severity: 'warning',
    nl: 'Kernindicator zonder nulmeting of streefwaarde.',
    en: 'Core indicator without a baseline or target.',
  },
  'PVW-F-JURIDISCH-OPEN': {
    severity: 'info',
    nl: 'Juridische bodem nog open.',
    en: 'Legal floor still open.',
  },
  'PVW-F-MEASUREMENT-OVERDUE': {
    severity: 'warning',
    nl: 'Meting van een kernindicator is over tijd.',
    en: 'A core indicator measurement is overdue.',
  },
  'PVW-FRAME-DUPLICATE': {
    severity: 'warning',
    nl: 'Meer dan één kader voor hetzelfde onderdeel; alleen het eerste telt voor de velden (notities tellen wel).',
    en: 'More than one frame for the same part; only the first counts for the fields (notes do count).',
  },
} as const satisfies Record<string, CheckDefinition>

export type KwaliteitstoetsCode = keyof typeof KWALITEITSTOETS_CHECKS

/**
 * A check's Dutch message in the words of the board's phase: the values that steer are *sturend* in the Quickscan
 * and *prioritair* once the waardenkompas is vastgesteld (handreiking), and a message must not call them otherwise
 * than the document it appears in. Only our own messages pass through here, never user text.
 */
export function inPhase(nl: string, fase: Fase): string {
  return fase === 'quickscan'
    ? nl.replace(/\bPrioritaire waarde\b/g, 'Sturende waarde')
    : nl.replace(/\bSturende waarde\b/g, 'Prioritaire waarde').replace(/\bzijn sturend\b/g, 'zijn prioritair')
}
