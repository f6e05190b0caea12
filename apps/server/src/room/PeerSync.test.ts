import { describe, expect, it } from 'vitest'
import type { StoredDoc } from '../storage/BoardStorage.ts'
import { PeerSync, type RoomPeers } from './PeerSync.ts'
import { ManualClock } from './testing/ManualClock.ts'

/** Peers whose storage holds rows up to `lastSeq`; every read is recorded. */
function setup(lastSeq = 0) {
  const clock = new ManualClock()
  const storage = {
    lastSeq: 5,
    generations: null as Partial<Record<'participant', number>> | null,
    fail: false,
  }
  const reads: number[] = []
  const applied: StoredDoc[] = []
  const revoked: unknown[] = []
  const peers: RoomPeers = {
    publishUpdates: () => {},
    publishAwareness: () => {},
    readSince: async (after) => {
      reads.push(after)
      if (storage.fail) throw new Error('unreachable')
      const updates = Array.from({ length: Math.max(0, storage.lastSeq - after) }, (_, i) => ({
        seq: after + i + 1,
        data: Uint8Array.of(0, 0),
      }))
      return { snapshot: null, updates, lastSeq: storage.lastSeq }
    },
    linkGenerations: async () => storage.generations,
    resyncIntervalMs: 250,
  }
  const sync = new PeerSync({
    peers,
    lastSeq,
    scheduler: clock,
    applyStored: (stored) => applied.push(stored),
    revoke: (generations) => revoked.push(generations),
  })
  return { clock, storage, reads, applied, revoked, sync }
}

describe('PeerSync', () => {
  it('counts positions: a gap below a known one is repaired from storage, which fills it', async () => {
    const { reads, applied, sync } = setup(2)
    sync.add(4) // 3 is missing: its fan-out message was lost
    expect(sync.holdsExactly(2)).toBe(false)
    expect(sync.has(3)).toBe(false)
    sync.repairGaps()
    expect(sync.resyncing).toBe(true)
    await sync.resync() // the read under way (one at a time)
    expect(reads).toEqual([2])
    expect(applied.map((s) => s.updates.map((u) => u.seq))).toEqual([[3, 4, 5]])
    expect(sync.holdsExactly(5)).toBe(true)
    expect(sync.resyncing).toBe(false)
  })

  it('tails storage every resyncIntervalMs; nothing new applies nothing; revocations are passed on', async () => {
    const { clock, storage, reads, applied, revoked, sync } = setup(5)
    storage.generations = { participant: 2 }
    clock.advance(249)
    expect(sync.resyncing).toBe(false)
    clock.advance(1)
    expect(sync.resyncing).toBe(true)
    expect(reads).toEqual([5])
    await sync.resync()
    expect(applied).toEqual([])
    expect(revoked).toEqual([{ participant: 2 }])
  })

  it('an unreachable storage is tried again at the next interval; closed, it reads nothing', async () => {
    const { clock, storage, reads, sync } = setup(5)
    storage.fail = true
    await sync.resync()
    storage.fail = false
    clock.advance(250)
    expect(reads).toEqual([5, 5])
    await sync.resync()
    sync.close()
    expect(clock.pendingTimers).toBe(0)
    await sync.resync()
    expect(reads).toEqual([5, 5])
  })
})
