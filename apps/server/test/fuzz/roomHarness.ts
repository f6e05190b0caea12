import type { Role } from '@waardentafel/protocol'
import * as Y from 'yjs'
import { Room, type RoomSocket } from '../../src/room/Room.ts'
import { type Frame, touchesDoc } from './frames.ts'

/** A connection as the Room sees it (its own RoomSocket interface), recording what happens to it. */
class FuzzSocket implements RoomSocket {
  readonly id: string
  readonly role: Role = 'participant'
  readonly generation = 0
  closedWith: number | null = null
  sent = 0
  constructor(id: string) {
    this.id = id
  }
  send(): void {
    this.sent++
  }
  close(code: number): void {
    this.closedWith ??= code
  }
}

export type RoomFuzzOutcome = {
  frames: number
  sockets: number
  docFrames: number
  rows: Uint8Array[]
  failures: unknown[]
  /** Differences between the room's doc and a replay of what it stored (empty when durable-before-apply holds). */
  mismatch: string | null
}

/** Feeds frames to a Room through fresh sockets (a new one whenever the room closed the last), then checks. */
export async function fuzzRoom(frames: Frame[]): Promise<RoomFuzzOutcome> {
  const rows: Uint8Array[] = []
  const failures: unknown[] = []
  const room = new Room({
    boardId: 'fuzz',
    stored: { snapshot: null, updates: [], lastSeq: 0 },
    persist: async (updates) =>
      updates.map((update) => {
        rows.push(update)
        return rows.length
      }),
    onFailure: (error) => failures.push(error),
  })
  let sockets = 0
  let docFrames = 0
  let socket = new FuzzSocket(`f${sockets++}`)
  room.join(socket)
  for (const [i, f] of frames.entries()) {
    if (socket.closedWith !== null) {
      socket = new FuzzSocket(`f${sockets++}`)
      room.join(socket)
    }
    if (touchesDoc(f.bytes)) docFrames++
    room.receive(socket, f.bytes)
    // Let group commits happen now and then, so batches of several updates are merged and stored.
    if (i % 64 === 63) await settled(room)
  }
  await settled(room)
  const replay = new Y.Doc()
  for (const row of rows) {
    try {
      Y.applyUpdate(replay, row)
    } catch {
      // counted as a mismatch below if it mattered
    }
  }
  const live = stateOf(room.doc)
  const stored = stateOf(replay)
  room.destroy()
  replay.destroy()
  return {
    frames: frames.length,
    sockets,
    docFrames,
    rows,
    failures,
    mismatch: live === stored ? null : `live ${live.slice(0, 200)} != stored ${stored.slice(0, 200)}`,
  }
}

/**
 * Waits until everything received so far is stored and applied. `room.flushed()` alone is not enough: it
 * returns the chain before the setImmediate that appends the pending batch to it has run (reported to the lead).
 */
async function settled(room: Room): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve))
  await room.flushed()
}

export function stateOf(doc: Y.Doc): string {
  const sv = [...Y.decodeStateVector(Y.encodeStateVector(doc)).entries()].sort((a, b) => a[0] - b[0])
  return JSON.stringify({ sv, records: doc.getMap('records').toJSON(), text: doc.getText('t').toString() })
}
