import * as Y from 'yjs'

/**
 * Where an update writes, as paths of map keys from a root type: `['records', 'shape:a', 'props', 'color']`,
 * `['facilitation', 'timer']`. Array/text elements report the path of their container. Computed from the encoded
 * update and the current doc, without applying anything — so a change can be judged before anyone sees it.
 *
 * Only what applying the update would change is reported (SPEC rule P1): structs the doc already has are skipped
 * (Yjs ignores them), deleting what is already deleted or garbage-collected changes nothing, and an item that Yjs
 * would turn into garbage on arrival (its neighbour or parent is garbage-collected) writes nothing. `unresolved` is
 * set when the update reaches beyond what the server knows — an item next to or inside an unknown one, or a
 * deletion of clocks the server has not seen (Yjs would keep it pending and delete those items when they arrive,
 * whoever writes them) — so such an update cannot be judged and must not be stored.
 */
export type ChangedPaths = { paths: string[][]; unresolved: boolean }

/** An update as `Y.decodeUpdate` returns it (callers that decoded it already pass it on, saving a decode). */
export type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>

type Struct = Y.Item | Y.GC
/** Where an item writes: a path, nothing (Yjs turns it into garbage), or unknown. */
type Located = { path: string[] } | 'noop' | 'unknown'

/** Structs of updates by client, ordered by clock, for lookups by id (binary search: an update may hold 20,000). */
class StructIndex {
  readonly #byClient = new Map<number, Struct[]>()
  /** The longest struct of each client: how far back a struct starting earlier could still reach. */
  readonly #longest = new Map<number, number>()
  #sorted = true

  add(structs: readonly unknown[]): void {
    for (const struct of structs) {
      if (!(struct instanceof Y.Item) && !(struct instanceof Y.GC)) continue // Skip: a gap, not a struct
      const client = struct.id.client
      const list = this.#byClient.get(client)
      if (list) list.push(struct)
      else this.#byClient.set(client, [struct])
      this.#longest.set(client, Math.max(this.#longest.get(client) ?? 0, struct.length))
    }
    this.#sorted = false
  }

  /** Sorts every client's structs by clock once after adding. */
  #sort(): void {
    if (this.#sorted) return
    // Stable: of structs starting at the same clock (a repeated update), the one added first comes first.
    for (const list of this.#byClient.values()) list.sort((a, b) => a.id.clock - b.id.clock)
    this.#sorted = true
  }

  #list(client: number): Struct[] {
    this.#sort()
    return this.#byClient.get(client) ?? []
  }

  /** Index of the last struct of `client` starting at or before `clock`, or -1. */
  #lastStartingBy(list: Struct[], clock: number): number {
    let low = 0
    let high = list.length - 1
    let found = -1
    while (low <= high) {
      const mid = (low + high) >> 1
      if ((list[mid] as Struct).id.clock <= clock) {
        found = mid
        low = mid + 1
      } else high = mid - 1
    }
    return found
  }

  find(client: number, clock: number): Struct | null {
    const list = this.#list(client)
    // Structs of one update never overlap; those of several queued updates may (a repeated update): the first
    // added that covers the clock, as Yjs keeps the first it integrates.
    const reach = this.#longest.get(client) ?? 0
    let covering: Struct | null = null
    for (let i = this.#lastStartingBy(list, clock); i >= 0; i--) {
      const struct = list[i] as Struct
      if (struct.id.clock + reach <= clock) break
      if (clock < struct.id.clock + struct.length) covering = struct
    }
    return covering
  }

  /** Where a client's structs here start after `clock` (to step over gaps in a delete range). */
  nextStart(client: number, clock: number): number | null {
    const list = this.#list(client)
    const next = list[this.#lastStartingBy(list, clock) + 1]
    return next ? next.id.clock : null
  }

  /** The end of the client's structs here (0 when none). */
  end(client: number): number {
    let end = 0
    for (const struct of this.#list(client)) end = Math.max(end, struct.id.clock + struct.length)
    return end
  }

  clients(): IterableIterator<[number, Struct[]]> {
    this.#sort()
    return this.#byClient.entries()
  }
}

/** Whether an item names a struct of its own client at or after its own clock as neighbour or parent. */
function pointsForward(item: Y.Item): boolean {
  const { client, clock } = item.id
  const parent: unknown = item.parent
  return [item.origin, item.rightOrigin, parent instanceof Y.ID ? parent : null].some(
    (id) => id !== null && id.client === client && id.clock >= clock,
  )
}

export function changedPaths(
  doc: Y.Doc,
  update: Uint8Array | DecodedUpdate,
  context: readonly Uint8Array[] = [],
): ChangedPaths {
  const { structs, ds } = update instanceof Uint8Array ? Y.decodeUpdate(update) : update
  // Precedence follows the order Yjs applies things in: the doc, then updates queued before this one (same
  // batch), then this update. A struct whose id an earlier source has is ignored by Yjs, so it must be here too:
  // a forged copy of a known id must not decide where an item that names it as neighbour lands.
  const queued = new StructIndex()
  for (const pending of context) queued.add(Y.decodeUpdate(pending).structs)
  const own = new StructIndex()
  own.add(structs)
  const inDoc = (client: number) => Y.getState(doc.store, client)

  const find = (id: Y.ID): Struct | null => {
    if (id.clock < inDoc(id.client)) {
      const stored = doc.store.clients.get(id.client)
      return stored ? (stored[Y.findIndexSS(stored, id.clock)] ?? null) : null
    }
    return queued.find(id.client, id.clock) ?? own.find(id.client, id.clock)
  }

  const memo = new Map<Y.Item, Located>()
  /**
   * The path of the entry an item is (its container's path plus its map key, if any). Neighbours are followed
   * in a loop, not by recursion: a run of array pushes queued one by one is a chain as long as the run. Parents
   * (nesting) recurse, bounded.
   */
  const locate = (item: Y.Item, depth = 0): Located => {
    if (depth > 64) return 'unknown'
    const chain: Y.Item[] = []
    const seen = new Set<Y.Item>()
    let current = item
    let result: Located
    for (;;) {
      const known = memo.get(current)
      if (known !== undefined) {
        result = known
        break
      }
      if (seen.has(current)) {
        result = 'unknown' // forged neighbours that point at each other
        break
      }
      seen.add(current)
      chain.push(current)
      const parent: unknown = current.parent
      if (parent instanceof Y.AbstractType) {
        // An item of the doc itself: its container is known for certain.
        const ownerItem = parent._item
        if (ownerItem) result = extend(locate(ownerItem, depth + 1), current.parentSub)
        else {
          try {
            result = extend({ path: [Y.findRootTypeKey(parent)] }, current.parentSub)
          } catch {
            result = 'unknown'
          }
        }
        break
      }
      if (pointsForward(current)) {
        // Yjs assumes a client's own earlier structs exist and fails deep inside its integration otherwise.
        result = 'unknown'
        break
      }
      if (current.origin || current.rightOrigin) {
        // Yjs takes container and key from the left neighbour (else the right one); a garbage-collected
        // neighbour turns the item into garbage.
        const left = current.origin ? find(current.origin) : null
        const right = current.rightOrigin ? find(current.rightOrigin) : null
        if ((current.origin && !left) || (current.rightOrigin && !right)) result = 'unknown'
        else if (left instanceof Y.GC || right instanceof Y.GC) result = 'noop'
        else {
          current = (left ?? right) as Y.Item
          continue
        }
        break
      }
      if (typeof parent === 'string') {
        result = { path: current.parentSub === null ? [parent] : [parent, current.parentSub] }
      } else if (parent instanceof Y.ID) {
        const owner = find(parent)
        if (!owner) result = 'unknown'
        else if (owner instanceof Y.GC) result = 'noop'
        else result = extend(locate(owner, depth + 1), current.parentSub)
      } else {
        result = 'unknown'
      }
      break
    }
    for (const link of chain) memo.set(link, result)
    return result
  }
  const extend = (container: Located, key: string | null): Located =>
    typeof container === 'string'
      ? container
      : { path: key === null ? container.path : [...container.path, key] }

  const paths: string[][] = []
  let unresolved = false
  const judge = (located: Located) => {
    if (located === 'unknown') unresolved = true
    else if (located !== 'noop') paths.push(located.path)
  }

  for (const [client, list] of own.clients()) {
    const known = Math.max(inDoc(client), queued.end(client))
    for (const struct of list) {
      if (!(struct instanceof Y.Item)) continue
      // Entirely known already: Yjs skips it.
      if (struct.id.clock + struct.length <= inDoc(client)) continue
      if (struct.id.clock < known && known < struct.id.clock + struct.length) {
        // Partly known: Yjs integrates only the tail, linked right after the struct before it (the client's last
        // known clock) whatever container the struct claims — a map entry there would delete that item. An honest
        // tail continues its own earlier part; anything else cannot be judged.
        const before = find(Y.createID(client, known - 1))
        const tail = locate(struct)
        const head = before instanceof Y.Item ? locate(before) : 'unknown'
        if (
          typeof head === 'string' ||
          typeof tail === 'string' ||
          head.path.join('\u0000') !== tail.path.join('\u0000')
        ) {
          unresolved = true
          continue
        }
      }
      judge(locate(struct))
    }
  }

  for (const [client, ranges] of ds.clients) {
    for (const range of ranges) {
      const end = range.clock + range.len
      let clock = range.clock
      while (clock < end) {
        const struct = find(Y.createID(client, clock))
        if (struct) {
          // Deleting garbage or a deleted item changes nothing; a live item's deletion writes its entry.
          if (struct instanceof Y.Item && !struct.deleted) judge(locate(struct))
          clock = struct.id.clock + struct.length
          continue
        }
        // No struct here. Below the doc's state that is impossible; beyond it, Yjs keeps the deletion pending
        // and applies it to whatever later arrives with these ids: nobody can say what it will delete.
        const next = Math.min(queued.nextStart(client, clock) ?? end, own.nextStart(client, clock) ?? end)
        if (clock >= inDoc(client)) unresolved = true
        clock = next > clock ? next : end
      }
    }
  }
  const unique = new Map(paths.map((p) => [p.join('\u0000'), p]))
  return { paths: [...unique.values()], unresolved }
}
