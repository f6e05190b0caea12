import { CloseCodes } from '@waardentafel/protocol'
import type { RoomManager } from '../../room/RoomManager.ts'
import type { WorkspaceStore } from '../../storage/ports/WorkspaceStore.ts'

/** Told about each board being purged, before its rows go (e.g. the asset store removes its files). */
export type PurgeHook = (boardId: string) => Promise<void>

export type BoardPurgerDeps = {
  store: WorkspaceStore
  rooms: Pick<RoomManager, 'loadedRoom' | 'announce'>
  now: () => number
  onError?: (boardId: string, error: unknown) => void
}

/**
 * Removes all data of boards whose deletion grace period has ended (`DELETE_GRACE_DAYS`): open sockets closed, the
 * `onPurge` hooks called (assets), then every row of the board in one step (`WorkspaceStore.purgeBoard`), and a
 * `board.purged` line in its project's audit log. Run by the server every `PURGE_INTERVAL_MS`; tests call `run()`
 * with their own clock.
 */
export class BoardPurger {
  readonly #d: BoardPurgerDeps
  readonly #hooks: PurgeHook[] = []

  constructor(deps: BoardPurgerDeps) {
    this.#d = deps
  }

  /** Registers a hook called for every purged board (the asset engineer's `deleteBoardAssets`, …). */
  onPurge(hook: PurgeHook): void {
    this.#hooks.push(hook)
  }

  /**
   * Purges every board due at `now` (the job's clock unless given: tests pass their own time); returns their ids. A
   * board whose purge fails is retried next run.
   */
  async run(now = this.#d.now(), batch = 100): Promise<string[]> {
    const due = await this.#d.store.boardsDueForPurge(now, batch)
    const purged: string[] = []
    for (const boardId of due) {
      try {
        await this.#purge(boardId, now)
        purged.push(boardId)
      } catch (error) {
        this.#d.onError?.(boardId, error)
      }
    }
    return purged
  }

  async #purge(boardId: string, now: number): Promise<void> {
    const placement = await this.#d.store.getPlacement(boardId)
    // Deleted boards were read-only already; now their sockets go for good (4404: the board is gone).
    this.#d.rooms
      .loadedRoom(boardId)
      ?.closeWhere(() => true, CloseCodes.BOARD_NOT_FOUND.code, 'BOARD_NOT_FOUND')
    for (const hook of this.#hooks) await hook(boardId)
    await this.#d.store.purgeBoard(boardId)
    // Sockets on other instances reconnect, and find the board gone.
    this.#d.rooms.announce(boardId, { kind: 'reconnect' })
    if (placement) {
      await this.#d.store.appendAudit({
        at: now,
        projectId: placement.projectId,
        actorId: null,
        actorName: null,
        action: 'board.purged',
        boardId: null,
        detail: { title: placement.title, deleteRequestedAt: placement.deleteRequestedAt },
      })
    }
  }
}
