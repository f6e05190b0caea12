import type { MergeUpdates, StoragePorts, StoredDoc } from '../../src/storage/BoardStorage.ts'

/** A fresh, empty backend: its four ports over one connection. Each case closes what it opened. */
export type MakePorts = () => Promise<StoragePorts>

/** Concatenation stands in for a Yjs merge: the contracts are about which bytes survive, not their format. */
export const concat: MergeUpdates = (snapshot, updates) => {
  const parts = [...(snapshot ? [snapshot] : []), ...updates]
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let offset = 0
  for (const p of parts) {
    out.set(p, offset)
    offset += p.length
  }
  return out
}

export const bytes = (...values: number[]) => new Uint8Array(values)
export const datas = (doc: StoredDoc) => doc.updates.map((u) => u.data)
/** Bounds on ballot keys loose enough never to matter. */
export const LIMITS = { perBoard: 100, perIssuer: 100, windowMs: 3_600_000 }
