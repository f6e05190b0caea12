import { CloseCodes } from '@waardentafel/protocol'
import * as Y from 'yjs'
import { changedPaths } from '../policy/changedPaths.ts'
import { judgeUpdate, type Refusal, type Restrictions } from '../policy/updatePolicy.ts'
import { buildsOnUnknown, knownClocks } from './gaps.ts'
import type { RoomLimits } from './RoomLimits.ts'
import { bringsStructs, declaredStructs, isEmptyUpdate, overUpdateLimits } from './updateChecks.ts'

/** Over a limit (4413): nothing of it is stored or relayed, and the connection is closed. */
export type LimitRefusal = 'TOO_MANY_STRUCTS' | 'TOO_MANY_DELETIONS' | 'BOARD_FULL'

/**
 * What becomes of a writer's update: `STORE` it; `DROP` it silently (it changes nothing); `GAP_OWN`/`GAP_OTHERS`: it
 * builds on changes the server lacks (its client's own earlier ones, or someone else's) and is dropped until they
 * arrive; or a refusal — the write policy's (4409) or a limit's (4413). A string, so judging allocates nothing.
 */
export type Admission = 'STORE' | 'DROP' | 'GAP_OWN' | 'GAP_OTHERS' | Refusal | LimitRefusal

/** What an update is judged against. Built once per room; its fields read the room's current state. */
export type AdmissionContext = {
  /** The room's document (read, never changed). */
  readonly doc: Y.Doc
  readonly limits: Pick<RoomLimits, 'maxUpdateStructs' | 'maxUpdateDeleteRanges'>
  /** What is being stored and what is queued, in order: the update may build on them. */
  readonly pending: {
    readonly inflight: ReadonlyArray<{ update: Uint8Array }>
    readonly queued: ReadonlyArray<{ update: Uint8Array }>
  }
  restrictions(): Restrictions
  /** Whether an update that adds `structs` structs would take the board past its size budget. */
  overBudget(update: Uint8Array, structs: number): boolean
}

/** The close code a refusal is reported with. */
export function refusalCode(refusal: Refusal | LimitRefusal): number {
  return refusal === 'TOO_MANY_STRUCTS' || refusal === 'TOO_MANY_DELETIONS' || refusal === 'BOARD_FULL'
    ? CloseCodes.MESSAGE_TOO_LARGE.code
    : CloseCodes.REFUSED_CHANGE.code
}

/**
 * Judges one update from a connection that may write, in the order that costs least for the worst input: the
 * declared struct count before decoding, the limits after, then what it builds on, then the write policy, then
 * the board's budget. Throws on an update that does not decode (the caller closes the connection, 4400).
 */
export function admitUpdate(
  role: Parameters<typeof judgeUpdate>[0],
  update: Uint8Array,
  context: AdmissionContext,
): Admission {
  if (isEmptyUpdate(update)) return 'DROP' // every client's first sync step 2 to an up-to-date server carries nothing
  // A flood of structs is refused from the update's first header before it is decoded (200,000 take seconds);
  // a header claiming more structs than the update has bytes is garbage, which decoding refuses (4400).
  const declared = declaredStructs(update)
  if (declared > context.limits.maxUpdateStructs && declared <= update.byteLength) return 'TOO_MANY_STRUCTS'
  // Decoding throws on a malformed update, before anything is queued.
  const decoded = Y.decodeUpdate(update)
  const tooMany = overUpdateLimits(decoded, context.limits)
  if (tooMany) return tooMany
  // An update that builds on changes the server has not got (sent before the client's own sync step 2, a change
  // of another instance still on its way, or forged) cannot be judged: Yjs would keep it pending and apply it —
  // or its deletions — whenever the rest arrives, and re-try it on every later update.
  const { doc } = context
  const { inflight, queued } = context.pending
  const needs = buildsOnUnknown(decoded, knownClocks(doc, inflight, queued))
  if (needs !== null) return needs === 'own' ? 'GAP_OWN' : 'GAP_OTHERS'
  // The paths decide whether it may be stored (judged against the doc and what is being stored or queued).
  let changes = changedPaths(doc, decoded)
  if (changes.unresolved && inflight.length + queued.length > 0) {
    changes = changedPaths(
      doc,
      decoded,
      [...inflight, ...queued].map((p) => p.update),
    )
  }
  const refusal = judgeUpdate(role, changes, context.restrictions())
  if (refusal) return refusal
  // An update that changes nothing — no struct beyond the doc's, deletions only of what is deleted already, or
  // bytes that decode to nothing — is neither stored nor relayed: it would cost storage and everyone's bandwidth
  // for nothing, past the board's budget (which updates without structs always pass).
  if (changes.paths.length === 0 && !bringsStructs(doc, decoded)) return 'DROP'
  return context.overBudget(update, decoded.structs.length) ? 'BOARD_FULL' : 'STORE'
}
