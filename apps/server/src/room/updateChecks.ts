import * as decoding from 'lib0/decoding'
import * as Y from 'yjs'
import type { DecodedUpdate } from '../policy/changedPaths.ts'
import type { RoomLimits } from './RoomLimits.ts'

/** The encoding of an update with no structs and no deletions. */
export function isEmptyUpdate(update: Uint8Array): boolean {
  return update.byteLength === 2 && update[0] === 0 && update[1] === 0
}

/** An encoded state vector of an empty document (a first visit, no local copy). */
export function isEmptyStateVector(stateVector: Uint8Array): boolean {
  return stateVector.byteLength === 1 && stateVector[0] === 0
}

/**
 * The struct count an update declares in its first header — its number of client blocks, or its first block's
 * structs, whichever is larger — read before the update is decoded. 0 when it cannot be read (decoding refuses it).
 */
export function declaredStructs(update: Uint8Array): number {
  try {
    const decoder = decoding.createDecoder(update)
    const clients = decoding.readVarUint(decoder)
    return clients === 0 ? 0 : Math.max(clients, decoding.readVarUint(decoder))
  } catch {
    return 0
  }
}

/** Why the update carries more structs or delete ranges than one update may, or null. */
export function overUpdateLimits(
  { structs, ds }: DecodedUpdate,
  limits: Pick<RoomLimits, 'maxUpdateStructs' | 'maxUpdateDeleteRanges'>,
): 'TOO_MANY_STRUCTS' | 'TOO_MANY_DELETIONS' | null {
  if (structs.length > limits.maxUpdateStructs) return 'TOO_MANY_STRUCTS'
  let ranges = 0
  for (const clientRanges of ds.clients.values()) ranges += clientRanges.length
  return ranges > limits.maxUpdateDeleteRanges ? 'TOO_MANY_DELETIONS' : null
}

/** Whether the update has a struct (or part of one) the doc does not have yet. */
export function bringsStructs(doc: Y.Doc, { structs }: DecodedUpdate): boolean {
  return structs.some(
    (s) => !(s instanceof Y.Skip) && s.id.clock + s.length > Y.getState(doc.store, s.id.client),
  )
}
