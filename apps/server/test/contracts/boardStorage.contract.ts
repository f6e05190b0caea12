import { describe, expect, it } from 'vitest'
import { type BoardStorage, INITIAL_GENERATIONS } from '../../src/storage/BoardStorage.ts'
import { bytes, concat, datas, LIMITS } from './fixtures.ts'

/**
 * The composed `BoardStorage` (what `openStorage` returns): each of its methods reaches the port that owns it, so
 * what one side writes the other reads. The ports' own behaviour is in their contracts.
 */
export function boardStorageContract(name: string, make: () => Promise<BoardStorage>): void {
  describe(`BoardStorage composition: ${name}`, () => {
    it('forwards every method to its port', async () => {
      const s = await make()
      await s.createBoard(
        { id: 'board-comp', title: 't', createdAt: 1, linkGenerations: INITIAL_GENERATIONS },
        'o',
      )
      expect((await s.boards.getBoard('board-comp'))?.title).toBe('t')
      expect(await s.bumpLinkGeneration('board-comp', 'observer')).toBe(1)
      const code = { code: 'QWE234', boardId: 'board-comp', generation: 0, expiresAt: 9 }
      expect(await s.saveJoinCode(code)).toBe(true)
      expect(await s.boards.findJoinCode('QWE234')).toEqual(code)
      expect(await s.findJoinCode('QWE234')).toEqual(code)
      expect(await s.joinCodeOfBoard('board-comp')).toEqual(code)

      expect(await s.appendUpdate('board-comp', bytes(1))).toBe(1)
      expect(await s.appendUpdates('board-comp', [bytes(2), bytes(3)])).toEqual([2, 3])
      expect(await s.countUpdates('board-comp')).toBe(3)
      await s.compact('board-comp', concat)
      expect((await s.log.loadDoc('board-comp')).snapshot).toEqual(bytes(1, 2, 3))
      await s.log.appendUpdate('board-comp', bytes(4))
      expect(datas(await s.loadDoc('board-comp', 3))).toEqual([bytes(4)])

      expect(
        await s.issueParticipantKey('board-comp', { keyHash: 'k', issuer: 'i', issuedAt: 1 }, LIMITS),
      ).toEqual({
        ok: true,
      })
      expect(await s.hasParticipantKey('board-comp', 'k')).toBe(true)
      const placement = {
        participantKey: 'k',
        name: 'n',
        organisation: '',
        valueId: 'v',
        klasse: 'sturend' as const,
        twijfel: false,
        at: 1,
      }
      await s.savePlacements('board-comp', 'r', [placement])
      expect(await s.rounds.listPlacements('board-comp', 'r')).toEqual([placement])
      expect(await s.listPlacements('board-comp', 'r')).toEqual([placement])

      await s.saveSession('board-comp', { id: 's', name: 'S', createdAt: 1, data: '{}' })
      expect(await s.sessions.getSession('board-comp', 's')).toEqual({
        id: 's',
        name: 'S',
        createdAt: 1,
        data: '{}',
      })
      expect(await s.getSession('board-comp', 's')).toEqual({ id: 's', name: 'S', createdAt: 1, data: '{}' })
      expect(await s.listSessions('board-comp')).toEqual([{ id: 's', name: 'S', createdAt: 1 }])
      expect(await s.organiserUsage('o')).toEqual({ boards: 1, bytes: 3 + 1 + 2 })
      await s.close()
    })
  })
}
