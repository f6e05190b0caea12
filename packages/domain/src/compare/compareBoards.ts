import type { BaathouderCard, BoardModel, TensionCard, ValueCard } from '../board/BoardModel.ts'
import { type ReadBoardResult, readBoard } from '../board/readBoard.ts'
import { baathouderName, compareText, schilOfCard, valueName } from '../pvw/lines.ts'
import type {
  BaathouderChange,
  BoardComparison,
  ComparisonSummary,
  TensionChanges,
  ValueChange,
} from './boardComparisonSchema.ts'

/** readBoard's error, plus which of the two snapshots it is about. */
export type CompareBoardsError = Extract<ReadBoardResult, { ok: false }>['error'] & {
  side: 'before' | 'after'
}

export type CompareBoardsResult =
  | { ok: true; comparison: BoardComparison }
  | { ok: false; error: CompareBoardsError }

/**
 * What changed between two snapshots of a board: value classes (and twijfel), baathouder schillen and
 * involvement, tension status. Cards are matched by shape id, so a card deleted and drawn again counts as removed
 * plus added. Never throws; fails only when a snapshot is not a board at all (the `before` side is reported first).
 */
export function compareBoards(before: unknown, after: unknown): CompareBoardsResult {
  const a = readBoard(before)
  if (!a.ok) return { ok: false, error: { ...a.error, side: 'before' } }
  const b = readBoard(after)
  if (!b.ok) return { ok: false, error: { ...b.error, side: 'after' } }

  const values = compareValues(a.board, b.board)
  const baathouders = compareBaathouders(a.board, b.board)
  const tensions = compareTensions(a.board, b.board)
  return {
    ok: true,
    comparison: { values, baathouders, tensions, summary: summarise(values, baathouders, tensions) },
  }
}

/** Every id of either side, each once: the pairs a diff walks over. */
function pairs<T extends { id: string }>(
  before: readonly T[],
  after: readonly T[],
): [T | undefined, T | undefined][] {
  const old = new Map(before.map((c) => [c.id, c]))
  const now = new Map(after.map((c) => [c.id, c]))
  const ids = new Set([...old.keys(), ...now.keys()])
  return [...ids].map((id) => [old.get(id), now.get(id)])
}

// Names are what people read, so they sort by Dutch collation; the id only breaks ties, by code units, so the
// order never depends on the runtime's locale data for ids.
function byNameThenId(a: { id: string; name: string }, b: { id: string; name: string }): number {
  return compareText(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
}

function compareValues(before: BoardModel, after: BoardModel): ValueChange[] {
  const out: ValueChange[] = []
  for (const [old, now] of pairs<ValueCard>(before.valueCards, after.valueCards)) {
    const card = (now ?? old)!
    const base = { id: card.id, name: valueName(card), from: old?.column ?? null, to: now?.column ?? null }
    if (!old) out.push({ ...base, change: 'added' })
    else if (!now) out.push({ ...base, change: 'removed' })
    else {
      const twijfel =
        old.props.twijfel !== now.props.twijfel
          ? { twijfelFrom: old.props.twijfel, twijfelTo: now.props.twijfel }
          : null
      if (old.column !== now.column) out.push({ ...base, change: 'moved', ...twijfel })
      else if (twijfel) out.push({ ...base, change: 'twijfel', ...twijfel })
    }
  }
  return out.sort(byNameThenId)
}

function compareBaathouders(before: BoardModel, after: BoardModel): BaathouderChange[] {
  const out: BaathouderChange[] = []
  for (const [old, now] of pairs<BaathouderCard>(before.baathouders, after.baathouders)) {
    const card = (now ?? old)!
    const entry = {
      id: card.id,
      name: baathouderName(card),
      fromRing: old ? schilOfCard(old) : null,
      toRing: now ? schilOfCard(now) : null,
      fromInvolvement: old?.props.involvement ?? null,
      toInvolvement: now?.props.involvement ?? null,
    }
    if (!old) out.push({ ...entry, change: 'added' })
    else if (!now) out.push({ ...entry, change: 'removed' })
    else if (entry.fromRing !== entry.toRing) out.push({ ...entry, change: 'moved' })
    else if (entry.fromInvolvement !== entry.toInvolvement) out.push({ ...entry, change: 'involvement' })
  }
  return out.sort(byNameThenId)
}

// Same fallback as part B of the PvW, so a tension has the same name in the comparison as in the document.
function tensionName(card: TensionCard): string {
  return card.props.name.trim() || card.props.poles.map((pole) => pole.label.trim()).join(' ↔ ')
}

function compareTensions(before: BoardModel, after: BoardModel): TensionChanges {
  const out: TensionChanges = { added: [], decided: [], removed: [], statusChanged: [] }
  // Each tension lands in at most one list, so the summary counts add up to the number of changed tensions.
  for (const [old, now] of pairs<TensionCard>(before.tensions, after.tensions)) {
    if (!old && now) out.added.push({ id: now.id, name: tensionName(now), status: now.status })
    else if (old && !now) out.removed.push({ id: old.id, name: tensionName(old) })
    else if (old && now && old.status !== now.status) {
      if (now.status === 'besloten') {
        out.decided.push({ id: now.id, name: tensionName(now), decision: now.props.decision.trim() })
      } else out.statusChanged.push({ id: now.id, name: tensionName(now), from: old.status, to: now.status })
    }
  }
  out.added.sort(byNameThenId)
  out.decided.sort(byNameThenId)
  out.removed.sort(byNameThenId)
  out.statusChanged.sort(byNameThenId)
  return out
}

function summarise(
  values: ValueChange[],
  baathouders: BaathouderChange[],
  t: TensionChanges,
): ComparisonSummary {
  const countOf = <T>(xs: readonly T[], test: (x: T) => boolean) => xs.filter(test).length
  return {
    valuesAdded: countOf(values, (v) => v.change === 'added'),
    valuesRemoved: countOf(values, (v) => v.change === 'removed'),
    valuesMoved: countOf(values, (v) => v.change === 'moved'),
    twijfelChanged: countOf(values, (v) => v.twijfelFrom !== undefined),
    baathoudersAdded: countOf(baathouders, (b) => b.change === 'added'),
    baathoudersRemoved: countOf(baathouders, (b) => b.change === 'removed'),
    baathoudersMoved: countOf(baathouders, (b) => b.change === 'moved'),
    involvementChanged: countOf(
      baathouders,
      (b) => (b.change === 'moved' || b.change === 'involvement') && b.fromInvolvement !== b.toInvolvement,
    ),
    tensionsAdded: t.added.length,
    tensionsRemoved: t.removed.length,
    tensionsDecided: t.decided.length,
    tensionsStatusChanged: t.statusChanged.length,
    changes:
      values.length +
      baathouders.length +
      t.added.length +
      t.decided.length +
      t.removed.length +
      t.statusChanged.length,
  }
}
