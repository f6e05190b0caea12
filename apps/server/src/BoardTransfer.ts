import { randomBytes } from 'node:crypto'
import {
  BOARD_SNAPSHOT_FORMAT,
  BOARD_SNAPSHOT_VERSION,
  type BoardSnapshot,
  boardSnapshotSchema,
} from '@waardentafel/domain'
import { readDocRecords, writeDocRecords } from '@waardentafel/tldraw-yjs'
import * as Y from 'yjs'
import { z } from 'zod'
import { AppError } from './errors.ts'
import type { RoomManager } from './room/RoomManager.ts'
import { type BoardRecord, type BoardStorage, INITIAL_GENERATIONS } from './storage/BoardStorage.ts'

// Every imported record must at least be an object with a string id and type name; its content is validated by
// the app's schema when a client loads it (invalid records are set aside there, never lost).
const ImportedRecordSchema = z.looseObject({
  id: z.string().min(1).max(200),
  typeName: z.string().min(1).max(50),
})

/** Boards as JSON snapshots (docs/board-schema.md): export for backup and the domain, import as a new board. */
export class BoardTransfer {
  readonly #storage: BoardStorage
  readonly #rooms: RoomManager
  readonly #now: () => number

  constructor(storage: BoardStorage, rooms: RoomManager, now: () => number = Date.now) {
    this.#storage = storage
    this.#rooms = rooms
    this.#now = now
  }

  /** The board's current, durable state. */
  async snapshot(board: BoardRecord): Promise<BoardSnapshot> {
    const room = await this.#rooms.acquire(board.id)
    try {
      const { records, schema } = readDocRecords(room.doc)
      const sequences = schema?.sequences
      return {
        format: BOARD_SNAPSHOT_FORMAT,
        version: BOARD_SNAPSHOT_VERSION,
        board: { id: board.id, title: board.title, createdAt: new Date(board.createdAt).toISOString() },
        ...(sequences && typeof sequences === 'object'
          ? { schema: { schemaVersion: 2, sequences: sequences as Record<string, number> } }
          : {}),
        records,
      }
    } finally {
      this.#rooms.release(board.id)
    }
  }

  /** Creates a new board from a snapshot; throws INVALID_BODY with the reason when it is not one. */
  async import(input: unknown, title?: string): Promise<BoardRecord> {
    const parsed = boardSnapshotSchema.safeParse(input)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      throw new AppError('INVALID_BODY', `not a board snapshot: ${issue?.path.join('.')} ${issue?.message}`)
    }
    const records = parsed.data.records.map((record, index) => {
      const checked = ImportedRecordSchema.safeParse(record)
      if (!checked.success) throw new AppError('INVALID_BODY', `record ${index} has no valid id and typeName`)
      return checked.data
    })
    const board: BoardRecord = {
      id: randomBytes(12).toString('base64url'),
      title: (title ?? parsed.data.board.title).trim().slice(0, 200) || 'Geïmporteerd bord',
      createdAt: this.#now(),
      linkGenerations: INITIAL_GENERATIONS,
    }
    const doc = new Y.Doc()
    writeDocRecords(doc, { records, schema: parsed.data.schema ?? null })
    const state = Y.encodeStateAsUpdate(doc)
    doc.destroy()
    await this.#storage.createBoard(board)
    if (records.length > 0) await this.#storage.appendUpdate(board.id, state)
    return board
  }
}
