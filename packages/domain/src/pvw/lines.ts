import type { BaathouderCard, BoardModel, Note, PvwFrame, ValueCard } from '../board/BoardModel.ts'
import { baathouderType } from '../method/baathouderLibrary.ts'
import { valueLabel } from '../method/values.ts'
import type { PvwFrameProps } from '../shapes/pvwFrameShape.ts'
import type { BaathouderLine, Line, ValueClass } from './programmaVanWaardenSchema.ts'

// Small helpers shared by the part builders.

/** A line, or null for blank text: empty fields stay out of the document instead of printing empty bullets. */
export function line(text: string, sources: string[]): Line | null {
  const trimmed = text.trim()
  return trimmed ? { text: trimmed, sources } : null
}

export function lines(texts: readonly string[], sources: string[]): Line[] {
  return texts.flatMap((t) => line(t, sources) ?? [])
}

export function noteLines(notes: readonly Note[], part: PvwFrameProps['part']): Line[] {
  return notes.filter((n) => n.part === part).flatMap((n) => line(n.text, [n.id]) ?? [])
}

/** The frame that holds a part's structured fields: the first in reading order (duplicates are a toets finding). */
export function primaryFrame<K extends PvwFrameProps['part']>(
  board: BoardModel,
  part: K,
): (PvwFrame & { props: Extract<PvwFrameProps, { part: K }> }) | null {
  const frame = board.frames.find((f) => f.props.part === part)
  return (frame as (PvwFrame & { props: Extract<PvwFrameProps, { part: K }> }) | undefined) ?? null
}

export function valueName(card: ValueCard): string {
  return card.props.name.trim() || valueLabel(card.props.valueKey)
}

export function valueClass(card: ValueCard): ValueClass {
  switch (card.column) {
    case 'sturend':
      return 'prioritair'
    case 'meekoppelen':
      return 'secundair'
    case 'vinger-aan-de-pols':
      return 'vinger-aan-de-pols'
    default:
      return 'ongeplaatst'
  }
}

export function baathouderName(card: BaathouderCard): string {
  const { name, organisation, category } = card.props
  return name.trim() || organisation.trim() || baathouderType(category)?.label || 'Naamloze baathouder'
}

export function schilOfCard(card: BaathouderCard): 1 | 2 | 3 | 4 | null {
  return card.ring === null || card.ring === 'centrum' ? null : card.ring
}

export function baathouderLine(card: BaathouderCard): BaathouderLine {
  return {
    baathouderId: card.id,
    name: baathouderName(card),
    organisation: card.props.organisation,
    schil: schilOfCard(card),
    involvement: card.props.involvement,
    baten: card.props.baten,
    trigger: card.props.trigger,
    contributions: card.props.contributions,
    sources: [card.id],
  }
}

// One collator for all sorting: `localeCompare(x, 'nl')` builds a new collator per call, which dominated big boards.
const collator = new Intl.Collator('nl')

export function compareText(a: string, b: string): number {
  return collator.compare(a, b)
}

/** Value id → the baathouder cards linked to it, in board order; built once per programme, not per value. */
export function baathoudersByValue(board: BoardModel): Map<string, BaathouderCard[]> {
  const map = new Map<string, BaathouderCard[]>()
  for (const card of board.baathouders) {
    for (const id of new Set(card.props.valueIds)) {
      const list = map.get(id)
      if (list) list.push(card)
      else map.set(id, [card])
    }
  }
  return map
}

/**
 * Baathouder cards linked to no value card on this board: `valueIds` empty, or naming only cards that are gone.
 * Cards added through the Overzicht start so; they still count (part D, Quickscan, kompas, aan tafel).
 */
export function unlinkedBaathouders(board: BoardModel): BaathouderCard[] {
  const valueIds = new Set(board.valueCards.map((v) => v.id))
  return board.baathouders.filter((card) => !card.props.valueIds.some((id) => valueIds.has(id)))
}

/** Alphabetical order for lists that must not depend on where a card lies (E, F, coalitions). */
export function byName<T extends { name: string; sources: string[] }>(a: T, b: T): number {
  return collator.compare(a.name, b.name) || collator.compare(a.sources[0] ?? '', b.sources[0] ?? '')
}

/** Ambitions, indicators and the like as entered, minus blank entries. */
export function texts(values: readonly string[]): string[] {
  return values.map((v) => v.trim()).filter((v) => v.length > 0)
}

export type Names = ReadonlyMap<string, string>

export function valueNames(board: BoardModel): Names {
  return new Map(board.valueCards.map((v) => [v.id, valueName(v)]))
}

/** Links to value cards that exist, once each, in the order given. */
export function valueRefs(ids: readonly string[], names: Names) {
  return [...new Set(ids)].flatMap((valueId) => {
    const name = names.get(valueId)
    return name === undefined ? [] : [{ valueId, name }]
  })
}
