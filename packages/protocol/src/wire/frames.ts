import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { MessageType, SyncMessageType } from '../messages.ts'
import { isRemoval } from './awareness.ts'

/**
 * One y-websocket frame (the bytes of one binary WebSocket message), as the y-websocket client and server write it:
 * a message type byte, then for sync a sub-type and one length-prefixed payload, for awareness one length-prefixed
 * awareness update. Payloads are views of the frame's bytes, not copies.
 */
export type SyncFrame =
  | { type: 'sync'; subtype: 'step1'; stateVector: Uint8Array }
  | { type: 'sync'; subtype: 'step2' | 'update'; update: Uint8Array }
export type Frame =
  | SyncFrame
  | { type: 'awareness'; update: Uint8Array }
  | { type: 'auth' }
  | { type: 'queryAwareness' }

/**
 * Why a frame is refused by its framing alone. These are also the close reasons a refused connection is sent,
 * so they are part of the protocol: do not rename them.
 */
export const FrameProblems = {
  EMPTY: 'EMPTY',
  UNKNOWN_TYPE: 'UNKNOWN_TYPE',
  UNKNOWN_SYNC_TYPE: 'UNKNOWN_SYNC_TYPE',
  /** A length prefix that does not match the bytes that follow (the payload must end the frame exactly). */
  BAD_LENGTH: 'BAD_LENGTH',
  /** A sync step 2 or update with an empty payload (even an empty document encodes to two bytes). */
  BAD_UPDATE: 'BAD_UPDATE',
  BAD_STATE_VECTOR: 'BAD_STATE_VECTOR',
  BAD_AWARENESS: 'BAD_AWARENESS',
} as const
export type FrameProblem = (typeof FrameProblems)[keyof typeof FrameProblems]

export type Read<T> = { ok: true; value: T } | { ok: false; problem: FrameProblem }

/** Told each presence entry's client id while a frame is read, and whether the entry removes it (state `null`). */
export type AwarenessClientVisitor = (client: number, removal: boolean) => void

const SUBTYPES = ['step1', 'step2', 'update'] as const

/**
 * Reads one frame without throwing: a typed frame, or the first problem with its framing. Every length prefix must
 * match the bytes that follow exactly, and a state vector and a presence update are walked entry by entry; the
 * content of a document update is left to Yjs. Nothing is copied, so junk costs a few byte reads.
 * `onAwarenessClient` sees each presence entry of an awareness frame as it is read (in a malformed frame, those
 * before the entry that breaks it: act on what it saw only when the result is ok).
 */
export function readFrame(bytes: Uint8Array, onAwarenessClient?: AwarenessClientVisitor): Read<Frame> {
  if (bytes.length === 0) return problem('EMPTY')
  // The type is one byte (0–3): a longer varuint of the same number would decode alike but is never written.
  const type = bytes[0]
  if (type === MessageType.sync) return readSyncMessage(bytes, 1)
  if (type === MessageType.awareness) return readAwarenessFrame(bytes, onAwarenessClient)
  if (type === MessageType.auth) return AUTH // authorisation is the link token: its content is never read
  if (type === MessageType.queryAwareness) return bytes.length === 1 ? QUERY_AWARENESS : problem('BAD_LENGTH')
  return problem('UNKNOWN_TYPE')
}

/**
 * Reads a sync message (sub-type and payload) that starts at `offset` of a frame and must end it: how the web reads
 * the rest of a frame whose type y-websocket's handler has read already.
 */
export function readSyncMessage(bytes: Uint8Array, offset: number): Read<SyncFrame> {
  const decoder = decoding.createDecoder(bytes)
  decoder.pos = offset
  const subtype = SUBTYPES[readVarUintOr(decoder, -1)]
  if (subtype === undefined) return problem('UNKNOWN_SYNC_TYPE')
  const payload = readPayloadToEnd(decoder)
  if (!payload) return problem('BAD_LENGTH')
  if (subtype !== 'step1')
    return payload.length === 0 ? problem('BAD_UPDATE') : ok({ type: 'sync', subtype, update: payload })
  // A state vector: a count, then that many (client, clock) pairs, ending the payload.
  const vector = decoding.createDecoder(payload)
  try {
    for (let n = decoding.readVarUint(vector); n > 0; n--) {
      decoding.readVarUint(vector)
      decoding.readVarUint(vector)
    }
  } catch {
    return problem('BAD_STATE_VECTOR')
  }
  return decoding.hasContent(vector)
    ? problem('BAD_STATE_VECTOR')
    : ok({ type: 'sync', subtype, stateVector: payload })
}

function readAwarenessFrame(bytes: Uint8Array, onAwarenessClient?: AwarenessClientVisitor): Read<Frame> {
  const decoder = decoding.createDecoder(bytes)
  decoder.pos = 1
  const update = readPayloadToEnd(decoder)
  if (!update) return problem('BAD_LENGTH')
  // A presence update: a count, then that many (client, clock, JSON state as a length-prefixed string).
  const entries = decoding.createDecoder(update)
  try {
    for (let n = decoding.readVarUint(entries); n > 0; n--) {
      const client = decoding.readVarUint(entries)
      decoding.readVarUint(entries)
      const json = decoding.readVarUint8Array(entries)
      onAwarenessClient?.(client, isRemoval(json))
    }
  } catch {
    return problem('BAD_AWARENESS')
  }
  return decoding.hasContent(entries) ? problem('BAD_AWARENESS') : ok({ type: 'awareness', update })
}

/** A length-prefixed payload that ends the frame exactly, or null. */
function readPayloadToEnd(decoder: decoding.Decoder): Uint8Array | null {
  const length = readVarUintOr(decoder, -1)
  if (length < 0 || decoder.pos + length !== decoder.arr.length) return null
  return decoding.readUint8Array(decoder, length)
}

/** lib0 throws on a varuint that runs past the end or past 2^53; here that is one more way to be malformed. */
function readVarUintOr(decoder: decoding.Decoder, fallback: number): number {
  try {
    return decoding.readVarUint(decoder)
  } catch {
    return fallback
  }
}

const ok = <T>(value: T): Read<T> => ({ ok: true, value })
const problem = (code: FrameProblem): { ok: false; problem: FrameProblem } => ({ ok: false, problem: code })
const AUTH: Read<Frame> = ok({ type: 'auth' })
const QUERY_AWARENESS: Read<Frame> = ok({ type: 'queryAwareness' })

/** The bytes of a frame, as the y-websocket client and server write it. */
export function encodeFrame(frame: Frame): Uint8Array {
  const encoder = encoding.createEncoder()
  switch (frame.type) {
    case 'sync':
      encoding.writeVarUint(encoder, MessageType.sync)
      encoding.writeVarUint(encoder, SyncMessageType[frame.subtype])
      encoding.writeVarUint8Array(encoder, frame.subtype === 'step1' ? frame.stateVector : frame.update)
      break
    case 'awareness':
      encoding.writeVarUint(encoder, MessageType.awareness)
      encoding.writeVarUint8Array(encoder, frame.update)
      break
    case 'auth':
      // y-protocols' auth message is a sub-type and a reason; only "permission denied" (0) exists.
      encoding.writeVarUint(encoder, MessageType.auth)
      encoding.writeVarUint(encoder, 0)
      encoding.writeVarString(encoder, '')
      break
    case 'queryAwareness':
      encoding.writeVarUint(encoder, MessageType.queryAwareness)
      break
  }
  return encoding.toUint8Array(encoder)
}

/** Sync step 1: the sender's state vector, asking for what it misses. */
export const encodeSyncStep1 = (stateVector: Uint8Array): Uint8Array =>
  encodeFrame({ type: 'sync', subtype: 'step1', stateVector })
/** Sync step 2: the answer to a step 1, an update with what the asker misses. */
export const encodeSyncStep2 = (update: Uint8Array): Uint8Array =>
  encodeFrame({ type: 'sync', subtype: 'step2', update })
/** A document update, sent as it happens. */
export const encodeSyncUpdate = (update: Uint8Array): Uint8Array =>
  encodeFrame({ type: 'sync', subtype: 'update', update })
/** A presence (awareness) update. */
export const encodeAwareness = (update: Uint8Array): Uint8Array => encodeFrame({ type: 'awareness', update })
