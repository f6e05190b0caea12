import type { Finding } from '../findings.ts'
import {
  type CheckDefinition,
  KWALITEITSTOETS_CHECKS,
  type KwaliteitstoetsCode,
} from '../pvw/kwaliteitstoetsChecks.ts'
import type { ProgrammaVanWaarden } from '../pvw/programmaVanWaardenSchema.ts'
import { type DocumentBlock, h, list, section, table, text } from './DocumentBlock.ts'
import { KLASSE_LABELS, SEVERITY_LABELS, schilLabel } from './labels.ts'

const score = (n: number | null) => (n === null ? '–' : String(n).replace('.', ','))

export function blocksWaardenkompas({ waardenkompas }: ProgrammaVanWaarden): DocumentBlock[] {
  return section(2, 'Waardenkompas', [
    { kind: 'kompas' },
    ...table(
      // One column for the four schillen keeps the table readable on A4 portrait.
      ['Waarde', 'Klasse', 'Huidig', 'Potentieel', 'Baathouders per schil (1 · 2 · 3 · 4)', 'Shareholders'],
      waardenkompas.values.map((v) => ({
        cells: [
          v.name,
          KLASSE_LABELS[v.klasse],
          score(v.current),
          score(v.potential),
          v.betrokkenheid.join(' · '),
          String(v.shareholders),
        ],
        sources: v.sources,
      })),
    ),
  ])
}

export function blocksQuickscan({ quickscan }: ProgrammaVanWaarden): DocumentBlock[] {
  return section(2, 'Quickscan: waardegedreven potentieel op één pagina', [
    text(`Sturende waarden: ${quickscan.sturend.join(', ') || 'nog geen'}`),
    text(`Meekoppelwaarden: ${quickscan.meekoppelen.join(', ') || 'nog geen'}`),
    ...table(
      ['Baathouder', 'Schil', 'Waarden', 'Verwachte baten'],
      quickscan.baathouders.map((b) => ({
        cells: [b.name, schilLabel(b.schil), b.waarden.join(', '), b.baten],
        sources: b.sources,
      })),
    ),
  ])
}

/**
 * One line per check, not per card: a big board can raise hundreds of per-card findings (the UI shows those on
 * the cards); a document reader needs to know which checks fail and for how many cards.
 */
export function blocksKwaliteitstoets({ kwaliteitstoets, invoer }: ProgrammaVanWaarden): DocumentBlock[] {
  const groups = new Map<string, Finding[]>()
  for (const f of [...invoer, ...kwaliteitstoets]) {
    const group = groups.get(f.code)
    if (group) group.push(f)
    else groups.set(f.code, [f])
  }
  const items = [...groups.values()].map((group) => {
    const first = group[0]!
    const check = KWALITEITSTOETS_CHECKS[first.code as KwaliteitstoetsCode] as CheckDefinition | undefined
    const message = group.length === 1 || !check ? first.message.nl : `${check.nl} (${group.length} kaarten)`
    return {
      text: `${SEVERITY_LABELS[first.severity]} [${first.code}] ${message}${group.length > 1 && !check ? ` (+${group.length - 1})` : ''}`,
      sources: [...new Set(group.flatMap((f) => f.cardIds))],
    }
  })
  return items.length
    ? [h(2, 'Kwaliteitstoets'), ...list(items)]
    : [h(2, 'Kwaliteitstoets'), text('Geen bevindingen.')]
}
