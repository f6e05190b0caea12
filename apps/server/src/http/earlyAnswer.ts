import { MessageType, SyncMessageType } from '@waardentafel/protocol'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'
import type { StoredDoc } from '../storage/BoardStorage.ts'

/** Whether a frame is sync step 1 from a client with an empty document (a first visit, no local copy). */
export function isFreshSyncStep1(message: Uint8Array): boolean {
  try {
    const decoder = decoding.createDecoder(message)
    if (decoding.readVarUint(decoder) !== MessageType.sync) return false
    if (decoding.readVarUint(decoder) !== SyncMessageType.step1) return false
    return Y.decodeStateVector(decoding.readVarUint8Array(decoder)).size === 0
  } catch {
    return false
  }
}

/**
 * The stored board as one update, to answer a first visit while the board's room is still being built: the
 * bytes are durable, and reading them costs far less than building the document. Returns the sync step 2
 * message and the state vector it covers, so that what the room has beyond it can follow once it is ready.
 */
export function storedAsSyncStep2(stored: StoredDoc): {
  message: Uint8Array
  covers: () => Uint8Array
  position: number
} {
  const parts = [...(stored.snapshot ? [stored.snapshot] : []), ...stored.updates.map((u) => u.data)]
  const update =
    parts.length === 1
      ? parts[0]!
      : parts.length === 0
        ? Y.encodeStateAsUpdate(new Y.Doc())
        : Y.mergeUpdates(parts)
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.sync)
  encoding.writeVarUint(encoder, SyncMessageType.step2)
  encoding.writeVarUint8Array(encoder, update)
  // The state vector means decoding the whole update: only worked out once the first answer is on its way.
  return {
    message: encoding.toUint8Array(encoder),
    covers: () => Y.encodeStateVectorFromUpdate(update),
    position: stored.lastSeq,
  }
}

/** What the room holds beyond `covers`, as a sync update message (null when nothing); a sleeping room stays asleep. */
export function catchUpMessage(
  room: { encodeStateAsUpdate(stateVector: Uint8Array): Uint8Array },
  covers: Uint8Array,
): Uint8Array | null {
  const diff = room.encodeStateAsUpdate(covers)
  if (diff.byteLength <= 2) return null
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.sync)
  encoding.writeVarUint(encoder, SyncMessageType.update)
  encoding.writeVarUint8Array(encoder, diff)
  return encoding.toUint8Array(encoder)
}
