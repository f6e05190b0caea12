import type { Finding } from '../findings.ts'
import {
  type CheckDefinition,
  inPhase,
  KWALITEITSTOETS_CHECKS,
  type KwaliteitstoetsCode,
} from '../pvw/kwaliteitstoetsChecks.ts'
import type { ProgrammaVanWaarden } from '../pvw/programmaVanWaardenSchema.ts'
import { type DocumentBlock, h, list, section, table, text } from './DocumentBlock.ts'
import { INVOER_LABELS, KLASSE_LABELS, SEVERITY_LABELS, schilLabel } from './labels.ts'

const score = (n: number | null) => (n === null ? '–' : String(n).replace('.', ','))

export function blocksWaardenkompas({ waardenkompas, fase }: ProgrammaVanWaarden): DocumentBlock[] {
  const { nietGekoppeld, totaal } = waardenkompas
  // A party linked to several values counts under each of them; the last rows count every party once, so the
  // table shows who is in which schil even before anyone is linked to a value.
  const summary = [
    ...(nietGekoppeld.sources.length
      ? [
          {
            cells: [
              'Nog niet aan een waarde gekoppeld',
              '',
              '',
              '',
              nietGekoppeld.betrokkenheid.join(' · '),
              '',
            ],
            sources: nietGekoppeld.sources,
          },
        ]
      : []),
    {
      cells: ['Alle baathouders', '', '', '', totaal.betrokkenheid.join(' · '), String(totaal.shareholders)],
      sources: totaal.sources,
    },
  ]
  const rows = waardenkompas.values.map((v) => ({
    cells: [
      v.name,
      KLASSE_LABELS[fase][v.klasse],
      score(v.current),
      score(v.potential),
      v.betrokkenheid.join(' · '),
      String(v.shareholders),
    ],
    sources: v.sources,
  }))
  return section(2, 'Waardenkompas', [
    { kind: 'kompas' },
    ...table(
      // One column for the four schillen keeps the table readable on A4 portrait.
      [
        'Waarde',
        'Klasse',
        'Huidig',
        'Potentieel',
        'Baathouders per schil (1 · 2 · 3 · 4)',
        'Aantal shareholders',
      ],
      rows.length || totaal.sources.length ? [...rows, ...summary] : [],
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
        cells: [
          b.name,
          schilLabel(b.schil),
          b.waarden.join(', ') || 'nog niet aan een waarde gekoppeld',
          b.baten,
        ],
        sources: b.sources,
      })),
    ),
  ])
}

/**
 * One line per check, not per card: a big board can raise hundreds of per-card findings (the UI shows those on
 * the cards); a document reader needs to know which checks fail and for how many cards. The annex is for the
 * kernteam and in plain Dutch: no codes, no card ids or type names (problems reading the board get a sentence of
 * their own, INVOER_LABELS), and the notices that only say a card was brought up to date are left out.
 */
export function blocksKwaliteitstoets({
  kwaliteitstoets,
  invoer,
  fase,
}: ProgrammaVanWaarden): DocumentBlock[] {
  const groups = new Map<string, Finding[]>()
  for (const f of [...invoer.filter((f) => f.code !== 'BOARD-CARD-MIGRATED'), ...kwaliteitstoets]) {
    const group = groups.get(f.code)
    if (group) group.push(f)
    else groups.set(f.code, [f])
  }
  const items = [...groups.values()].map((group) => {
    const first = group[0]!
    const check = KWALITEITSTOETS_CHECKS[first.code as KwaliteitstoetsCode] as CheckDefinition | undefined
    const plain = INVOER_LABELS[first.code]
    const count = group.length > 1 ? ` (${group.length} kaarten)` : ''
    const message = plain
      ? `${plain}${count}`
      : group.length === 1 || !check
        ? first.message.nl
        : `${inPhase(check.nl, fase)}${count}`
    return {
      text: `${SEVERITY_LABELS[first.severity]}: ${message}`,
      sources: [...new Set(group.flatMap((f) => f.cardIds))],
    }
  })
  const intro = text('Werklijst voor het kernteam: wat het bord nog mist volgens de tips van de handreiking.')
  return items.length
    ? [h(2, 'Bijlage: kwaliteitstoets'), intro, ...list(items)]
    : [h(2, 'Bijlage: kwaliteitstoets'), text('Geen bevindingen.')]
}
