import type { Finding } from '../findings.ts'
import {
  type CheckDefinition,
  inPhase,
  KWALITEITSTOETS_CHECKS,
  type KwaliteitstoetsCode,
} from '../pvw/kwaliteitstoetsChecks.ts'
import type { BaathouderLine, ProgrammaVanWaarden } from '../pvw/programmaVanWaardenSchema.ts'
import { type DocumentBlock, h, list, section, table, text, todo } from './DocumentBlock.ts'
import {
  CONTRIBUTION_LABELS,
  INVOER_LABELS,
  INVOLVEMENT_LABELS,
  KLASSE_LABELS,
  LEVEL_LABELS,
  SEVERITY_LABELS,
  schilLabel,
} from './labels.ts'

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
            perSchil: nietGekoppeld.betrokkenheid,
          },
        ]
      : []),
    {
      cells: ['Alle baathouders', '', '', '', totaal.betrokkenheid.join(' · '), String(totaal.shareholders)],
      sources: totaal.sources,
      perSchil: totaal.betrokkenheid,
    },
  ]
  const rows = waardenkompas.values.map((v) => ({
    perSchil: v.betrokkenheid,
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
  if (rows.length === 0 && totaal.sources.length === 0) {
    return [
      h(2, WAARDENKOMPAS_TITLE),
      todo(
        'Nog te doen: waarden op het bord zetten, scoren (huidig en potentieel) en aan baathouders koppelen.',
      ),
    ]
  }
  const figures = table(
    // One column for the four schillen keeps the table readable on A4 portrait.
    [
      'Waarde',
      'Klasse',
      'Huidig',
      'Potentieel',
      'Baathouders per schil (1 · 2 · 3 · 4)',
      'Aantal shareholders',
    ],
    [...rows, ...summary],
  )
  // The drawing formats show the counts per schil as bars beside the numbers (betrokkenheid per schil per waarde).
  return section(2, WAARDENKOMPAS_TITLE, [
    { kind: 'kompas' },
    ...figures.map((b) => (b.kind === 'table' ? { ...b, perSchilColumn: 4 } : b)),
  ])
}

export const WAARDENKOMPAS_TITLE = 'Bijlage: waardenkompas'

export function blocksQuickscan({ quickscan }: ProgrammaVanWaarden): DocumentBlock[] {
  return section(2, 'Bijlage: Quickscan, waardegedreven potentieel op één pagina', [
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
 * Every baathouder on the board in full, once: who, which organisation, which schil, how involved, at the table as
 * what, and what they bring. Part D stays short and points at the values; this annex is the list to work from.
 */
export function blocksBaathouders(pvw: ProgrammaVanWaarden): DocumentBlock[] {
  const lines = new Map<string, BaathouderLine>()
  for (const l of [
    ...pvw.D.kernwaarden.flatMap((k) => k.baathoudersPerSchil.flatMap((g) => g.baathouders)),
    ...pvw.D.overigeShareholders,
    ...pvw.D.nietGekoppeld,
  ])
    if (!lines.has(l.baathouderId)) lines.set(l.baathouderId, l)
  const aanTafel = new Map(pvw.E.aanTafel.map((x) => [x.baathouderId, x]))
  const rows = pvw.quickscan.baathouders.map((b) => {
    const line = lines.get(b.baathouderId)
    const tafel = aanTafel.get(b.baathouderId)
    const rol = [tafel?.role, tafel?.level ? LEVEL_LABELS[tafel.level] : null].filter(Boolean).join(', ')
    return {
      cells: [
        b.name,
        line?.organisation.trim() ?? '',
        schilLabel(b.schil),
        tafel ? INVOLVEMENT_LABELS[tafel.involvement] : line ? INVOLVEMENT_LABELS[line.involvement] : '',
        rol,
        b.waarden.join(', ') || 'nog niet aan een waarde gekoppeld',
        (line?.contributions ?? []).map((c) => `${CONTRIBUTION_LABELS[c.kind]}: ${c.description}`).join('; '),
      ],
      sources: b.sources,
    }
  })
  return rows.length
    ? [
        h(2, 'Bijlage: baathouders'),
        ...table(['Baathouder', 'Organisatie', 'Schil', 'Betrokkenheid', 'Rol', 'Waarden', 'Bijdrage'], rows),
      ]
    : [h(2, 'Bijlage: baathouders'), todo('Nog te doen: baathouders in de schillen zetten.')]
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
