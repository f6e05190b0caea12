import { CloseCodes } from '@waardentafel/protocol'
import type { BoardFanout, ControlMessage } from '../fanout/BoardFanout.ts'
import type { MergeUpdates } from '../storage/BoardStorage.ts'
import type { BoardStore } from '../storage/ports/BoardStore.ts'
import type { DocumentLog } from '../storage/ports/DocumentLog.ts'
import { realScheduler, type Scheduler, type Timer } from '../time/Clock.ts'
import { Room } from './Room.ts'
import type { RoomLimits } from './RoomLimits.ts'

/** Compaction waits for this long without new updates on the board… */
const COMPACT_QUIET_MS = 5_000
/** …unless the log has grown this many times past the threshold. */
const COMPACT_OVERDUE_FACTOR = 20

export type RoomManagerEvents = {
  loaded?: (boardId: string, ms: number) => void
  unloaded?: (boardId: string) => void
  failed?: (boardId: string, error: unknown) => void
  skippedStoredUpdate?: (boardId: string, index: number, error: unknown) => void
  compactionFailed?: (boardId: string, error: unknown) => void
  /** A board's room dropped its Y.Doc after a quiet spell, or rebuilt it (with the time that took). */
  hibernation?: (boardId: string, state: 'hibernated' | 'woke', ms: number) => void
  /**
   * A client's update was refused by the write policy (4409) or a limit (4413), or its presence was (4413, 4429): the
   * connection was closed and nothing of it stored or relayed.
   */
  refused?: (boardId: string, socket: { id: string; role: string }, reason: string) => void
  /** Updates of a board were stored (clients' edits or the server's own changes). */
  persisted?: (boardId: string, count: number) => void
}

export type RoomManagerOptions = {
  /** The document log, and the board's link generations (revocations with other instances). */
  storage: DocumentLog & Pick<BoardStore, 'getBoard'>
  merge: MergeUpdates
  unloadGraceMs: number
  compactAfterUpdates: number
  /** See `RoomOptions.hibernateAfterMs`; null or absent: rooms never hibernate. */
  hibernateAfterMs?: number | null
  /** Other instances serving the same boards (multi-instance mode). */
  fanout?: BoardFanout
  /** Bounds on updates, board size and presence (defaults: `DEFAULT_ROOM_LIMITS`). */
  limits?: RoomLimits
  resyncIntervalMs?: number
  events?: RoomManagerEvents
  /** Where load times are read (ms); default `performance.now`. Rooms get it too. */
  now?: () => number
  /** Unload and compaction timers, and the rooms' timers; default Node's (tests drive a `ManualClock`). */
  scheduler?: Scheduler
}

type Entry = {
  room: Promise<Room>
  holders: number
  unloadTimer: Timer | null
  sinceCompaction: number
  compactTimer: Timer | null
  unloading: Promise<void> | null
  unsubscribe: (() => Promise<void>) | null
  loaded: Room | null
}

/**
 * Loads boards on first use, shares one Room per board, and unloads a board a grace period after its
 * last holder left (flushing and compacting it first). A board that is unloading finishes doing so
 * before it is loaded again, so two Rooms never hold the same board.
 */
export class RoomManager {
  readonly #entries = new Map<string, Entry>()
  readonly #options: RoomManagerOptions
  readonly #scheduler: Scheduler

  constructor(options: RoomManagerOptions) {
    this.#options = options
    this.#scheduler = options.scheduler ?? realScheduler
  }

  get loadedBoards(): number {
    return this.#entries.size
  }

  /** Takes a hold on a board's room, loading it if needed. Pair every acquire with one release. */
  async acquire(boardId: string): Promise<Room> {
    const existing = this.#entries.get(boardId)
    if (existing?.unloading) {
      await existing.unloading
      return this.acquire(boardId)
    }
    if (existing) {
      existing.holders++
      if (existing.unloadTimer) this.#scheduler.clearTimeout(existing.unloadTimer)
      existing.unloadTimer = null
      return existing.room
    }
    const entry: Entry = {
      room: this.#load(boardId),
      holders: 1,
      unloadTimer: null,
      sinceCompaction: 0,
      compactTimer: null,
      unloading: null,
      unsubscribe: null,
      loaded: null,
    }
    this.#entries.set(boardId, entry)
    entry.room.catch(() => {
      if (this.#entries.get(boardId) === entry) this.#entries.delete(boardId)
    })
    return entry.room
  }

  /** Whether the board is loaded or being loaded in this process. */
  isInMemory(boardId: string): boolean {
    return this.#entries.has(boardId)
  }

  /** What storage holds for a board, read without loading it (answers a first visit while the room is built). */
  readStored(boardId: string): ReturnType<DocumentLog['loadDoc']> {
    return this.#options.storage.loadDoc(boardId)
  }

  /** Tells the other instances about a board event (no-op when this process is alone). */
  announce(boardId: string, message: ControlMessage): void {
    this.#options.fanout?.publishControl(boardId, message)
  }

  /** The board's room if it is loaded in this process right now (no loading, no hold). */
  loadedRoom(boardId: string): Room | null {
    const entry = this.#entries.get(boardId)
    return entry && !entry.unloading ? entry.loaded : null
  }

  release(boardId: string): void {
    const entry = this.#entries.get(boardId)
    if (!entry || entry.unloading) return
    entry.holders = Math.max(0, entry.holders - 1)
    if (entry.holders > 0) return
    entry.unloadTimer = this.#scheduler.setTimeout(() => {
      entry.unloadTimer = null
      if (entry.holders === 0) this.#unload(boardId, entry)
    }, this.#options.unloadGraceMs)
  }

  /** Flushes and unloads every board (graceful shutdown). */
  async closeAll(): Promise<void> {
    await Promise.all(
      [...this.#entries.entries()].map(([boardId, entry]) => {
        if (entry.unloadTimer) this.#scheduler.clearTimeout(entry.unloadTimer)
        return entry.unloading ?? this.#unload(boardId, entry)
      }),
    )
  }

  async #load(boardId: string): Promise<Room> {
    const { storage, events, fanout } = this.#options
    const now = this.#options.now ?? performance.now.bind(performance)
    const started = now()
    // Subscribe before reading storage, so nothing published in between is missed; what arrives before the
    // room exists is replayed into it (duplicates are recognised by position).
    let room: Room | null = null
    const early: Array<(r: Room) => void> = []
    const unsubscribe = fanout
      ? await fanout.subscribe(boardId, {
          updates: (updates) =>
            room ? room.receiveRemoteUpdates(updates) : early.push((r) => r.receiveRemoteUpdates(updates)),
          awareness: (update) =>
            room ? room.receiveRemoteAwareness(update) : early.push((r) => r.receiveRemoteAwareness(update)),
          control: (message) => {
            if (message.kind === 'revoke') {
              room?.closeWhere(
                (s) => s.role === message.role && s.generation < message.generation,
                CloseCodes.FORBIDDEN.code,
                'TOKEN_REVOKED',
              )
            }
            if (message.kind === 'reconnect') {
              room?.closeWhere(() => true, CloseCodes.GOING_AWAY.code, 'BOARD_STATE_CHANGED')
            }
          },
        })
      : null
    let stored: Awaited<ReturnType<DocumentLog['loadDoc']>>
    try {
      stored = await storage.loadDoc(boardId)
    } catch (error) {
      await unsubscribe?.()
      throw error
    }
    room = new Room({
      boardId,
      stored,
      persist: (updates) => storage.appendUpdates(boardId, updates),
      ...(fanout
        ? {
            peers: {
              publishUpdates: (updates) => fanout.publishUpdates(boardId, updates),
              publishAwareness: (update) => fanout.publishAwareness(boardId, update),
              readSince: (after) => storage.loadDoc(boardId, after),
              linkGenerations: async () => (await storage.getBoard(boardId))?.linkGenerations ?? null,
              resyncIntervalMs: this.#options.resyncIntervalMs ?? 1000,
            },
          }
        : {}),
      onFailure: (error) => {
        events?.failed?.(boardId, error)
        const entry = this.#entries.get(boardId)
        if (entry) this.#entries.delete(boardId)
        void unsubscribe?.()
      },
      onPersisted: (count) => {
        this.#afterPersist(boardId, count)
        events?.persisted?.(boardId, count)
      },
      onSkippedStoredUpdate: (index, error) => events?.skippedStoredUpdate?.(boardId, index, error),
      ...(this.#options.hibernateAfterMs ? { hibernateAfterMs: this.#options.hibernateAfterMs } : {}),
      onHibernation: (state, ms) => events?.hibernation?.(boardId, state, ms),
      onRefused: (socket, reason) => events?.refused?.(boardId, socket, reason),
      ...(this.#options.limits ? { limits: this.#options.limits } : {}),
      clock: { now },
      scheduler: this.#scheduler,
    })
    for (const replay of early.splice(0)) replay(room)
    const entry = this.#entries.get(boardId)
    if (entry) {
      entry.sinceCompaction = stored.updates.length
      entry.unsubscribe = unsubscribe
      entry.loaded = room
    }
    events?.loaded?.(boardId, now() - started)
    return room
  }

  /**
   * Compaction rebuilds the board's document, which blocks the event loop for a moment on a large board: it waits
   * for a quiet spell (`COMPACT_QUIET_MS` without new updates) so it never stalls people who are editing, unless
   * the log has grown far past the threshold. Unloading a board compacts it too.
   */
  #afterPersist(boardId: string, count: number): void {
    const entry = this.#entries.get(boardId)
    if (!entry) return
    entry.sinceCompaction += count
    const threshold = this.#options.compactAfterUpdates
    if (entry.sinceCompaction < threshold) return
    if (entry.compactTimer) this.#scheduler.clearTimeout(entry.compactTimer)
    entry.compactTimer = null
    const run = () => {
      entry.compactTimer = null
      entry.sinceCompaction = 0
      void this.#compact(boardId)
    }
    if (entry.sinceCompaction >= threshold * COMPACT_OVERDUE_FACTOR) run()
    else {
      entry.compactTimer = this.#scheduler.setTimeout(run, COMPACT_QUIET_MS)
      entry.compactTimer.unref?.()
    }
  }

  #compact(boardId: string): Promise<void> {
    return this.#options.storage
      .compact(boardId, this.#options.merge)
      .catch((error) => this.#options.events?.compactionFailed?.(boardId, error))
  }

  #unload(boardId: string, entry: Entry): Promise<void> {
    if (entry.compactTimer) this.#scheduler.clearTimeout(entry.compactTimer)
    entry.unloading = (async () => {
      try {
        const room = await entry.room
        await room.flushed()
        room.destroy()
        await entry.unsubscribe?.()
        if (entry.sinceCompaction > 0) await this.#compact(boardId)
      } catch {
        // A room that failed to load or persist has nothing left to flush.
      } finally {
        if (this.#entries.get(boardId) === entry) this.#entries.delete(boardId)
        this.#options.events?.unloaded?.(boardId)
      }
    })()
    return entry.unloading
  }
}
