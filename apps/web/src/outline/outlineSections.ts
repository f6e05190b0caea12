import {
  type BaathouderCard,
  type BoardModel,
  byReadingOrder,
  type Note,
  type Placed,
  PRIORITERING_COLUMNS,
  type PrioriteringColumn,
  type PvwFrame,
  type Schil,
  SPANNINGEN_COLUMNS,
  type TensionCard,
  type TensionStatus,
  type ValueCard,
} from '@waardentafel/domain'

// The board as a document: one section per template in reading order, one group per column, ring or status
// (always all of them, so an empty class is visible too), then whatever lies outside any template.

export type Group<K, C> = { key: K; cards: C[] }

export type OutlineSection =
  | {
      kind: 'prioritering'
      id: string
      pageId: string
      title: string
      groups: Group<PrioriteringColumn, ValueCard>[]
    }
  | {
      kind: 'schillen'
      id: string
      pageId: string
      title: string
      groups: Group<Schil | 'centrum', BaathouderCard>[]
    }
  | {
      kind: 'spanningen'
      id: string
      pageId: string
      title: string
      groups: Group<TensionStatus, TensionCard>[]
    }
  | { kind: 'pvw'; id: string; pageId: string; frame: PvwFrame; notes: Note[] }

export type Outline = {
  sections: OutlineSection[]
  loose: { values: ValueCard[]; baathouders: BaathouderCard[]; tensions: TensionCard[]; notes: Note[] }
  /** Value names by card id, for tensions ("tussen Gezondheid en Groen"). */
  valueNames: Map<string, string>
}

const RINGS: readonly (Schil | 'centrum')[] = [1, 2, 3, 4, 'centrum']

export function buildOutline(model: BoardModel, valueName: (card: ValueCard) => string): Outline {
  const found: { section: OutlineSection; placed: Placed }[] = []
  for (const t of model.prioriteringen) {
    const groups = PRIORITERING_COLUMNS.map((key) => ({
      key,
      cards: model.valueCards.filter((c) => c.templateId === t.id && c.column === key),
    }))
    found.push({
      section: { kind: 'prioritering', id: t.id, pageId: t.pageId, title: t.props.title, groups },
      placed: t,
    })
  }
  for (const t of model.schillen) {
    const groups = RINGS.map((key) => ({
      key,
      cards: model.baathouders.filter((c) => c.templateId === t.id && c.ring === key),
    }))
    found.push({
      section: { kind: 'schillen', id: t.id, pageId: t.pageId, title: t.props.areaName, groups },
      placed: t,
    })
  }
  for (const t of model.spanningen) {
    const groups = SPANNINGEN_COLUMNS.map((key) => ({
      key,
      cards: model.tensions.filter((c) => c.templateId === t.id && c.status === key),
    }))
    found.push({
      section: { kind: 'spanningen', id: t.id, pageId: t.pageId, title: t.props.title, groups },
      placed: t,
    })
  }
  for (const frame of model.frames) {
    const notes = model.notes.filter((n) => n.frameId === frame.id)
    found.push({ section: { kind: 'pvw', id: frame.id, pageId: frame.pageId, frame, notes }, placed: frame })
  }
  found.sort((a, b) => byReadingOrder(a.placed, b.placed))
  return {
    sections: found.map((f) => f.section),
    loose: {
      values: model.valueCards.filter((c) => c.templateId === null),
      baathouders: model.baathouders.filter((c) => c.templateId === null),
      tensions: model.tensions.filter((c) => c.templateId === null),
      notes: model.notes.filter((n) => n.frameId === null),
    },
    valueNames: new Map(model.valueCards.map((c) => [c.id, valueName(c)])),
  }
}
