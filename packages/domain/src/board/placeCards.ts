import type { Finding } from '../findings.ts'
import type { BaathouderCardProps } from '../shapes/baathouderCardShape.ts'
import type { EvidenceCardProps } from '../shapes/evidenceCardShape.ts'
import type { FinancieringCardProps } from '../shapes/financieringCardShape.ts'
import type { KernindicatorCardProps } from '../shapes/kernindicatorCardShape.ts'
import type { KompasOnderbouwingProps } from '../shapes/kompasOnderbouwingShape.ts'
import type { KoppelkansCardProps } from '../shapes/koppelkansCardShape.ts'
import type { PrioriteringProps } from '../shapes/prioriteringShape.ts'
import type { PvwFrameProps } from '../shapes/pvwFrameShape.ts'
import type { SchillenProps } from '../shapes/schillenShape.ts'
import {
  BAATHOUDER_CARD_TYPE,
  EVIDENCE_CARD_TYPE,
  FINANCIERING_CARD_TYPE,
  KERNINDICATOR_CARD_TYPE,
  KOMPAS_ONDERBOUWING_TYPE,
  KOPPELKANS_CARD_TYPE,
  NOTE_TYPE,
  PRIORITERING_TYPE,
  PVW_FRAME_TYPE,
  SCHILLEN_TYPE,
  SPANNINGEN_TYPE,
  STURING_CARD_TYPE,
  TENSION_CARD_TYPE,
  VALUE_CARD_TYPE,
} from '../shapes/shapeTypes.ts'
import type { SpanningenProps } from '../shapes/spanningenShape.ts'
import type { SturingCardProps } from '../shapes/sturingCardShape.ts'
import type { TensionCardProps } from '../shapes/tensionCardShape.ts'
import type { ValueCardProps } from '../shapes/valueCardShape.ts'
import type { BoardModel, Note, Placed, PvwFrame, Template, TensionCard } from './BoardModel.ts'
import { byReadingOrder, frameOf, prioriteringColumnOf, schilOf, spanningenStatusOf } from './placement.ts'

// Entries are created by readBoard for this call only, so they are completed in place: on a 2,000-card board,
// spreading them into new objects per step was a measurable share of the read time.
type Entry = Placed & { type: string; props: unknown }
type Link = { id: string; fromId: string; toId: string }

function ofType<P>(entries: readonly Entry[], type: string): (Placed & { props: P })[] {
  return entries.filter((e) => e.type === type) as (Placed & { props: P })[]
}

function complete<T extends object, X extends object>(card: T, extra: X): T & X {
  return Object.assign(card, extra)
}

/** Derives class, schil, status and frame membership for every validated card. */
export function placeCards(
  placed: ReadonlyMap<string, Entry>,
  links: readonly Link[],
  issues: Finding[],
): Omit<BoardModel, 'id' | 'title' | 'createdAt' | 'workshop'> {
  const entries = [...placed.values()]
  const prioriteringen: Template<PrioriteringProps>[] = ofType(entries, PRIORITERING_TYPE)
  const schillen: Template<SchillenProps>[] = ofType(entries, SCHILLEN_TYPE)
  const spanningen: Template<SpanningenProps>[] = ofType(entries, SPANNINGEN_TYPE)
  const frames: PvwFrame[] = ofType<PvwFrameProps>(entries, PVW_FRAME_TYPE).sort(byReadingOrder)

  const valueCards = ofType<ValueCardProps>(entries, VALUE_CARD_TYPE)
    .map((card) => {
      const hit = prioriteringColumnOf(card, prioriteringen)
      return complete(card, { column: hit?.column ?? null, templateId: hit?.templateId ?? null })
    })
    .sort(byReadingOrder)

  const baathouders = ofType<BaathouderCardProps>(entries, BAATHOUDER_CARD_TYPE)
    .map((card) => {
      const hit = schilOf(card, schillen)
      return complete(card, { ring: hit?.ring ?? null, templateId: hit?.templateId ?? null })
    })
    .sort(byReadingOrder)

  const valueIds = new Set(valueCards.map((v) => v.id))
  const linksFrom = new Map<string, Link[]>()
  for (const link of links) {
    if (!valueIds.has(link.toId)) continue
    const list = linksFrom.get(link.fromId)
    if (list) list.push(link)
    else linksFrom.set(link.fromId, [link])
  }
  const tensions: TensionCard[] = ofType<TensionCardProps>(entries, TENSION_CARD_TYPE)
    .map((card) => {
      const hit = spanningenStatusOf(card, spanningen)
      const own = linksFrom.get(card.id) ?? []
      return complete(card, {
        status: hit?.status ?? null,
        templateId: hit?.templateId ?? null,
        valueIds: [...new Set(own.map((l) => l.toId))],
        linkIds: own.map((l) => l.id),
      })
    })
    .sort(byReadingOrder)

  const tensionIds = new Set(tensions.map((t) => t.id))
  for (const link of links) {
    if (tensionIds.has(link.fromId) && valueIds.has(link.toId)) continue
    issues.push({
      code: 'BOARD-LINK-DANGLING',
      severity: 'warning',
      message: {
        nl: `Koppeling ${link.id} verbindt geen spanning met een waarde en telt niet mee.`,
        en: `Link ${link.id} does not connect a tension to a value and is ignored.`,
      },
      cardIds: [link.id, link.fromId, link.toId],
    })
  }

  const notes: Note[] = ofType<{ text: string }>(entries, NOTE_TYPE)
    .map((note) => {
      const frame = frameOf(note, frames)
      return complete(note, {
        text: note.props.text,
        part: frame?.props.part ?? null,
        frameId: frame?.id ?? null,
      })
    })
    .sort(byReadingOrder)

  const spine = <P>(type: string) => ofType<P>(entries, type).sort(byReadingOrder)
  return {
    prioriteringen,
    schillen,
    spanningen,
    frames,
    valueCards,
    baathouders,
    tensions,
    notes,
    evidence: spine<EvidenceCardProps>(EVIDENCE_CARD_TYPE),
    onderbouwingen: spine<KompasOnderbouwingProps>(KOMPAS_ONDERBOUWING_TYPE),
    koppelkansen: spine<KoppelkansCardProps>(KOPPELKANS_CARD_TYPE),
    financiering: spine<FinancieringCardProps>(FINANCIERING_CARD_TYPE),
    sturing: spine<SturingCardProps>(STURING_CARD_TYPE),
    kernindicatoren: spine<KernindicatorCardProps>(KERNINDICATOR_CARD_TYPE),
    issues,
  }
}
