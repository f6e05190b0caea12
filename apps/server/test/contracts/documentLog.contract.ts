import { describe, expect, it } from 'vitest'
import type { MergeUpdates } from '../../src/storage/BoardStorage.ts'
import { bytes, concat, datas, type MakePorts } from './fixtures.ts'

/** The contract every `DocumentLog` adapter passes (`src/storage/ports/DocumentLog.ts`). */
export function documentLogContract(name: string, make: MakePorts): void {
  describe(`DocumentLog contract: ${name}`, () => {
    it('appends updates in order with increasing positions and loads them back, per board', async () => {
      const s = await make()
      const p1 = await s.log.appendUpdate('board-1111', bytes(1))
      const p2 = await s.log.appendUpdate('board-1111', bytes(2))
      await s.log.appendUpdate('board-2222', bytes(9))
      const p3 = await s.log.appendUpdate('board-1111', bytes(3))
      expect(p1).toBeLessThan(p2)
      expect(p2).toBeLessThan(p3)
      const doc = await s.log.loadDoc('board-1111')
      expect(doc.snapshot).toBeNull()
      expect(datas(doc)).toEqual([bytes(1), bytes(2), bytes(3)])
      expect(doc.updates.map((u) => u.seq)).toEqual([p1, p2, p3])
      expect(doc.lastSeq).toBe(p3)
      expect(datas(await s.log.loadDoc('board-2222'))).toEqual([bytes(9)])
      expect(await s.log.countUpdates('board-1111')).toBe(3)
      await s.close()
    })

    it('appends a batch in one go, in order, with consecutive positions', async () => {
      const s = await make()
      await s.log.appendUpdate('board-batch', bytes(0))
      expect(await s.log.appendUpdates('board-batch', [bytes(1), bytes(2), bytes(3)])).toEqual([2, 3, 4])
      expect(datas(await s.log.loadDoc('board-batch'))).toEqual([bytes(0), bytes(1), bytes(2), bytes(3)])
      await s.close()
    })

    it('tails a board: loadDoc(after) returns only what came after that position', async () => {
      const s = await make()
      const p1 = await s.log.appendUpdate('board-tail', bytes(1))
      const p2 = await s.log.appendUpdate('board-tail', bytes(2))
      const tail = await s.log.loadDoc('board-tail', p1)
      expect(tail.snapshot).toBeNull()
      expect(datas(tail)).toEqual([bytes(2)])
      expect(tail.lastSeq).toBe(p2)
      const nothing = await s.log.loadDoc('board-tail', p2)
      expect(nothing).toEqual({ snapshot: null, updates: [], lastSeq: p2 })
      await s.close()
    })

    it('compacts into a snapshot and keeps later updates', async () => {
      const s = await make()
      await s.log.appendUpdate('board-3333', bytes(1))
      await s.log.appendUpdate('board-3333', bytes(2))
      await s.log.compact('board-3333', concat)
      const compacted = await s.log.loadDoc('board-3333')
      expect(compacted.snapshot).toEqual(bytes(1, 2))
      expect(compacted.updates).toEqual([])
      expect(await s.log.countUpdates('board-3333')).toBe(0)
      await s.log.appendUpdate('board-3333', bytes(3))
      await s.log.compact('board-3333', concat)
      const p4 = await s.log.appendUpdate('board-3333', bytes(4))
      const doc = await s.log.loadDoc('board-3333')
      expect(doc.snapshot).toEqual(bytes(1, 2, 3))
      expect(datas(doc)).toEqual([bytes(4)])
      expect(doc.lastSeq).toBe(p4)
      await s.close()
    })

    it('a reader behind a compaction gets the snapshot; one past it gets only newer updates', async () => {
      const s = await make()
      const p1 = await s.log.appendUpdate('board-6666', bytes(1))
      const p2 = await s.log.appendUpdate('board-6666', bytes(2))
      await s.log.compact('board-6666', concat)
      const p3 = await s.log.appendUpdate('board-6666', bytes(3))
      const behind = await s.log.loadDoc('board-6666', p1)
      expect(behind.snapshot).toEqual(bytes(1, 2))
      expect(datas(behind)).toEqual([bytes(3)])
      const current = await s.log.loadDoc('board-6666', p2)
      expect(current.snapshot).toBeNull()
      expect(datas(current)).toEqual([bytes(3)])
      expect(current.lastSeq).toBe(p3)
      await s.close()
    })

    it('leaves everything as it was when the merge throws', async () => {
      const s = await make()
      await s.log.appendUpdate('board-4444', bytes(1))
      await expect(
        s.log.compact('board-4444', () => {
          throw new Error('boom')
        }),
      ).rejects.toThrow('boom')
      expect(datas(await s.log.loadDoc('board-4444'))).toEqual([bytes(1)])
      await s.close()
    })

    it('a slow merge keeps what was appended meanwhile; an older compaction never replaces a newer one', async () => {
      const s = await make()
      /** A merge that has read its rows (`started`) and resolves only when `release` is called. */
      const gated = () => {
        let release: () => void = () => {}
        let started: () => void = () => {}
        const gate = new Promise<void>((resolve) => {
          release = resolve
        })
        const running = new Promise<void>((resolve) => {
          started = resolve
        })
        const merge: MergeUpdates = async (snapshot, updates) => {
          started()
          await gate
          return concat(snapshot, updates)
        }
        return { merge, running, release: () => release() }
      }
      await s.log.appendUpdate('board-slow', bytes(1))
      await s.log.appendUpdate('board-slow', bytes(2))
      // Overtaken: another append and a whole compaction (covering more) happen while the first merge runs.
      const first = gated()
      const slow = s.log.compact('board-slow', first.merge)
      await first.running
      await s.log.appendUpdate('board-slow', bytes(3))
      await s.log.compact('board-slow', concat)
      const p4 = await s.log.appendUpdate('board-slow', bytes(4))
      first.release()
      await slow
      const doc = await s.log.loadDoc('board-slow')
      expect(doc.snapshot).toEqual(bytes(1, 2, 3))
      expect(datas(doc)).toEqual([bytes(4)])
      expect(doc.lastSeq).toBe(p4)
      // Not overtaken: it covers what it read and keeps what was appended while it merged.
      const second = gated()
      const again = s.log.compact('board-slow', second.merge)
      await second.running
      const p5 = await s.log.appendUpdate('board-slow', bytes(5))
      second.release()
      await again
      const after = await s.log.loadDoc('board-slow')
      expect(after.snapshot).toEqual(bytes(1, 2, 3, 4))
      expect(datas(after)).toEqual([bytes(5)])
      expect(after.lastSeq).toBe(p5)
      await s.close()
    })

    it('compacting a board without updates is a no-op', async () => {
      const s = await make()
      await s.log.compact('board-5555', concat)
      expect(await s.log.loadDoc('board-5555')).toEqual({ snapshot: null, updates: [], lastSeq: 0 })
      await s.close()
    })

    it('positions of a board are 1, 2, 3, … without gaps, with other boards interleaved and across compaction', async () => {
      const s = await make()
      const seen: number[] = []
      seen.push(await s.log.appendUpdate('board-seq1', bytes(1)))
      await s.log.appendUpdate('board-seq2', bytes(1))
      seen.push(await s.log.appendUpdate('board-seq1', bytes(2)))
      await s.log.compact('board-seq1', concat)
      seen.push(await s.log.appendUpdate('board-seq1', bytes(3)))
      expect(seen).toEqual([1, 2, 3])
      await s.close()
    })

    it('concurrent appends to one board get positions in commit order', async () => {
      const s = await make()
      const positions = await Promise.all(
        Array.from({ length: 40 }, (_, i) => s.log.appendUpdate('board-conc', bytes(i))),
      )
      const doc = await s.log.loadDoc('board-conc')
      expect(doc.updates).toHaveLength(40)
      expect(doc.updates.map((u) => u.seq)).toEqual([...positions].sort((a, b) => a - b))
      await s.close()
    })
  })
}
