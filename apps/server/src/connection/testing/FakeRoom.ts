import type { RoomSocket } from '../../room/Room.ts'
import type { ConnectionRoom, ConnectionRooms } from '../SyncConnectionOptions.ts'
import type { StoredBoard } from '../storedAnswer.ts'

/**
 * A board's room as a connection sees it, recording joins, leaves and the frames it is handed. The real Room has
 * its own unit tests; the integration tests run the two together.
 */
export class FakeRoom implements ConnectionRoom {
  readonly members = new Set<RoomSocket>()
  readonly received: Uint8Array[] = []
  readonly left: RoomSocket[] = []
  readonly awareness = { meta: new Map<number, unknown>() }
  /** What `encodeStateAsUpdate` answers (an empty update unless a test sets more). */
  update: Uint8Array = Uint8Array.from([0, 0])
  position = 0

  join(socket: RoomSocket): void {
    this.members.add(socket)
  }

  leave(socket: RoomSocket): void {
    if (this.members.delete(socket)) this.left.push(socket)
  }

  receive(socket: RoomSocket, message: Uint8Array): void {
    if (this.members.has(socket)) this.received.push(message)
  }

  holdsExactly(position: number): boolean {
    return position === this.position
  }

  encodeStateAsUpdate(): Uint8Array {
    return this.update
  }
}

/** A room manager with one board, whose loading the test finishes by hand (`load()`). */
export class FakeRooms implements ConnectionRooms {
  readonly room = new FakeRoom()
  inMemory = true
  stored: StoredBoard = { snapshot: null, updates: [], lastSeq: 0 }
  acquired = 0
  released = 0
  #loads: Array<() => void> = []

  isInMemory(): boolean {
    return this.inMemory
  }

  async readStored(): Promise<StoredBoard> {
    return this.stored
  }

  acquire(): Promise<ConnectionRoom> {
    this.acquired++
    return new Promise((resolve) => this.#loads.push(() => resolve(this.room)))
  }

  /** Finishes loading the room for everyone waiting for it. */
  load(): void {
    for (const resolve of this.#loads.splice(0)) resolve()
  }

  release(): void {
    this.released++
  }
}
