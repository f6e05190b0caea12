import type { TargetStatus, Trend } from '../monitoring/indicatorReport.ts'

// Dutch display labels for the process spine's keys, shared by every export format.

export const ROUTE_LABELS: Readonly<Record<string, string>> = {
  grex: 'Route 1: via de grondexploitatie',
  cofinanciering: 'Route 2: co-financiering door baathouders',
}

export const LEVENSCYCLUS_LABELS: Readonly<Record<string, string>> = {
  investering: 'Investering',
  voorfinanciering: 'Voorfinanciering',
  beheerkosten: 'Exploitatie- en beheerkosten',
  'toekomstige-opbrengsten': 'Toekomstige opbrengsten',
  verdeelsleutel: 'Verdeelsleutel',
}

export const ANTWOORD_LABELS: Readonly<Record<string, string>> = { ja: 'Ja', deels: 'Deels', nee: 'Nee' }

export const REGIME_LABELS: Readonly<Record<string, string>> = {
  actief: 'Actief grondbeleid',
  faciliterend: 'Faciliterend grondbeleid',
}

export const BODEM_STATUS_LABELS: Readonly<Record<string, string>> = {
  open: 'Open',
  'in-behandeling': 'In behandeling',
  geregeld: 'Geregeld',
  'niet-van-toepassing': 'Niet van toepassing',
}

export const TREND_LABELS: Readonly<Record<Trend, string>> = {
  beter: 'Beter',
  gelijk: 'Gelijk',
  slechter: 'Slechter',
  onbekend: 'Nog niet bekend',
}

export const TARGET_STATUS_LABELS: Readonly<Record<TargetStatus, string>> = {
  gehaald: 'Streefwaarde gehaald',
  'op-weg': 'Op weg',
  achter: 'Achter op de nulmeting',
  onbekend: 'Nog niet te zeggen',
}

/** A number the Dutch way, without the locale data a runtime may lack: 1.250.000 and 12,5. */
export function formatNumber(value: number): string {
  const negative = value < 0
  const [whole, fraction] = Math.abs(Math.round(value * 100) / 100)
    .toFixed(2)
    .split('.') as [string, string]
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, '.')
  const decimals = fraction === '00' ? '' : `,${fraction.replace(/0$/, '')}`
  return `${negative ? '-' : ''}${grouped}${decimals}`
}

export function formatEuro(value: number): string {
  return `€ ${formatNumber(value)}`
}
