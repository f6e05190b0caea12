import { encodeSyncStep2, encodeSyncUpdate } from '@waardentafel/protocol'
import * as Y from 'yjs'

/** What storage holds for a board, as the room manager reads it without loading the board. */
export type StoredBoard = {
  snapshot: Uint8Array | null
  updates: ReadonlyArray<{ data: Uint8Array }>
  lastSeq: number
}

/**
 * A first visit's answer read from storage while the board's room is still being built: the bytes are durable, and
 * reading them costs far less than building the document. Holds the sync step 2 message and, once it was sent, what
 * it covered, so that the room sends only what it holds beyond that when the connection joins.
 */
export class StoredAnswer {
  readonly message: Uint8Array
  readonly #update: Uint8Array
  readonly #position: number

  constructor(stored: StoredBoard) {
    const parts = [...(stored.snapshot ? [stored.snapshot] : []), ...stored.updates.map((u) => u.data)]
    this.#update =
      parts.length === 1
        ? parts[0]!
        : parts.length === 0
          ? Y.encodeStateAsUpdate(new Y.Doc())
          : Y.mergeUpdates(parts)
    this.message = encodeSyncStep2(this.#update)
    this.#position = stored.lastSeq
  }

  /**
   * What a room holds beyond this answer, as a sync update message (null when nothing). Nothing is decoded when the
   * room holds exactly what was read (saves two decodes); a sleeping room stays asleep.
   */
  catchUp(room: {
    holdsExactly(position: number): boolean
    encodeStateAsUpdate(stateVector: Uint8Array): Uint8Array
  }): Uint8Array | null {
    if (room.holdsExactly(this.#position)) return null
    // The state vector means decoding the whole update: only worked out once the first answer is on its way.
    const diff = room.encodeStateAsUpdate(Y.encodeStateVectorFromUpdate(this.#update))
    // An update with nothing in it is two bytes (no structs, an empty delete set).
    return diff.byteLength <= 2 ? null : encodeSyncUpdate(diff)
  }
}

/** Whether a sync step 1 comes from a client with an empty document (a first visit, no local copy). */
export function isFirstVisit(stateVector: Uint8Array): boolean {
  try {
    return Y.decodeStateVector(stateVector).size === 0
  } catch {
    return false
  }
}
