import { describe, expect, it } from 'vitest'
import type { BoardStorage, MergeUpdates } from './BoardStorage.ts'

/** Concatenation stands in for a Yjs merge: the contract is about which bytes survive, not their format. */
const concat: MergeUpdates = (snapshot, updates) => {
  const parts = [...(snapshot ? [snapshot] : []), ...updates]
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let offset = 0
  for (const p of parts) {
    out.set(p, offset)
    offset += p.length
  }
  return out
}

const bytes = (...values: number[]) => new Uint8Array(values)

/** The one contract every BoardStorage adapter passes. `make` returns a fresh, empty storage. */
export function storageContract(name: string, make: () => Promise<BoardStorage>): void {
  describe(`BoardStorage contract: ${name}`, () => {
    it('creates and reads board metadata; unknown boards are null', async () => {
      const s = await make()
      await s.createBoard({ id: 'board-aaaa', title: 'Gnephoek', createdAt: 1 })
      expect(await s.getBoard('board-aaaa')).toEqual({ id: 'board-aaaa', title: 'Gnephoek', createdAt: 1 })
      expect(await s.getBoard('board-bbbb')).toBeNull()
      await s.close()
    })

    it('refuses a second board with the same id', async () => {
      const s = await make()
      await s.createBoard({ id: 'board-dup1', title: 'a', createdAt: 1 })
      await expect(s.createBoard({ id: 'board-dup1', title: 'b', createdAt: 2 })).rejects.toThrow()
      await s.close()
    })

    it('appends updates in order and loads them back, per board', async () => {
      const s = await make()
      await s.appendUpdates('board-1111', [bytes(1), bytes(2)])
      await s.appendUpdates('board-2222', [bytes(9)])
      await s.appendUpdates('board-1111', [bytes(3)])
      expect(await s.loadDoc('board-1111')).toEqual({
        snapshot: null,
        updates: [bytes(1), bytes(2), bytes(3)],
      })
      expect(await s.loadDoc('board-2222')).toEqual({ snapshot: null, updates: [bytes(9)] })
      expect(await s.countUpdates('board-1111')).toBe(3)
      await s.close()
    })

    it('compacts into a snapshot and keeps later updates', async () => {
      const s = await make()
      await s.appendUpdates('board-3333', [bytes(1), bytes(2)])
      await s.compact('board-3333', concat)
      expect(await s.loadDoc('board-3333')).toEqual({ snapshot: bytes(1, 2), updates: [] })
      expect(await s.countUpdates('board-3333')).toBe(0)
      await s.appendUpdates('board-3333', [bytes(3)])
      await s.compact('board-3333', concat)
      await s.appendUpdates('board-3333', [bytes(4)])
      expect(await s.loadDoc('board-3333')).toEqual({ snapshot: bytes(1, 2, 3), updates: [bytes(4)] })
      await s.close()
    })

    it('leaves everything as it was when the merge throws', async () => {
      const s = await make()
      await s.appendUpdates('board-4444', [bytes(1)])
      await expect(
        s.compact('board-4444', () => {
          throw new Error('boom')
        }),
      ).rejects.toThrow('boom')
      expect(await s.loadDoc('board-4444')).toEqual({ snapshot: null, updates: [bytes(1)] })
      await s.close()
    })

    it('compacting a board without updates is a no-op', async () => {
      const s = await make()
      await s.compact('board-5555', concat)
      expect(await s.loadDoc('board-5555')).toEqual({ snapshot: null, updates: [] })
      await s.close()
    })
  })
}
