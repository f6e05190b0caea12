import { randomBytes } from 'node:crypto'
import { BOARD_SNAPSHOT_FORMAT, BOARD_SNAPSHOT_VERSION, type BoardSnapshot } from '@waardentafel/domain'
import { readDocRecords } from '@waardentafel/tldraw-yjs'
import type { ImportSource, ImportWorker } from './limits/ImportWorker.ts'
import type { OrganiserQuota } from './limits/OrganiserQuota.ts'
import type { RoomManager } from './room/RoomManager.ts'
import { type BoardRecord, type BoardStore, INITIAL_GENERATIONS } from './storage/ports/BoardStore.ts'
import type { DocumentLog } from './storage/ports/DocumentLog.ts'
import { readWorkshop } from './workshopDetails.ts'

export type TransferOptions = {
  /** Parses and builds imported boards in processes of their own (`limits/ImportWorker.ts`). */
  imports: ImportWorker
  /** Board and storage quotas of the organiser an import is made for. */
  quota?: OrganiserQuota
  now?: () => number
}

/** Boards as JSON snapshots (docs/board-schema.md): export for backup and the domain, import as a new board. */
export class BoardTransfer {
  /** An import makes a board and writes its document: the two ports it needs. */
  readonly #storage: BoardStore & DocumentLog
  readonly #rooms: RoomManager
  readonly #imports: ImportWorker
  readonly #quota: OrganiserQuota | null
  readonly #now: () => number

  constructor(storage: BoardStore & DocumentLog, rooms: RoomManager, options: TransferOptions) {
    this.#storage = storage
    this.#rooms = rooms
    this.#imports = options.imports
    this.#quota = options.quota ?? null
    this.#now = options.now ?? Date.now
  }

  /** The board's current, durable state. */
  async snapshot(board: BoardRecord): Promise<BoardSnapshot> {
    const room = await this.#rooms.acquire(board.id)
    try {
      const { records, schema } = readDocRecords(room.doc)
      const workshop = readWorkshop(room.doc)
      const sequences = schema?.sequences
      return {
        format: BOARD_SNAPSHOT_FORMAT,
        version: BOARD_SNAPSHOT_VERSION,
        board: { id: board.id, title: board.title, createdAt: new Date(board.createdAt).toISOString() },
        ...(sequences && typeof sequences === 'object'
          ? { schema: { schemaVersion: 2, sequences: sequences as Record<string, number> } }
          : {}),
        records,
        ...(workshop ? { workshop } : {}),
      }
    } finally {
      this.#rooms.release(board.id)
    }
  }

  /**
   * Creates a new board from a snapshot already in memory (a stored session); throws INVALID_BODY with the reason
   * when it is not one, IMPORT_TOO_MANY_RECORDS past the record limit.
   */
  import(input: unknown, title?: string, organiser?: string): Promise<BoardRecord> {
    return this.#create({ value: input }, title, organiser)
  }

  /**
   * Creates a new board from a request body: parsed, validated and built in an import process, then stored within
   * the organiser's quotas (QUOTA_BOARDS, QUOTA_STORAGE). Nothing is stored when any step refuses it.
   */
  importBytes(
    body: Uint8Array | readonly Uint8Array[],
    title?: string,
    organiser?: string,
  ): Promise<BoardRecord> {
    return this.#create(body instanceof Uint8Array ? { bytes: body } : { chunks: body }, title, organiser)
  }

  /** Throws QUOTA_BOARDS when the organiser cannot make another board (checked before an import is read). */
  async assertRoomFor(organiser: string): Promise<void> {
    await this.#quota?.within(organiser, 0, async () => {})
  }

  async #create(input: ImportSource, title: string | undefined, organiser: string | undefined) {
    const parsed = await this.#imports.parse(input)
    const board: BoardRecord = {
      id: randomBytes(12).toString('base64url'),
      title: (title ?? parsed.title).trim().slice(0, 200) || 'Geïmporteerd bord',
      createdAt: this.#now(),
      linkGenerations: INITIAL_GENERATIONS,
    }
    const bytes = parsed.updates.reduce((n, u) => n + u.byteLength, 0)
    const store = async () => {
      await this.#storage.createBoard(board, organiser)
      // One piece (`IMPORT_RECORDS_PER_UPDATE` records) per turn of the event loop, a millisecond apart: the boards
      // being edited get their turns in between, and the writes are spread out instead of arriving as one burst.
      for (const update of parsed.updates) {
        await this.#storage.appendUpdate(board.id, update)
        await new Promise((resolve) => setTimeout(resolve, 1))
      }
    }
    if (organiser && this.#quota) await this.#quota.within(organiser, bytes, store)
    else await store()
    return board
  }
}
