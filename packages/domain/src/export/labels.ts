import { SCHIL_LABELS } from '../method/baathouderLibrary.ts'
import type { ValueClass } from '../pvw/programmaVanWaardenSchema.ts'
import type { ContributionKind, Involvement, InvolvementLevel } from '../shapes/baathouderCardShape.ts'
import type { BeleidStatus } from '../shapes/valueCardShape.ts'

// Dutch display labels for stored keys, shared by every export format.

export const KLASSE_LABELS: Readonly<Record<ValueClass, string>> = {
  prioritair: 'Prioritair',
  secundair: 'Secundair',
  'vinger-aan-de-pols': 'Vinger aan de pols',
  ongeplaatst: 'Nog niet geplaatst',
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

export const INVOLVEMENT_LABELS: Readonly<Record<Involvement, string>> = {
  stakeholder: 'Stakeholder',
  baathouder: 'Baathouder',
  shareholder: 'Shareholder',
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

export const SEVERITY_LABELS: Readonly<Record<string, string>> = {
  error: 'Fout',
  warning: 'Let op',
  info: 'Tip',
}

export function schilLabel(schil: 1 | 2 | 3 | 4 | null): string {
  return schil === null ? 'Geen schil' : `Schil ${schil}: ${SCHIL_LABELS[schil]}`
}
