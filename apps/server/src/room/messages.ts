import { MessageType, SyncMessageType } from '@waardentafel/protocol'
import * as encoding from 'lib0/encoding'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as syncProtocol from 'y-protocols/sync'

/** Sync step 1: the server's state vector (the client answers with step 2, what the server lacks). */
export function syncStep1Message(stateVector: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.sync)
  encoding.writeVarUint(encoder, SyncMessageType.step1)
  encoding.writeVarUint8Array(encoder, stateVector)
  return encoding.toUint8Array(encoder)
}

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
export function syncUpdateMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.sync)
  syncProtocol.writeUpdate(encoder, update)
  return encoding.toUint8Array(encoder)
}

/** An awareness message with the current states of `clients`. */
export function awarenessMessage(awareness: awarenessProtocol.Awareness, clients: number[]): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.awareness)
  encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, clients))
  return encoding.toUint8Array(encoder)
}
