import { SCHIL_LABELS } from '../method/baathouderLibrary.ts'
import type { Fase, ValueClass } from '../pvw/programmaVanWaardenSchema.ts'
import type { ContributionKind, Involvement, InvolvementLevel } from '../shapes/baathouderCardShape.ts'
import type { BeleidStatus } from '../shapes/valueCardShape.ts'

// Dutch display labels for stored keys, shared by every export format.

/** The handreiking's words for the classes, per phase (Quickscan stap 2; Kansenanalyse stap 4). */
export const KLASSE_LABELS: Readonly<Record<Fase, Readonly<Record<ValueClass, string>>>> = {
  quickscan: {
    prioritair: 'Sturend',
    secundair: 'Meekoppelen',
    'vinger-aan-de-pols': 'Vinger aan de pols',
    ongeplaatst: 'Nog niet geplaatst',
  },
  kansenanalyse: {
    prioritair: 'Prioritair',
    secundair: 'Secundair',
    'vinger-aan-de-pols': 'Vinger aan de pols',
    ongeplaatst: 'Nog niet geplaatst',
  },
}

/** Headings and phrases that name the classes, per phase. */
export const KLASSE_WORDS: Readonly<
  Record<Fase, { hoofd: string; mee: string; perHoofd: string; geenHoofd: string; geenMee: string }>
> = {
  quickscan: {
    hoofd: 'Sturende waarden',
    mee: 'Meekoppelwaarden',
    perHoofd: 'Ambities per sturende waarde',
    geenHoofd: 'Nog geen sturende waarden gekozen.',
    geenMee: 'Geen meekoppelwaarden.',
  },
  kansenanalyse: {
    hoofd: 'Prioritaire waarden',
    mee: 'Secundaire waarden',
    perHoofd: 'Ambities per prioritaire waarde',
    geenHoofd: 'Nog geen prioritaire waarden gekozen.',
    geenMee: 'Geen secundaire waarden.',
  },
}

export const FASE_TEXT: Readonly<Record<Fase, string>> = {
  quickscan:
    'Fase: Quickscan. De waarden zijn geordend als sturend, meekoppelen of vinger aan de pols; het waardenkompas is nog niet vastgesteld.',
  kansenanalyse:
    'Fase: Kansenanalyse. Het waardenkompas is vastgesteld: de waarden zijn prioritair of secundair (in de Quickscan heette dat sturend en meekoppelen) of vinger aan de pols.',
}

export const STATUS_LABELS: Readonly<Record<string, string>> = {
  benoemd: 'Benoemd',
  gewogen: 'Gewogen',
  besloten: 'Besloten',
  ongeplaatst: 'Nog niet op de wand',
}

export const TYPE_OPGAVE_LABELS: Readonly<Record<string, string>> = {
  'uitbreiding-grootschalig': 'Uitbreiding, grootschalig',
  'inbreiding-kleinschalig': 'Uitbreiding kleinschalig / inbreiding',
  'transformatie-renovatie': 'Transformatie / renovatie',
}

export const SCHAAL_LABELS: Readonly<Record<string, string>> = {
  lokaal: 'Lokaal',
  regionaal: 'Regionaal',
  landelijk: 'Landelijk',
}

export const LEVEL_LABELS: Readonly<Record<InvolvementLevel, string>> = {
  raadplegen: 'Raadplegen',
  adviseren: 'Adviseren',
  'samen-verkennen': 'Samen verkennen',
  'co-creeren': 'Co-creëren',
}

// The handreiking's own words for the ladder, written as it writes them in running text.
export const INVOLVEMENT_LABELS: Readonly<Record<Involvement, string>> = {
  stakeholder: 'stakeholder',
  baathouder: 'baathouder',
  shareholder: 'shareholder',
}

export const CONTRIBUTION_LABELS: Readonly<Record<ContributionKind, string>> = {
  geld: 'Geld',
  tijd: 'Tijd',
  expertise: 'Expertise',
  beheer: 'Beheer',
}

export const BELEID_LABELS: Readonly<Record<BeleidStatus, string>> = {
  verankerd: 'Verankerd in beleid',
  ontbreekt: 'Ontbreekt in beleid',
  'vraagt-aanpassing': 'Beleid vraagt aanpassing',
  onbekend: 'Onbekend',
}

// The kwaliteitstoets speaks to the kernteam about work still to do, not about errors in a program.
export const SEVERITY_LABELS: Readonly<Record<string, string>> = {
  error: 'Nog te doen',
  warning: 'Let op',
  info: 'Tip',
}

/** Plain Dutch for problems met while reading the board, without card ids or type names. */
export const INVOER_LABELS: Readonly<Record<string, string>> = {
  'BOARD-RECORD-INVALID': 'Een onderdeel van het bord kon niet worden gelezen en telt niet mee.',
  'BOARD-CARD-INVALID': 'Een kaart kon niet worden gelezen en telt niet mee.',
  'BOARD-CARD-NEWER-VERSION':
    'Een kaart komt uit een nieuwere versie van Waardentafel en is gelezen zoals ze is.',
  'BOARD-CARD-MIGRATED': 'Een kaart uit een oudere versie van Waardentafel is bijgewerkt.',
  'BOARD-SHAPE-ORPHAN': 'Een kaart hangt aan een onderdeel dat niet meer op het bord staat en telt niet mee.',
  'BOARD-SHAPE-UNKNOWN': 'Een vorm op het bord is van een onbekend soort en telt niet mee.',
  'BOARD-LINK-DANGLING': 'Een verbindingslijn verbindt geen spanning met een waarde en telt niet mee.',
}

/** How a sturingsinstrument's scenario reads in a sentence (handreiking, Sturingskaders stap 2). */
export const SCENARIO_LABELS: Readonly<Record<string, string>> = {
  minimaal: 'minimaal — orde op zaken stellen, met beleid en grondpositie als vertrekpunt',
  gemiddeld: 'gemiddeld — ambities verankerd in proces én overeenkomsten',
  ambitieus: 'ambitieus — een integrale, meetbare en langdurig geborgde waardegedreven aanpak',
}

export function schilLabel(schil: 1 | 2 | 3 | 4 | null): string {
  return schil === null ? 'Geen schil' : `Schil ${schil}: ${SCHIL_LABELS[schil]}`
}
