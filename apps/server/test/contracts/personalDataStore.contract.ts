import { describe, expect, it } from 'vitest'
import { INITIAL_GENERATIONS } from '../../src/storage/BoardStorage.ts'
import { concat, LIMITS, type MakePorts } from './fixtures.ts'

/** The contract every `PersonalDataStore` adapter passes (`src/storage/ports/PersonalDataStore.ts`). */
export function personalDataStoreContract(name: string, make: MakePorts): void {
  describe(`PersonalDataStore contract: ${name}`, () => {
    const base = { valueId: 'shape:groen', klasse: 'sturend' as const, twijfel: false, at: 10 }

    it('[AV1] lists every placement row of a board, also of keys no longer issued, and renames one participant per round', async () => {
      const s = await make()
      for (const keyHash of ['k-anna', 'k-bram'])
        await s.boards.issueParticipantKey('board-p', { keyHash, issuer: 'i', issuedAt: 1 }, LIMITS)
      await s.rounds.savePlacements('board-p', 'r1', [
        { ...base, participantKey: 'k-anna', name: 'Anna', organisation: 'GGD' },
        {
          ...base,
          participantKey: 'k-anna',
          name: 'Anna',
          organisation: 'GGD',
          valueId: 'shape:lucht',
          twijfel: true,
        },
        { ...base, participantKey: 'k-bram', name: 'Bram', organisation: '' },
      ])
      await s.rounds.savePlacements('board-p', 'r2', [
        { ...base, participantKey: 'k-anna', name: 'Anna', organisation: 'GGD' },
      ])
      await s.rounds.savePlacements('board-other', 'r1', [
        { ...base, participantKey: 'k-anna', name: 'Anna', organisation: 'GGD' },
      ])
      const rows = await s.privacy.placementsOfBoard('board-p')
      expect(
        rows.map((r) => [r.roundId, r.participantKey, r.valueId, r.name, r.organisation, r.twijfel]),
      ).toEqual([
        ['r1', 'k-anna', 'shape:groen', 'Anna', 'GGD', false],
        ['r1', 'k-anna', 'shape:lucht', 'Anna', 'GGD', true],
        ['r1', 'k-bram', 'shape:groen', 'Bram', '', false],
        ['r2', 'k-anna', 'shape:groen', 'Anna', 'GGD', false],
      ])
      expect(await s.privacy.renameParticipant('board-p', 'r1', 'k-anna', 'verwijderde deelnemer', '')).toBe(
        2,
      )
      expect(await s.privacy.renameParticipant('board-p', 'r9', 'k-anna', 'x', '')).toBe(0)
      const after = await s.rounds.listPlacements('board-p', 'r1')
      expect(after.map((p) => [p.participantKey, p.valueId, p.name, p.organisation, p.klasse, p.at])).toEqual(
        [
          ['k-anna', 'shape:groen', 'verwijderde deelnemer', '', 'sturend', 10],
          ['k-anna', 'shape:lucht', 'verwijderde deelnemer', '', 'sturend', 10],
          ['k-bram', 'shape:groen', 'Bram', '', 'sturend', 10],
        ],
      )
      expect((await s.rounds.listPlacements('board-p', 'r2'))[0]?.name).toBe('Anna')
      await s.close()
    })

    it('[AV2] reads sessions with their snapshots and rewrites one in place', async () => {
      const s = await make()
      await s.sessions.saveSession('board-s', {
        id: 'b',
        name: 'Met Anna',
        createdAt: 20,
        data: '{"n":"Anna"}',
      })
      await s.sessions.saveSession('board-s', { id: 'a', name: 'Sessie 1', createdAt: 10, data: '{"n":1}' })
      expect(await s.privacy.sessionsOfBoard('board-s')).toEqual([
        { id: 'a', name: 'Sessie 1', createdAt: 10, data: '{"n":1}' },
        { id: 'b', name: 'Met Anna', createdAt: 20, data: '{"n":"Anna"}' },
      ])
      const rewritten = { id: 'b', name: 'Met X', createdAt: 20, data: '{"n":"X"}' }
      expect(await s.privacy.rewriteSession('board-s', rewritten)).toBe(true)
      expect(await s.privacy.rewriteSession('board-s', { ...rewritten, id: 'zz' })).toBe(false)
      expect(await s.sessions.getSession('board-s', 'b')).toEqual(rewritten)
      expect(await s.privacy.sessionsOfBoard('board-none')).toEqual([])
      await s.close()
    })

    it('[AV3] walks every board in id order and keeps what the retention job saw of each', async () => {
      const s = await make()
      for (const id of ['b-c', 'b-a', 'b-B', 'b-b'])
        await s.boards.createBoard({ id, title: id, createdAt: 1, linkGenerations: INITIAL_GENERATIONS })
      expect(await s.privacy.listBoardIds('', 10)).toEqual(['b-B', 'b-a', 'b-b', 'b-c'])
      expect(await s.privacy.listBoardIds('', 2)).toEqual(['b-B', 'b-a'])
      expect(await s.privacy.listBoardIds('b-a', 2)).toEqual(['b-b', 'b-c'])
      expect(await s.privacy.listBoardIds('b-c', 2)).toEqual([])
      // The log position is what a full load of the document reports, also after a compaction.
      expect(await s.privacy.logPosition('b-a')).toBe(0)
      for (const n of [1, 2, 3]) await s.log.appendUpdate('b-a', new Uint8Array([n]))
      expect(await s.privacy.logPosition('b-a')).toBe((await s.log.loadDoc('b-a')).lastSeq)
      await s.log.compact('b-a', concat)
      expect(await s.privacy.logPosition('b-a')).toBe((await s.log.loadDoc('b-a')).lastSeq)
      await s.log.appendUpdate('b-a', new Uint8Array([4]))
      expect(await s.privacy.logPosition('b-a')).toBe((await s.log.loadDoc('b-a')).lastSeq)
      expect(await s.privacy.logPosition('b-c')).toBe(0)
      expect(await s.privacy.retentionState('b-a')).toBeNull()
      await s.privacy.saveRetentionState('b-a', { seenSeq: 3, lastEditAt: 1_000, erasedAt: null })
      expect(await s.privacy.retentionState('b-a')).toEqual({ seenSeq: 3, lastEditAt: 1_000, erasedAt: null })
      await s.privacy.saveRetentionState('b-a', { seenSeq: 5, lastEditAt: 1_000, erasedAt: 2_000 })
      expect(await s.privacy.retentionState('b-a')).toEqual({
        seenSeq: 5,
        lastEditAt: 1_000,
        erasedAt: 2_000,
      })
      expect(await s.privacy.retentionState('b-b')).toBeNull()
      await s.close()
    })
  })
}
