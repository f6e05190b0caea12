import type { ProgrammaVanWaarden } from '../pvw/programmaVanWaardenSchema.ts'
import type { DocumentStatus } from './blocksCover.ts'
import { type DocumentBlock, h, list, todo } from './DocumentBlock.ts'
import { KLASSE_WORDS } from './labels.ts'

// The bestuurlijke samenvatting: half a page for the college, composed from the parts, never typed separately, so
// it cannot drift from what the parts say. The handreiking asks half a page per part ("Houd het kort. Per
// onderdeel een halve bladzijde volstaat."); half an A4 page of body text is about 250 words, so every sentence
// here is cut to a word budget and every list to a few items.

export const SAMENVATTING_TITLE = 'Bestuurlijke samenvatting'
export const SAMENVATTING_MAX_WORDS = 250

const MAX_VALUES = 4
const MAX_TENSIONS = 3
const MAX_PARTIES = 8

/** The first sentence of `value`, cut to `maxWords` words with an ellipsis. */
export function firstSentence(value: string, maxWords: number): string {
  const sentence = value.trim().split(/(?<=[.!?])\s+|\r?\n/)[0] ?? ''
  const words = sentence.split(/\s+/).filter(Boolean)
  return words.length > maxWords ? `${words.slice(0, maxWords).join(' ')}…` : words.join(' ')
}

function some(names: readonly string[], max: number): string {
  const shown = names.slice(0, max).join(', ')
  const rest = names.length - max
  return rest > 0 ? `${shown} en ${rest} andere` : shown
}

export type SamenvattingInput = {
  pvw: ProgrammaVanWaarden
  /** The parts A–F that are still empty, by letter. */
  legeDelen: readonly string[]
  status: DocumentStatus
}

export function blocksSamenvatting({ pvw, legeDelen, status }: SamenvattingInput): DocumentBlock[] {
  if (legeDelen.length === 6) {
    return [
      h(2, SAMENVATTING_TITLE),
      todo(
        'Nog te doen: alles. Begin met de Quickscan: schets het gebied, kies de sturende waarden en zet de eerste baathouders in de schillen.',
      ),
    ]
  }
  const { A, B, D, fase } = pvw
  const words = KLASSE_WORDS[fase]
  const gemeente = pvw.werksessie?.gemeente?.trim()
  const gebied = `${pvw.gebied}${gemeente ? `, gemeente ${gemeente}` : ''}.`
  const values = B.prioritair.slice(0, MAX_VALUES).map((v) => ({
    text: v.ambitions[0] ? `${v.name}: ${firstSentence(v.ambitions[0], 25)}` : v.name,
    sources: v.sources,
  }))
  const coalitie = D.gebiedscoalitie.map((x) => x.name)
  const spanningen = B.spanningen.slice(0, MAX_TENSIONS).map((t) => {
    const how = t.decision.trim() || t.weighing.trim()
    return {
      text: how ? `${t.name}: ${firstSentence(how, 20)}` : `${t.name}: nog niet gewogen`,
      sources: t.sources,
    }
  })
  const gevraagd =
    legeDelen.length > 0
      ? `kennis te nemen van dit concept en de richting te steunen. Nog te doen: onderdeel ${legeDelen.join(', ')}.`
      : status === 'vastgesteld'
        ? 'het college heeft dit Programma van Waarden vastgesteld als kader voor de volgende fasen.'
        : 'dit Programma van Waarden vast te stellen als kader voor het Programma van Eisen, de aanbesteding en het beheer, en de werkwijze bestuurlijk te dragen.'
  return [
    h(2, SAMENVATTING_TITLE),
    {
      kind: 'paragraph',
      label: 'Gebied',
      text: `${gebied}${A.ambitie ? ` ${firstSentence(A.ambitie.text, 45)}` : ' De gebiedsambitie is nog niet geformuleerd.'}`,
      sources: A.ambitie?.sources ?? [],
    },
    ...(values.length
      ? [
          {
            kind: 'paragraph',
            label: `${words.hoofd} en hun ambities`,
            text: '',
            sources: [],
          } as DocumentBlock,
        ]
      : [todo(words.geenHoofd)]),
    ...list(values),
    ...(B.secundair.length
      ? [
          {
            kind: 'paragraph',
            label: words.mee,
            text: some(
              B.secundair.map((v) => v.name),
              MAX_VALUES,
            ),
            sources: [],
          } as DocumentBlock,
        ]
      : []),
    {
      kind: 'paragraph',
      label: 'Gebiedscoalitie',
      text: coalitie.length
        ? `${some(coalitie, MAX_PARTIES)}.`
        : `nog geen shareholders; ${pvw.quickscan.baathouders.length} baathouders in beeld.`,
      sources: D.gebiedscoalitie.flatMap((x) => x.sources),
    },
    ...(spanningen.length
      ? [
          {
            kind: 'paragraph',
            label: 'Spanningen en hoe ze zijn gewogen',
            text: '',
            sources: [],
          } as DocumentBlock,
          ...list(spanningen),
        ]
      : [todo('Nog geen spanningen benoemd.')]),
    { kind: 'paragraph', label: 'Gevraagd van het college', text: gevraagd, sources: [] },
  ]
}
