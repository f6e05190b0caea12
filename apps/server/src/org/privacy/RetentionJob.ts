import { CloseCodes } from '@waardentafel/protocol'
import type { RoomManager } from '../../room/RoomManager.ts'
import type { PersonalDataStore, RetentionState } from '../../storage/ports/PersonalDataStore.ts'
import type { WorkspaceStore } from '../../storage/ports/WorkspaceStore.ts'
import type { Clock, Scheduler, Timer } from '../../time/Clock.ts'
import type { PersonalData } from './PersonalData.ts'
import { retentionDue } from './retentionDue.ts'

const DAY_MS = 86_400_000
const PAGE = 200
const YIELD_EVERY = 20

export type RetentionOptions = {
  personal: Pick<PersonalData, 'eraseEveryone'>
  store: Pick<PersonalDataStore, 'listBoardIds' | 'logPosition' | 'retentionState' | 'saveRetentionState'>
  workspaces: Pick<WorkspaceStore, 'getPlacement' | 'getProject' | 'updatePlacement' | 'appendAudit'>
  /** The rooms: sockets on a board it archives reconnect (here and on other instances) and come back read-only. */
  rooms?: Pick<RoomManager, 'loadedRoom' | 'announce'>
  /** Wall-clock time (ms since the epoch): injected so tests move it by months. */
  clock: Clock
  scheduler: Scheduler
  /** Months after the last edit for boards without a project (config `RETENTION_MONTHS`, default 24). */
  defaultMonths: number
  /** How often the job runs (config `RETENTION_INTERVAL_HOURS`, default daily). */
  intervalMs?: number
  /** The first run after `start` (default a minute). */
  firstRunDelayMs?: number
  onError?: (boardId: string | null, error: unknown) => void
}

export type RetentionReport = {
  /** Boards looked at. */
  boards: number
  /** Boards whose personal data was erased in this run. */
  erased: string[]
  /** Boards archived by this run (those in a project and not archived or deleted already). */
  archived: string[]
}

/**
 * The retention job (AVG art. 5(1)(e)): once a board's last edit is its project's `retentionMonths` (or
 * `defaultMonths`) old, it erases the personal data in it — every name the board holds, every `user` record, every
 * ballot's name (`PersonalData.eraseEveryone`) — and archives the board. It runs on the injected scheduler, one run
 * at a time, and writes a `retention.erased` line to the project's audit log for every board it erased.
 */
export class RetentionJob {
  readonly #o: RetentionOptions
  #timer: Timer | null = null
  #first: Timer | null = null
  #running: Promise<RetentionReport> | null = null

  constructor(options: RetentionOptions) {
    this.#o = options
  }

  /** Runs a minute after start (not in the busy moment a server starts), then every `intervalMs`. */
  start(): void {
    if (this.#timer) return
    const { scheduler } = this.#o
    this.#first = scheduler.setTimeout(() => void this.run(), this.#o.firstRunDelayMs ?? 60_000)
    this.#first.unref?.()
    this.#timer = scheduler.setInterval(() => void this.run(), this.#o.intervalMs ?? DAY_MS)
    this.#timer.unref?.()
  }

  /** Stops the schedule and waits for a run in progress. */
  async stop(): Promise<void> {
    if (this.#first) this.#o.scheduler.clearTimeout(this.#first)
    if (this.#timer) this.#o.scheduler.clearInterval(this.#timer)
    this.#timer = null
    this.#first = null
    await this.#running?.catch(() => {})
  }

  /** One run now (or the one already running). */
  run(): Promise<RetentionReport> {
    this.#running ??= this.#runOnce().finally(() => {
      this.#running = null
    })
    return this.#running
  }

  async #runOnce(): Promise<RetentionReport> {
    const report: RetentionReport = { boards: 0, erased: [], archived: [] }
    let after = ''
    for (;;) {
      const ids = await this.#o.store.listBoardIds(after, PAGE)
      for (const boardId of ids) {
        report.boards++
        // A run walks every board: it lets other work in between (this is no timing, only yielding the loop).
        if (report.boards % YIELD_EVERY === 0) await new Promise((resolve) => setImmediate(resolve))
        try {
          await this.#look(boardId, report)
        } catch (error) {
          // One board's failure (a storage hiccup) must not keep the others' data past their time.
          this.#o.onError?.(boardId, error)
        }
      }
      if (ids.length < PAGE) return report
      after = ids[ids.length - 1] ?? ''
    }
  }

  async #look(boardId: string, report: RetentionReport): Promise<void> {
    const { store, workspaces, clock } = this.#o
    const now = clock.now()
    const before = await store.retentionState(boardId)
    const seq = await store.logPosition(boardId)
    const edited = before === null || seq > before.seenSeq
    const state: RetentionState = {
      seenSeq: seq,
      lastEditAt: edited ? now : before.lastEditAt,
      erasedAt: before?.erasedAt ?? null,
    }
    const placement = await workspaces.getPlacement(boardId)
    const project = placement?.projectId ? await workspaces.getProject(placement.projectId) : null
    const months = project?.retentionMonths ?? this.#o.defaultMonths
    if (!retentionDue(state, months, now)) {
      if (edited) await store.saveRetentionState(boardId, state)
      return
    }
    const erased = await this.#o.personal.eraseEveryone(boardId)
    report.erased.push(boardId)
    // The erasure is itself a change in the log: the position after it is not an edit by anyone.
    const afterErasure = await store.logPosition(boardId)
    await store.saveRetentionState(boardId, {
      seenSeq: afterErasure,
      lastEditAt: state.lastEditAt,
      erasedAt: now,
    })
    if (placement && placement.archivedAt === null && placement.deleteRequestedAt === null) {
      await workspaces.updatePlacement(boardId, { archivedAt: now })
      report.archived.push(boardId)
      // As when an organiser archives it (OrgService): reconnecting sockets come back as observers.
      this.#o.rooms
        ?.loadedRoom(boardId)
        ?.closeWhere(() => true, CloseCodes.GOING_AWAY.code, 'BOARD_STATE_CHANGED')
      this.#o.rooms?.announce(boardId, { kind: 'reconnect' })
    }
    await workspaces.appendAudit({
      at: now,
      projectId: placement?.projectId ?? null,
      actorId: null,
      actorName: null,
      action: 'retention.erased',
      boardId,
      detail: {
        months,
        lastEditAt: state.lastEditAt,
        document: erased.document,
        ballots: erased.ballots,
        sessions: erased.sessions,
        archived: report.archived.includes(boardId),
      },
    })
  }
}
