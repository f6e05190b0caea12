import { describe, expect, it } from 'vitest'
import { INITIAL_GENERATIONS } from '../../src/storage/BoardStorage.ts'
import { StorageError } from '../../src/storage/StorageError.ts'
import { bytes, concat, type MakePorts } from './fixtures.ts'

const board = (id: string, title = id, createdAt = 1) => ({
  id,
  title,
  createdAt,
  linkGenerations: INITIAL_GENERATIONS,
})

/** The contract every `BoardStore` adapter passes (`src/storage/ports/BoardStore.ts`). */
export function boardStoreContract(name: string, make: MakePorts): void {
  describe(`BoardStore contract: ${name}`, () => {
    it('creates and reads board metadata; unknown boards are null', async () => {
      const s = await make()
      await s.boards.createBoard(board('board-aaaa', 'Gnephoek'))
      expect(await s.boards.getBoard('board-aaaa')).toEqual({
        id: 'board-aaaa',
        title: 'Gnephoek',
        createdAt: 1,
        linkGenerations: INITIAL_GENERATIONS,
      })
      expect(await s.boards.getBoard('board-bbbb')).toBeNull()
      await s.close()
    })

    it("keeps one join code per board: replaced by the next, refused when another board's", async () => {
      const s = await make()
      for (const id of ['board-jc01', 'board-jc02']) await s.boards.createBoard(board(id))
      const first = { code: 'ABC234', boardId: 'board-jc01', generation: 0, expiresAt: 1_000 }
      expect(await s.boards.saveJoinCode(first)).toBe(true)
      expect(await s.boards.findJoinCode('ABC234')).toEqual(first)
      expect(await s.boards.joinCodeOfBoard('board-jc01')).toEqual(first)
      expect(await s.boards.saveJoinCode({ ...first, boardId: 'board-jc02' })).toBe(false)
      expect(await s.boards.joinCodeOfBoard('board-jc02')).toBeNull()
      const next = { code: 'XYZ789', boardId: 'board-jc01', generation: 1, expiresAt: 2_000 }
      expect(await s.boards.saveJoinCode(next)).toBe(true)
      expect(await s.boards.findJoinCode('ABC234')).toBeNull()
      expect(await s.boards.findJoinCode('XYZ789')).toEqual(next)
      expect(await s.boards.joinCodeOfBoard('board-jc01')).toEqual(next)
      await s.close()
    })

    it('refuses a second board with the same id', async () => {
      const s = await make()
      await s.boards.createBoard(board('board-dup1', 'a'))
      await expect(s.boards.createBoard(board('board-dup1', 'b', 2))).rejects.toThrow()
      await s.close()
    })

    it("raises one role's link generation at a time; an unknown board is a StorageError 'unknown-board'", async () => {
      const s = await make()
      await s.boards.createBoard(board('board-gens', 'g'))
      expect(await s.boards.bumpLinkGeneration('board-gens', 'participant')).toBe(1)
      expect(await s.boards.bumpLinkGeneration('board-gens', 'participant')).toBe(2)
      expect((await s.boards.getBoard('board-gens'))?.linkGenerations).toEqual({
        facilitator: 0,
        participant: 2,
        observer: 0,
      })
      const refused = s.boards.bumpLinkGeneration('board-none', 'observer')
      await expect(refused).rejects.toBeInstanceOf(StorageError)
      await expect(refused).rejects.toMatchObject({ code: 'unknown-board' })
      await s.close()
    })

    it('issues participant keys within their bounds: per board in all, per issuer within the window', async () => {
      const s = await make()
      const limits = { perBoard: 4, perIssuer: 2, windowMs: 1000 }
      const issue = (keyHash: string, issuer: string, issuedAt: number, boardId = 'board-keys') =>
        s.boards.issueParticipantKey(boardId, { keyHash, issuer, issuedAt }, limits)
      expect(await issue('k1', 'link-a', 100)).toEqual({ ok: true })
      expect(await issue('k2', 'link-a', 200)).toEqual({ ok: true })
      // A third from the same link and address within the window waits until the oldest one leaves it.
      expect(await issue('k3', 'link-a', 300)).toEqual({ ok: false, reason: 'issuer-limit', retryAt: 1100 })
      expect(await s.boards.hasParticipantKey('board-keys', 'k3')).toBe(false)
      expect(await issue('k3', 'link-b', 300)).toEqual({ ok: true })
      expect(await issue('k4', 'link-a', 1100)).toEqual({ ok: true })
      // The board is full, whoever asks; another board is not.
      expect(await issue('k5', 'link-c', 1200)).toEqual({ ok: false, reason: 'board-full' })
      expect(await issue('k5', 'link-c', 1200, 'board-keys2')).toEqual({ ok: true })
      expect(await s.boards.hasParticipantKey('board-keys', 'k4')).toBe(true)
      expect(await s.boards.hasParticipantKey('board-keys', 'k5')).toBe(false)
      expect(await s.boards.hasParticipantKey('board-keys2', 'k1')).toBe(false)
      // Concurrent requests cannot overshoot a bound.
      const raced = await Promise.all(
        Array.from({ length: 6 }, (_, i) => issue(`race-${i}`, `link-${i}`, 2000, 'board-race')),
      )
      expect(raced.filter((r) => r.ok)).toHaveLength(4)
      await s.close()
    })

    it("counts an organiser's boards and the bytes their documents and sessions take", async () => {
      // Usage spans the other ports' data (the log and named sessions), written here through those ports.
      const s = await make()
      expect(await s.boards.organiserUsage('addr:10.0.0.1')).toEqual({ boards: 0, bytes: 0 })
      await s.boards.createBoard(board('board-org1'), 'addr:10.0.0.1')
      await s.boards.createBoard(board('board-org2'), 'addr:10.0.0.1')
      await s.boards.createBoard(board('board-org3'), 'addr:10.0.0.2')
      await s.boards.createBoard(board('board-org4'))
      await s.log.appendUpdates('board-org1', [bytes(1, 2, 3), bytes(4, 5)])
      await s.log.appendUpdate('board-org2', bytes(6))
      await s.log.appendUpdate('board-org3', bytes(7, 8, 9, 10))
      await s.sessions.saveSession('board-org2', { id: 's', name: 'S', createdAt: 1, data: '{"n":1}' })
      expect(await s.boards.organiserUsage('addr:10.0.0.1')).toEqual({ boards: 2, bytes: 3 + 2 + 1 + 7 })
      await s.log.compact('board-org1', concat)
      expect(await s.boards.organiserUsage('addr:10.0.0.1')).toEqual({ boards: 2, bytes: 5 + 1 + 7 })
      expect(await s.boards.organiserUsage('addr:10.0.0.2')).toEqual({ boards: 1, bytes: 4 })
      await s.close()
    })
  })
}
