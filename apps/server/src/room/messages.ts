import {
  encodeAwareness,
  encodeSyncStep1,
  encodeSyncUpdate,
  MessageType,
  SyncMessageType,
} from '@waardentafel/protocol'
import * as encoding from 'lib0/encoding'
import * as awarenessProtocol from 'y-protocols/awareness'

// The frames are the protocol's wire module's; only sync step 2 is built here, in one buffer with the update.

/** Sync step 1: the server's state vector (the client answers with step 2, what the server lacks). */
export const syncStep1Message = encodeSyncStep1

/**
 * Sync step 2 carrying `update`, and where the update starts in it. Header and update in one buffer (an encoder
 * would copy the update twice: a whole board's can be megabytes).
 */
export function syncStep2Message(update: Uint8Array): { message: Uint8Array; offset: number } {
  const header = encoding.createEncoder()
  encoding.writeVarUint(header, MessageType.sync)
  encoding.writeVarUint(header, SyncMessageType.step2)
  encoding.writeVarUint(header, update.byteLength)
  const head = encoding.toUint8Array(header)
  const message = new Uint8Array(head.byteLength + update.byteLength)
  message.set(head)
  message.set(update, head.byteLength)
  return { message, offset: head.byteLength }
}

/** A sync update message, as relayed to the room's sockets. */
export const syncUpdateMessage = encodeSyncUpdate

/** An awareness message with the current states of `clients`. */
export function awarenessMessage(awareness: awarenessProtocol.Awareness, clients: number[]): Uint8Array {
  return encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(awareness, clients))
}
