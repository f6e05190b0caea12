import type { ProgrammaVanWaarden } from '../pvw/programmaVanWaardenSchema.ts'
import type { DocumentStatus } from './blocksCover.ts'
import { type DocumentBlock, h, list, todo } from './DocumentBlock.ts'
import { KLASSE_WORDS } from './labels.ts'

// The bestuurlijke samenvatting: half a page for the college, composed from the parts, never typed separately, so
// it cannot drift from what the parts say. The handreiking asks half a page per part ("Houd het kort. Per
// onderdeel een halve bladzijde volstaat."); half an A4 page of body text is about 250 words. Every sentence is
// cut to a word budget and every list to a few items; when long names still push it over, it is composed again
// with tighter limits, down to limits that fit whatever the board holds.

export const SAMENVATTING_TITLE = 'Bestuurlijke samenvatting'
export const SAMENVATTING_MAX_WORDS = 250

type Limits = {
  name: number
  ambitie: number
  values: number
  ambition: number
  parties: number
  tensions: number
  weighing: number
}

const TIERS: readonly Limits[] = [
  { name: 12, ambitie: 45, values: 4, ambition: 25, parties: 8, tensions: 3, weighing: 20 },
  { name: 8, ambitie: 30, values: 3, ambition: 15, parties: 6, tensions: 3, weighing: 12 },
  // At most ~190 words whatever the board holds: 20 + 3 × (5 + 8) + 3 × 5 + 4 × 5 + 2 × (5 + 8) + labels and the
  // request to the college.
  { name: 5, ambitie: 20, values: 3, ambition: 8, parties: 4, tensions: 2, weighing: 8 },
]

export const countWords = (s: string) => s.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length

/** The first sentence of `value`, cut to `maxWords` words with an ellipsis. */
export function firstSentence(value: string, maxWords: number): string {
  const sentence = value.trim().split(/(?<=[.!?])\s+|\r?\n/)[0] ?? ''
  const words = sentence.split(/\s+/).filter(Boolean)
  return words.length > maxWords ? `${words.slice(0, maxWords).join(' ')}…` : words.join(' ')
}

/** `value` cut to `maxWords` words with an ellipsis, whatever its punctuation (names may hold "Dr." or "St."). */
function cutWords(value: string, maxWords: number): string {
  const words = value.trim().split(/\s+/).filter(Boolean)
  return words.length > maxWords ? `${words.slice(0, maxWords).join(' ')}…` : words.join(' ')
}

export type SamenvattingInput = {
  pvw: ProgrammaVanWaarden
  /** The parts A–F that are still empty, by letter. */
  legeDelen: readonly string[]
  status: DocumentStatus
}

export function blocksSamenvatting(input: SamenvattingInput): DocumentBlock[] {
  if (input.legeDelen.length === 6) {
    return [
      h(2, SAMENVATTING_TITLE),
      todo(
        'Nog te doen: alles. Begin met de Quickscan: schets het gebied, kies de sturende waarden en zet de eerste baathouders in de schillen.',
      ),
    ]
  }
  let blocks: DocumentBlock[] = []
  for (const limits of TIERS) {
    blocks = compose(input, limits)
    if (wordsOf(blocks) <= SAMENVATTING_MAX_WORDS) break
  }
  return blocks
}

function wordsOf(blocks: readonly DocumentBlock[]): number {
  return blocks
    .map((b) =>
      b.kind === 'paragraph'
        ? countWords(`${b.label ?? ''} ${b.text}`)
        : b.kind === 'list'
          ? b.items.reduce((n, i) => n + countWords(i.text), 0)
          : b.kind === 'heading'
            ? countWords(b.text)
            : 0,
    )
    .reduce((a, b) => a + b, 0)
}

function compose({ pvw, legeDelen, status }: SamenvattingInput, limits: Limits): DocumentBlock[] {
  const { A, B, D, fase } = pvw
  const words = KLASSE_WORDS[fase]
  const name = (s: string) => cutWords(s, limits.name)
  const some = (names: readonly string[], max: number) => {
    const shown = names.slice(0, max).map(name).join(', ')
    return names.length > max ? `${shown} en ${names.length - max} andere` : shown
  }
  const gemeente = pvw.werksessie?.gemeente?.trim()
  const gebied = `${name(pvw.gebied)}${gemeente ? `, gemeente ${name(gemeente)}` : ''}.`
  const values = B.prioritair.slice(0, limits.values).map((v) => ({
    text: v.ambitions[0]
      ? `${name(v.name)}: ${firstSentence(v.ambitions[0], limits.ambition)}`
      : name(v.name),
    sources: v.sources,
  }))
  const spanningen = B.spanningen.slice(0, limits.tensions).map((t) => {
    const how = t.decision.trim() || t.weighing.trim()
    return {
      text: `${name(t.name)}: ${how ? firstSentence(how, limits.weighing) : 'nog niet gewogen'}`,
      sources: t.sources,
    }
  })
  const gevraagd =
    legeDelen.length > 0
      ? `kennis te nemen van dit concept en de richting te steunen. Nog te doen: onderdeel ${legeDelen.join(', ')}.`
      : status === 'vastgesteld'
        ? 'het college heeft dit Programma van Waarden vastgesteld als kader voor de volgende fasen.'
        : 'dit Programma van Waarden vast te stellen als kader voor het Programma van Eisen, de aanbesteding en het beheer, en de werkwijze bestuurlijk te dragen.'
  const paragraph = (label: string, text: string, sources: string[] = []): DocumentBlock => ({
    kind: 'paragraph',
    label,
    text,
    sources,
  })
  return [
    h(2, SAMENVATTING_TITLE),
    paragraph(
      'Gebied',
      `${gebied} ${A.ambitie ? firstSentence(A.ambitie.text, limits.ambitie) : 'De gebiedsambitie is nog niet geformuleerd.'}`,
      A.ambitie?.sources ?? [],
    ),
    ...(values.length
      ? [paragraph(`${words.hoofd} en hun ambities`, ''), ...list(values)]
      : [todo(words.geenHoofd)]),
    ...(B.secundair.length
      ? [
          paragraph(
            words.mee,
            some(
              B.secundair.map((v) => v.name),
              limits.values,
            ),
          ),
        ]
      : []),
    paragraph(
      'Gebiedscoalitie',
      D.gebiedscoalitie.length
        ? `${some(
            D.gebiedscoalitie.map((x) => x.name),
            limits.parties,
          )}.`
        : `nog geen shareholders; ${pvw.quickscan.baathouders.length} baathouders in beeld.`,
      D.gebiedscoalitie.flatMap((x) => x.sources),
    ),
    ...(spanningen.length
      ? [paragraph('Spanningen en hoe ze zijn gewogen', ''), ...list(spanningen)]
      : [todo('Nog geen spanningen benoemd.')]),
    paragraph('Gevraagd van het college', gevraagd),
  ]
}
