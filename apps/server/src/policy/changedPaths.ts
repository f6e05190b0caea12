import * as Y from 'yjs'

/**
 * Where an update writes, as paths of map keys from a root type: `['records', 'shape:a', 'props', 'color']`,
 * `['facilitation', 'timer']`. Array/text elements report the path of their container. Computed from the encoded
 * update and the current doc, without applying anything — so a change can be judged before anyone sees it.
 */
export type ChangedPaths = { paths: string[][]; unresolved: boolean }

type Located = { path: string[] } | null

/** The parts of a decoded Yjs item this module reads (Yjs' own `Item` class, typed loosely on purpose). */
type DecodedItem = InstanceType<typeof Y.Item>

/** An update as `Y.decodeUpdate` returns it (callers that decoded it already pass it on, saving a decode). */
export type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>

export function changedPaths(
  doc: Y.Doc,
  update: Uint8Array | DecodedUpdate,
  context: readonly Uint8Array[] = [],
): ChangedPaths {
  const { structs, ds } = update instanceof Uint8Array ? Y.decodeUpdate(update) : update
  const byClient = new Map<number, DecodedItem[]>()
  const index = (items: readonly unknown[]) => {
    for (const struct of items) {
      if (!(struct instanceof Y.Item)) continue
      const list = byClient.get(struct.id.client) ?? []
      list.push(struct)
      byClient.set(struct.id.client, list)
    }
  }
  index(structs)
  // Updates accepted but not yet applied (same batch) may hold the items this one builds on.
  for (const pending of context) index(Y.decodeUpdate(pending).structs)
  const own = new Set(structs)
  const memo = new Map<DecodedItem, Located>()
  const paths: string[][] = []
  let unresolved = false

  /** An item by id: first among the update's new items, then in the doc. */
  const find = (id: Y.ID): DecodedItem | null => {
    for (const item of byClient.get(id.client) ?? []) {
      if (id.clock >= item.id.clock && id.clock < item.id.clock + item.length) return item
    }
    const stored = doc.store.clients.get(id.client)
    if (!stored) return null
    const last = stored[stored.length - 1]
    if (!last || id.clock >= last.id.clock + last.length) return null
    const found = stored[Y.findIndexSS(stored, id.clock)]
    return found instanceof Y.Item ? found : null
  }

  /** The path of the entry an item is (its container's path plus its map key, if any). */
  const locate = (item: DecodedItem, depth = 0): Located => {
    if (memo.has(item)) return memo.get(item) ?? null
    if (depth > 64) return null
    let container: string[] | null = null
    let key: string | null = item.parentSub
    const parent: unknown = item.parent
    if (typeof parent === 'string') {
      container = [parent] // a decoded update names a root type by its key
    } else if (parent instanceof Y.AbstractType) {
      const owner = parent._item
      if (owner) container = locate(owner, depth + 1)?.path ?? null
      else {
        try {
          container = [Y.findRootTypeKey(parent)]
        } catch {
          container = null
        }
      }
    } else if (parent instanceof Y.ID) {
      const owner = find(parent)
      container = owner ? (locate(owner, depth + 1)?.path ?? null) : null
    } else {
      // Inserted next to a sibling: same container and (for maps) same key as that sibling.
      const siblingId = item.origin ?? item.rightOrigin
      const sibling = siblingId ? find(siblingId) : null
      const located = sibling ? locate(sibling, depth + 1) : null
      if (located && sibling) {
        const siblingKey = sibling.parentSub
        container = siblingKey === null ? located.path : located.path.slice(0, -1)
        key = siblingKey
      }
    }
    const result = container ? { path: key === null ? container : [...container, key] } : null
    memo.set(item, result)
    return result
  }

  for (const items of byClient.values()) {
    for (const item of items) {
      if (!own.has(item)) continue
      const located = locate(item)
      if (located) paths.push(located.path)
      else unresolved = true
    }
  }
  for (const [client, ranges] of ds.clients) {
    for (const range of ranges) {
      let clock = range.clock
      while (clock < range.clock + range.len) {
        const item = find(Y.createID(client, clock))
        if (!item) {
          // Deleting something the doc never had is a no-op for the doc; nothing to judge.
          break
        }
        const located = locate(item)
        if (located) paths.push(located.path)
        else unresolved = true
        clock = item.id.clock + item.length
      }
    }
  }
  const unique = new Map(paths.map((p) => [p.join('\u0000'), p]))
  return { paths: [...unique.values()], unresolved }
}
