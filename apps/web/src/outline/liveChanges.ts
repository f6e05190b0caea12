// Live changes by other people, as a screen reader hears them. Changes are collected for a short window,
// merged per card (a card dragged through three columns is one move), and then spoken once: one sentence
// for one or two changes, one summary for a burst, so a busy board never floods the live region.

export type CardKind = 'value' | 'baathouder' | 'tension' | 'note'

/** Where a card is, as a key: 'column:sturend', 'ring:2', 'ring:centrum', 'status:gewogen', 'part:A', 'none'. */
export type PlaceKey = string

export type CardChange = {
  id: string
  kind: CardKind
  name: string
  type: 'added' | 'moved' | 'removed'
  from: PlaceKey | null
  to: PlaceKey | null
  who: string[]
}

function union(a: readonly string[], b: readonly string[]): string[] {
  return [...new Set([...a, ...b])]
}

/** Merges successive changes to the same card; changes that undo each other disappear. */
export function coalesce(changes: readonly CardChange[]): CardChange[] {
  const byId = new Map<string, CardChange>()
  for (const next of changes) {
    const prev = byId.get(next.id)
    if (!prev) {
      byId.set(next.id, { ...next })
      continue
    }
    const who = union(prev.who, next.who)
    const name = next.name || prev.name
    byId.delete(next.id) // re-inserted below, so the order is that of the latest change
    if (prev.type === 'added' && next.type === 'removed') continue
    if (prev.type === 'added') byId.set(next.id, { ...prev, name, to: next.to, who })
    else if (next.type === 'removed') byId.set(next.id, { ...next, from: prev.from, who })
    else byId.set(next.id, { ...next, type: 'moved', from: prev.from, name, who })
  }
  return [...byId.values()].filter((c) => c.type !== 'moved' || c.from !== c.to)
}

export type Batcher = { push(change: CardChange): void; dispose(): void }

type Timers = {
  setTimeout: (fn: () => void, ms: number) => unknown
  clearTimeout: (handle: unknown) => void
}

/**
 * Collects changes from the first one on for `windowMs`, then hands the merged list to `flush` (if anything
 * is left after merging). Timers are injected so tests run on a fake clock.
 */
export function createBatcher(
  windowMs: number,
  flush: (changes: CardChange[]) => void,
  timers: Timers = {
    setTimeout: (fn, ms) => setTimeout(fn, ms),
    clearTimeout: (h) => clearTimeout(h as number),
  },
): Batcher {
  let pending: CardChange[] = []
  let handle: unknown = null
  const run = () => {
    handle = null
    const merged = coalesce(pending)
    pending = []
    if (merged.length > 0) flush(merged)
  }
  return {
    push(change) {
      pending.push(change)
      handle ??= timers.setTimeout(run, windowMs)
    },
    dispose() {
      if (handle !== null) timers.clearTimeout(handle)
      handle = null
      pending = []
    },
  }
}

type Translate = (key: string, options?: Record<string, unknown>) => string

/** A list of names as people say it: "Anna", "Anna en Bram", "Anna, Bram en Chris". */
export function joinNames(names: readonly string[], and: string): string {
  if (names.length <= 1) return names[0] ?? ''
  return `${names.slice(0, -1).join(', ')} ${and} ${names[names.length - 1]}`
}

/** Up to two changes as sentences, more as one summary with counts per kind of change. */
export function formatChanges(
  changes: readonly CardChange[],
  t: Translate,
  placeLabel: (place: PlaceKey | null) => string,
): string | null {
  if (changes.length === 0) return null
  const who = (names: readonly string[]) =>
    joinNames(names.length ? names : [t('outline.live.someone')], t('outline.live.and'))
  if (changes.length <= 2) {
    return changes
      .map((c) =>
        t(`outline.live.${c.type}`, {
          card: c.name,
          who: who(c.who),
          place: placeLabel(c.type === 'removed' ? c.from : c.to),
        }),
      )
      .join(' ')
  }
  const counts = { moved: 0, added: 0, removed: 0 }
  for (const c of changes) counts[c.type]++
  const parts = (['moved', 'added', 'removed'] as const)
    .filter((type) => counts[type] > 0)
    .map((type) => t(`outline.live.parts.${type}`, { count: counts[type] }))
    .join(', ')
  const everyone = changes.reduce<string[]>((all, c) => union(all, c.who), [])
  return t('outline.live.summary', { count: changes.length, who: who(everyone), parts })
}
