import type { AssetStore } from '../storage/ports/AssetStore.ts'
import type { BoardStore } from '../storage/ports/BoardStore.ts'
import { referencedAssetIds, sweepPlan } from './sweepPlan.ts'

export type CollectorDeps = {
  store: AssetStore
  boards: Pick<BoardStore, 'getBoard'>
  /** The board's current records (the live document, as `GET /snapshot` gives them). */
  records(boardId: string): Promise<readonly unknown[]>
  /** Wall-clock time (ms); injected so tests move it by days. */
  now(): number
  /** How long an asset stays unnamed before it is deleted (`ASSET_ORPHAN_DAYS`). */
  graceMs: number
  onError?(boardId: string, error: unknown): void
}

export type SweepReport = {
  boards: number
  marked: number
  cleared: number
  removed: number
  boardsGone: number
}

/**
 * Collects orphaned assets: per board with assets, those no asset record of its document has named for
 * `graceMs` (see `sweepPlan`), and all assets of boards that no longer exist. One board's failure is reported
 * and the sweep goes on with the next.
 */
export class AssetCollector {
  readonly #deps: CollectorDeps

  constructor(deps: CollectorDeps) {
    this.#deps = deps
  }

  async sweep(): Promise<SweepReport> {
    const { store, boards } = this.#deps
    const report: SweepReport = { boards: 0, marked: 0, cleared: 0, removed: 0, boardsGone: 0 }
    for (const boardId of await store.boardsWithAssets()) {
      try {
        report.boards++
        if (!(await boards.getBoard(boardId))) {
          report.removed += await store.deleteBoardAssets(boardId)
          report.boardsGone++
          continue
        }
        const referenced = referencedAssetIds(await this.#deps.records(boardId))
        const now = this.#deps.now()
        const plan = sweepPlan(await store.list(boardId), referenced, now, this.#deps.graceMs)
        await store.markUnreferenced(boardId, plan.mark, now)
        await store.markUnreferenced(boardId, plan.clear, null)
        report.removed += await store.delete(boardId, plan.remove)
        report.marked += plan.mark.length
        report.cleared += plan.clear.length
      } catch (error) {
        this.#deps.onError?.(boardId, error)
      }
    }
    return report
  }
}
