import { FACILITATION_MAP, type Role } from '@waardentafel/protocol'
import { readDocRecords } from '@waardentafel/tldraw-yjs'
import type { TLShape } from 'tldraw'
import * as Y from 'yjs'
import { readFacilitationState } from '../facilitation/useFacilitationState.ts'
import { keepLockedFields } from '../templates/lock/valueCardLock.ts'
import { MAX_INLINE_ASSET_BYTES } from './mediaLimits.ts'

type JsonRecord = { [key: string]: unknown }

/** Why a local change was not carried over to the fresh copy after the server refused one. */
export type DropReason = 'TOO_LARGE' | 'MISSING_ASSET' | 'VALUE_CARDS_LOCKED' | 'STRUCTURE_LOCKED'

/** A local change that was dropped, described for the person who made it. */
export type DroppedChange = {
  id: string
  why: DropReason
  kind: 'image' | 'video' | 'value-card' | 'template' | 'other'
  name: string
  /** For assets: the size of the file as it was stored (bytes). */
  bytes: number | null
}

export type Recovery = { put: JsonRecord[]; remove: string[]; dropped: DroppedChange[] }

/**
 * A record larger than this (as JSON) is not carried over: an inlined file that passed no limit (an older app, a
 * forged record) is what makes a change too large for the server, and it would be refused again.
 */
export const MAX_RECOVERED_RECORD_CHARS = Math.ceil((MAX_INLINE_ASSET_BYTES * 4) / 3) + 16 * 1024

const TEMPLATE_TYPES = new Set(['wt-prioritering', 'wt-schillen', 'wt-spanningen', 'wt-pvw-frame'])
const VALUE_CARD = 'wt-value-card'

/**
 * After the server refused one of this device's changes (4409, 4413), the board restarts from the server's copy.
 * This finds what else this device had not yet synced, so it can be made again on the fresh copy: the device's old
 * copy (`localUpdate`, everything it held) is merged with the server's (`serverDoc`) by Yjs, and every record that
 * then differs from the server's is one of this device's unsynced changes, merged field by field with what others
 * did meanwhile. Changes the server would refuse again are left out and reported: records too large to send,
 * shapes whose picture was left out, and — for a non-facilitator, while the facilitator's locks are on — locked
 * templates and the place, size and name of locked value cards (their annotations are kept).
 */
export function recoverLocalChanges(serverDoc: Y.Doc, localUpdate: Uint8Array, role: Role): Recovery {
  const merged = new Y.Doc()
  Y.applyUpdate(merged, Y.encodeStateAsUpdate(serverDoc))
  Y.applyUpdate(merged, localUpdate)
  const server = byId(readDocRecords(serverDoc).records)
  const mine = byId(readDocRecords(merged).records)
  merged.destroy()
  const lock = readFacilitationState(serverDoc.getMap<unknown>(FACILITATION_MAP)).lock
  const locked = role !== 'facilitator'
  const structureLocked = locked && lock.structure
  const valueCardsLocked = locked && lock.valueCards

  const dropped: DroppedChange[] = []
  const droppedIds = new Set<string>()
  const drop = (record: JsonRecord, why: DropReason) => {
    dropped.push(describe(record, why))
    droppedIds.add(String(record.id))
  }

  const changed: JsonRecord[] = []
  for (const [id, record] of mine) {
    const before = server.get(id)
    if (before && sameJson(before, record)) continue
    if (JSON.stringify(record).length > MAX_RECOVERED_RECORD_CHARS) drop(record, 'TOO_LARGE')
    else changed.push(record)
  }
  const put: JsonRecord[] = []
  for (const record of changed) {
    const before = server.get(String(record.id))
    const assetId = (record.props as JsonRecord | undefined)?.assetId
    if (typeof assetId === 'string' && (droppedIds.has(assetId) || !mine.has(assetId))) {
      drop(record, 'MISSING_ASSET')
    } else if (structureLocked && TEMPLATE_TYPES.has(String(record.type))) {
      drop(record, 'STRUCTURE_LOCKED')
    } else if (valueCardsLocked && before?.type === VALUE_CARD) {
      const kept = keepLockedFields(
        before as unknown as TLShape,
        record as unknown as TLShape,
      ) as unknown as JsonRecord
      if (!sameJson(kept, record)) drop(record, 'VALUE_CARDS_LOCKED')
      if (!sameJson(kept, before)) put.push(kept)
    } else {
      put.push(record)
    }
  }
  const remove: string[] = []
  for (const [id, record] of server) {
    if (mine.has(id)) continue
    if (structureLocked && TEMPLATE_TYPES.has(String(record.type))) drop(record, 'STRUCTURE_LOCKED')
    else if (valueCardsLocked && record.type === VALUE_CARD) drop(record, 'VALUE_CARDS_LOCKED')
    else remove.push(id)
  }
  return { put, remove, dropped }
}

function describe(record: JsonRecord, why: DropReason): DroppedChange {
  const props = (record.props as JsonRecord | undefined) ?? {}
  const id = String(record.id)
  const name = typeof props.name === 'string' ? props.name : ''
  if (record.typeName === 'asset' && (record.type === 'image' || record.type === 'video')) {
    const src = typeof props.src === 'string' ? props.src : ''
    const bytes = typeof props.fileSize === 'number' ? props.fileSize : Math.round((src.length * 3) / 4)
    return { id, why, kind: record.type, name, bytes }
  }
  if (record.type === VALUE_CARD) return { id, why, kind: 'value-card', name, bytes: null }
  if (TEMPLATE_TYPES.has(String(record.type))) return { id, why, kind: 'template', name, bytes: null }
  if (record.type === 'image' || record.type === 'video')
    return { id, why, kind: record.type, name, bytes: null }
  return { id, why, kind: 'other', name, bytes: null }
}

function byId(records: JsonRecord[]): Map<string, JsonRecord> {
  const map = new Map<string, JsonRecord>()
  for (const record of records) if (typeof record.id === 'string') map.set(record.id, record)
  return map
}

/** Deep equality of plain JSON, whatever the order of keys (Yjs maps keep the order their entries arrived in). */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a) !== Array.isArray(b)) return false
  const ka = Object.keys(a)
  if (ka.length !== Object.keys(b).length) return false
  return ka.every((k) => sameJson((a as JsonRecord)[k], (b as JsonRecord)[k]))
}
