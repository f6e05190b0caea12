import { describe, expect, it } from 'vitest'
import { type BoardStorage, INITIAL_GENERATIONS, type MergeUpdates, type StoredDoc } from './BoardStorage.ts'

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
const LIMITS = { perBoard: 100, perIssuer: 100, windowMs: 3_600_000 }
const datas = (doc: StoredDoc) => doc.updates.map((u) => u.data)

/** The one contract every BoardStorage adapter passes. `make` returns a fresh, empty storage. */
export function storageContract(name: string, make: () => Promise<BoardStorage>): void {
  describe(`BoardStorage contract: ${name}`, () => {
    it('creates and reads board metadata; unknown boards are null', async () => {
      const s = await make()
      await s.createBoard({
        id: 'board-aaaa',
        title: 'Gnephoek',
        createdAt: 1,
        linkGenerations: INITIAL_GENERATIONS,
      })
      expect(await s.getBoard('board-aaaa')).toEqual({
        id: 'board-aaaa',
        title: 'Gnephoek',
        createdAt: 1,
        linkGenerations: INITIAL_GENERATIONS,
      })
      expect(await s.getBoard('board-bbbb')).toBeNull()
      await s.close()
    })

    it("keeps one join code per board: replaced by the next, refused when another board's", async () => {
      const s = await make()
      for (const id of ['board-jc01', 'board-jc02']) {
        await s.createBoard({ id, title: id, createdAt: 1, linkGenerations: INITIAL_GENERATIONS })
      }
      const first = { code: 'ABC234', boardId: 'board-jc01', generation: 0, expiresAt: 1_000 }
      expect(await s.saveJoinCode(first)).toBe(true)
      expect(await s.findJoinCode('ABC234')).toEqual(first)
      expect(await s.joinCodeOfBoard('board-jc01')).toEqual(first)
      expect(await s.saveJoinCode({ ...first, boardId: 'board-jc02' })).toBe(false)
      expect(await s.joinCodeOfBoard('board-jc02')).toBeNull()
      const next = { code: 'XYZ789', boardId: 'board-jc01', generation: 1, expiresAt: 2_000 }
      expect(await s.saveJoinCode(next)).toBe(true)
      expect(await s.findJoinCode('ABC234')).toBeNull()
      expect(await s.findJoinCode('XYZ789')).toEqual(next)
      expect(await s.joinCodeOfBoard('board-jc01')).toEqual(next)
      await s.close()
    })

    it('refuses a second board with the same id', async () => {
      const s = await make()
      await s.createBoard({
        id: 'board-dup1',
        title: 'a',
        createdAt: 1,
        linkGenerations: INITIAL_GENERATIONS,
      })
      await expect(
        s.createBoard({ id: 'board-dup1', title: 'b', createdAt: 2, linkGenerations: INITIAL_GENERATIONS }),
      ).rejects.toThrow()
      await s.close()
    })

    it("raises one role's link generation at a time", async () => {
      const s = await make()
      await s.createBoard({
        id: 'board-gens',
        title: 'g',
        createdAt: 1,
        linkGenerations: INITIAL_GENERATIONS,
      })
      expect(await s.bumpLinkGeneration('board-gens', 'participant')).toBe(1)
      expect(await s.bumpLinkGeneration('board-gens', 'participant')).toBe(2)
      expect((await s.getBoard('board-gens'))?.linkGenerations).toEqual({
        facilitator: 0,
        participant: 2,
        observer: 0,
      })
      await expect(s.bumpLinkGeneration('board-none', 'observer')).rejects.toThrow()
      await s.close()
    })

    it('appends updates in order with increasing positions and loads them back, per board', async () => {
      const s = await make()
      const p1 = await s.appendUpdate('board-1111', bytes(1))
      const p2 = await s.appendUpdate('board-1111', bytes(2))
      await s.appendUpdate('board-2222', bytes(9))
      const p3 = await s.appendUpdate('board-1111', bytes(3))
      expect(p1).toBeLessThan(p2)
      expect(p2).toBeLessThan(p3)
      const doc = await s.loadDoc('board-1111')
      expect(doc.snapshot).toBeNull()
      expect(datas(doc)).toEqual([bytes(1), bytes(2), bytes(3)])
      expect(doc.updates.map((u) => u.seq)).toEqual([p1, p2, p3])
      expect(doc.lastSeq).toBe(p3)
      expect(datas(await s.loadDoc('board-2222'))).toEqual([bytes(9)])
      expect(await s.countUpdates('board-1111')).toBe(3)
      await s.close()
    })

    it('appends a batch in one go, in order, with consecutive positions', async () => {
      const s = await make()
      await s.appendUpdate('board-batch', bytes(0))
      expect(await s.appendUpdates('board-batch', [bytes(1), bytes(2), bytes(3)])).toEqual([2, 3, 4])
      expect(datas(await s.loadDoc('board-batch'))).toEqual([bytes(0), bytes(1), bytes(2), bytes(3)])
      await s.close()
    })

    it('tails a board: loadDoc(after) returns only what came after that position', async () => {
      const s = await make()
      const p1 = await s.appendUpdate('board-tail', bytes(1))
      const p2 = await s.appendUpdate('board-tail', bytes(2))
      const tail = await s.loadDoc('board-tail', p1)
      expect(tail.snapshot).toBeNull()
      expect(datas(tail)).toEqual([bytes(2)])
      expect(tail.lastSeq).toBe(p2)
      const nothing = await s.loadDoc('board-tail', p2)
      expect(nothing).toEqual({ snapshot: null, updates: [], lastSeq: p2 })
      await s.close()
    })

    it('compacts into a snapshot and keeps later updates', async () => {
      const s = await make()
      await s.appendUpdate('board-3333', bytes(1))
      await s.appendUpdate('board-3333', bytes(2))
      await s.compact('board-3333', concat)
      const compacted = await s.loadDoc('board-3333')
      expect(compacted.snapshot).toEqual(bytes(1, 2))
      expect(compacted.updates).toEqual([])
      expect(await s.countUpdates('board-3333')).toBe(0)
      await s.appendUpdate('board-3333', bytes(3))
      await s.compact('board-3333', concat)
      const p4 = await s.appendUpdate('board-3333', bytes(4))
      const doc = await s.loadDoc('board-3333')
      expect(doc.snapshot).toEqual(bytes(1, 2, 3))
      expect(datas(doc)).toEqual([bytes(4)])
      expect(doc.lastSeq).toBe(p4)
      await s.close()
    })

    it('a reader behind a compaction gets the snapshot; one past it gets only newer updates', async () => {
      const s = await make()
      const p1 = await s.appendUpdate('board-6666', bytes(1))
      const p2 = await s.appendUpdate('board-6666', bytes(2))
      await s.compact('board-6666', concat)
      const p3 = await s.appendUpdate('board-6666', bytes(3))
      const behind = await s.loadDoc('board-6666', p1)
      expect(behind.snapshot).toEqual(bytes(1, 2))
      expect(datas(behind)).toEqual([bytes(3)])
      const current = await s.loadDoc('board-6666', p2)
      expect(current.snapshot).toBeNull()
      expect(datas(current)).toEqual([bytes(3)])
      expect(current.lastSeq).toBe(p3)
      await s.close()
    })

    it('leaves everything as it was when the merge throws', async () => {
      const s = await make()
      await s.appendUpdate('board-4444', bytes(1))
      await expect(
        s.compact('board-4444', () => {
          throw new Error('boom')
        }),
      ).rejects.toThrow('boom')
      expect(datas(await s.loadDoc('board-4444'))).toEqual([bytes(1)])
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
      await s.appendUpdate('board-slow', bytes(1))
      await s.appendUpdate('board-slow', bytes(2))
      // Overtaken: another append and a whole compaction (covering more) happen while the first merge runs.
      const first = gated()
      const slow = s.compact('board-slow', first.merge)
      await first.running
      await s.appendUpdate('board-slow', bytes(3))
      await s.compact('board-slow', concat)
      const p4 = await s.appendUpdate('board-slow', bytes(4))
      first.release()
      await slow
      const doc = await s.loadDoc('board-slow')
      expect(doc.snapshot).toEqual(bytes(1, 2, 3))
      expect(datas(doc)).toEqual([bytes(4)])
      expect(doc.lastSeq).toBe(p4)
      // Not overtaken: it covers what it read and keeps what was appended while it merged.
      const second = gated()
      const again = s.compact('board-slow', second.merge)
      await second.running
      const p5 = await s.appendUpdate('board-slow', bytes(5))
      second.release()
      await again
      const after = await s.loadDoc('board-slow')
      expect(after.snapshot).toEqual(bytes(1, 2, 3, 4))
      expect(datas(after)).toEqual([bytes(5)])
      expect(after.lastSeq).toBe(p5)
      await s.close()
    })

    it('compacting a board without updates is a no-op', async () => {
      const s = await make()
      await s.compact('board-5555', concat)
      expect(await s.loadDoc('board-5555')).toEqual({ snapshot: null, updates: [], lastSeq: 0 })
      await s.close()
    })

    it('positions of a board are 1, 2, 3, … without gaps, with other boards interleaved and across compaction', async () => {
      const s = await make()
      const seen: number[] = []
      seen.push(await s.appendUpdate('board-seq1', bytes(1)))
      await s.appendUpdate('board-seq2', bytes(1))
      seen.push(await s.appendUpdate('board-seq1', bytes(2)))
      await s.compact('board-seq1', concat)
      seen.push(await s.appendUpdate('board-seq1', bytes(3)))
      expect(seen).toEqual([1, 2, 3])
      await s.close()
    })

    it('keeps the latest placement per participant and value, whatever the delivery order', async () => {
      const s = await make()
      await s.issueParticipantKey('board-r', { keyHash: 'p-anna-0001', issuer: 'i', issuedAt: 1 }, LIMITS)
      const base = { participantKey: 'p-anna-0001', name: 'Anna', organisation: 'GGD', twijfel: false }
      await s.savePlacements('board-r', 'r1', [
        { ...base, valueId: 'shape:groen', klasse: 'sturend', at: 200 },
        { ...base, valueId: 'shape:lucht', klasse: 'meekoppelen', at: 100 },
      ])
      // An older placement from another device arrives late; a newer one overrides.
      await s.savePlacements('board-r', 'r1', [
        { ...base, valueId: 'shape:groen', klasse: 'vinger-aan-de-pols', at: 150 },
        { ...base, valueId: 'shape:lucht', klasse: 'sturend', twijfel: true, at: 300 },
      ])
      await s.savePlacements('board-r', 'r2', [
        { ...base, valueId: 'shape:groen', klasse: 'meekoppelen', at: 1 },
      ])
      const stored = await s.listPlacements('board-r', 'r1')
      expect(stored.map((p) => [p.valueId, p.klasse, p.twijfel, p.at])).toEqual([
        ['shape:groen', 'sturend', false, 200],
        ['shape:lucht', 'sturend', true, 300],
      ])
      expect(stored[0]).toMatchObject({ name: 'Anna', organisation: 'GGD' })
      await s.close()
    })

    it('issues participant keys within their bounds: per board in all, per issuer within the window', async () => {
      const s = await make()
      const limits = { perBoard: 4, perIssuer: 2, windowMs: 1000 }
      const issue = (keyHash: string, issuer: string, issuedAt: number, boardId = 'board-keys') =>
        s.issueParticipantKey(boardId, { keyHash, issuer, issuedAt }, limits)
      expect(await issue('k1', 'link-a', 100)).toEqual({ ok: true })
      expect(await issue('k2', 'link-a', 200)).toEqual({ ok: true })
      // A third from the same link and address within the window waits until the oldest one leaves it.
      expect(await issue('k3', 'link-a', 300)).toEqual({ ok: false, reason: 'issuer-limit', retryAt: 1100 })
      expect(await s.hasParticipantKey('board-keys', 'k3')).toBe(false)
      expect(await issue('k3', 'link-b', 300)).toEqual({ ok: true })
      expect(await issue('k4', 'link-a', 1100)).toEqual({ ok: true })
      // The board is full, whoever asks; another board is not.
      expect(await issue('k5', 'link-c', 1200)).toEqual({ ok: false, reason: 'board-full' })
      expect(await issue('k5', 'link-c', 1200, 'board-keys2')).toEqual({ ok: true })
      expect(await s.hasParticipantKey('board-keys', 'k4')).toBe(true)
      expect(await s.hasParticipantKey('board-keys', 'k5')).toBe(false)
      expect(await s.hasParticipantKey('board-keys2', 'k1')).toBe(false)
      // Concurrent requests cannot overshoot a bound.
      const raced = await Promise.all(
        Array.from({ length: 6 }, (_, i) => issue(`race-${i}`, `link-${i}`, 2000, 'board-race')),
      )
      expect(raced.filter((r) => r.ok)).toHaveLength(4)
      await s.close()
    })

    it('stores and lists placements only of keys issued for that board', async () => {
      const s = await make()
      await s.issueParticipantKey('board-own', { keyHash: 'issued', issuer: 'i', issuedAt: 1 }, LIMITS)
      await s.issueParticipantKey('board-else', { keyHash: 'elsewhere', issuer: 'i', issuedAt: 1 }, LIMITS)
      const placement = (participantKey: string) => ({
        participantKey,
        name: participantKey,
        organisation: '',
        valueId: 'shape:groen',
        klasse: 'sturend',
        twijfel: false,
        at: 10,
      })
      await s.savePlacements('board-own', 'r1', [
        placement('issued'),
        placement('invented'),
        placement('elsewhere'),
      ])
      expect((await s.listPlacements('board-own', 'r1')).map((p) => p.participantKey)).toEqual(['issued'])
      await s.close()
    })

    it('saves named sessions and lists them oldest first without their data', async () => {
      const s = await make()
      await s.saveSession('board-s', { id: 'b', name: 'Sessie 2', createdAt: 20, data: '{"n":2}' })
      await s.saveSession('board-s', { id: 'a', name: 'Sessie 1', createdAt: 10, data: '{"n":1}' })
      expect(await s.listSessions('board-s')).toEqual([
        { id: 'a', name: 'Sessie 1', createdAt: 10 },
        { id: 'b', name: 'Sessie 2', createdAt: 20 },
      ])
      expect(await s.getSession('board-s', 'b')).toEqual({
        id: 'b',
        name: 'Sessie 2',
        createdAt: 20,
        data: '{"n":2}',
      })
      expect(await s.getSession('board-s', 'zz')).toBeNull()
      expect(await s.listSessions('board-other')).toEqual([])
      await s.close()
    })

    it("counts an organiser's boards and the bytes their documents and sessions take", async () => {
      const s = await make()
      const board = (id: string) => ({ id, title: id, createdAt: 1, linkGenerations: INITIAL_GENERATIONS })
      expect(await s.organiserUsage('addr:10.0.0.1')).toEqual({ boards: 0, bytes: 0 })
      await s.createBoard(board('board-org1'), 'addr:10.0.0.1')
      await s.createBoard(board('board-org2'), 'addr:10.0.0.1')
      await s.createBoard(board('board-org3'), 'addr:10.0.0.2')
      await s.createBoard(board('board-org4'))
      await s.appendUpdates('board-org1', [bytes(1, 2, 3), bytes(4, 5)])
      await s.appendUpdate('board-org2', bytes(6))
      await s.appendUpdate('board-org3', bytes(7, 8, 9, 10))
      await s.saveSession('board-org2', { id: 's', name: 'S', createdAt: 1, data: '{"n":1}' })
      expect(await s.organiserUsage('addr:10.0.0.1')).toEqual({ boards: 2, bytes: 3 + 2 + 1 + 7 })
      await s.compact('board-org1', concat)
      expect(await s.organiserUsage('addr:10.0.0.1')).toEqual({ boards: 2, bytes: 5 + 1 + 7 })
      expect(await s.organiserUsage('addr:10.0.0.2')).toEqual({ boards: 1, bytes: 4 })
      await s.close()
    })

    it('concurrent appends to one board get positions in commit order', async () => {
      const s = await make()
      const positions = await Promise.all(
        Array.from({ length: 40 }, (_, i) => s.appendUpdate('board-conc', bytes(i))),
      )
      const doc = await s.loadDoc('board-conc')
      expect(doc.updates).toHaveLength(40)
      expect(doc.updates.map((u) => u.seq)).toEqual([...positions].sort((a, b) => a - b))
      await s.close()
    })
  })
}
