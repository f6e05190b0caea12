import type { AssetMeta } from '../storage/ports/AssetStore.ts'

/** What one sweep of a board does with its assets. */
export type SweepPlan = {
  /** Named by no asset record now, and not marked yet: marked as unreferenced from now. */
  mark: string[]
  /** Marked earlier, named again (an undo, a restored session): the mark is cleared. */
  clear: string[]
  /** Unreferenced for at least `graceMs`: deleted. */
  remove: string[]
}

const ASSET_ID_IN_TEXT = /\/assets\/([0-9a-f]{32})(?![0-9a-f])/g

/**
 * The asset ids a board's records name: every `/assets/<id>` in an asset record (its `src`, and its `meta`, where a
 * map's PDF is named beside the image of its page).
 */
export function referencedAssetIds(records: readonly unknown[]): Set<string> {
  const ids = new Set<string>()
  for (const record of records) {
    if (
      typeof record !== 'object' ||
      record === null ||
      (record as { typeName?: unknown }).typeName !== 'asset'
    ) {
      continue
    }
    for (const match of JSON.stringify(record).matchAll(ASSET_ID_IN_TEXT)) ids.add(match[1] as string)
  }
  return ids
}

/**
 * Orphans are collected in two steps so that nothing still wanted is lost: an asset no record names is first only
 * marked (uploaded by a device that has not yet sent its record, deleted and then undone, …); it is deleted when it
 * has stayed unnamed for `graceMs` by the sweeps since. An asset named again loses its mark.
 */
export function sweepPlan(
  assets: readonly AssetMeta[],
  referenced: ReadonlySet<string>,
  now: number,
  graceMs: number,
): SweepPlan {
  const plan: SweepPlan = { mark: [], clear: [], remove: [] }
  for (const asset of assets) {
    if (referenced.has(asset.id)) {
      if (asset.unreferencedSince !== null) plan.clear.push(asset.id)
    } else if (asset.unreferencedSince === null) {
      plan.mark.push(asset.id)
    } else if (now - asset.unreferencedSince >= graceMs) {
      plan.remove.push(asset.id)
    }
  }
  return plan
}
