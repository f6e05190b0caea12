import type { ProgrammaVanWaarden } from '../pvw/programmaVanWaardenSchema.ts'
import { type DocumentBlock, h, list, section, table, text } from './DocumentBlock.ts'
import { KLASSE_LABELS, SEVERITY_LABELS, schilLabel } from './labels.ts'

const score = (n: number | null) => (n === null ? '–' : String(n).replace('.', ','))

export function blocksWaardenkompas({ waardenkompas }: ProgrammaVanWaarden): DocumentBlock[] {
  return section(2, 'Waardenkompas', [
    { kind: 'kompas' },
    ...table(
      [
        'Waarde',
        'Klasse',
        'Huidig',
        'Potentieel',
        'Schil 1',
        'Schil 2',
        'Schil 3',
        'Schil 4',
        'Shareholders',
      ],
      waardenkompas.values.map((v) => ({
        cells: [
          v.name,
          KLASSE_LABELS[v.klasse],
          score(v.current),
          score(v.potential),
          ...v.betrokkenheid.map(String),
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

export function blocksKwaliteitstoets({ kwaliteitstoets, invoer }: ProgrammaVanWaarden): DocumentBlock[] {
  const items = [...invoer, ...kwaliteitstoets].map((f) => ({
    text: `${SEVERITY_LABELS[f.severity]} [${f.code}] ${f.message.nl}`,
    sources: f.cardIds,
  }))
  return items.length
    ? [h(2, 'Kwaliteitstoets'), ...list(items)]
    : [h(2, 'Kwaliteitstoets'), text('Geen bevindingen.')]
}
