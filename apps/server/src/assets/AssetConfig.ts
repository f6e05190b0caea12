import type { AssetLimits } from './AssetService.ts'

/** The asset settings as `config.ts` parses them (docs/operations.md "Pictures and maps"). */
export type AssetConfig = AssetLimits & {
  /** How long an asset no record names stays before the collector deletes it (`ASSET_ORPHAN_DAYS`). */
  orphanGraceMs: number
  /** How often the collector sweeps (`ASSET_SWEEP_INTERVAL_MS`; null: never). */
  sweepIntervalMs: number | null
}
