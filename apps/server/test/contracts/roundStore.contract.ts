import type { RoundClass } from '@waardentafel/protocol'
import { describe, expect, it } from 'vitest'
import { LIMITS, type MakePorts } from './fixtures.ts'

/** The contract every `RoundStore` adapter passes (`src/storage/ports/RoundStore.ts`). */
export function roundStoreContract(name: string, make: MakePorts): void {
  describe(`RoundStore contract: ${name}`, () => {
    const placement = (participantKey: string, klasse: RoundClass = 'sturend') => ({
      participantKey,
      name: participantKey,
      organisation: '',
      valueId: 'shape:groen',
      klasse,
      twijfel: false,
      at: 10,
    })

    it('keeps the latest placement per participant and value, whatever the delivery order', async () => {
      const s = await make()
      await s.boards.issueParticipantKey(
        'board-r',
        { keyHash: 'p-anna-0001', issuer: 'i', issuedAt: 1 },
        LIMITS,
      )
      const base = { participantKey: 'p-anna-0001', name: 'Anna', organisation: 'GGD', twijfel: false }
      await s.rounds.savePlacements('board-r', 'r1', [
        { ...base, valueId: 'shape:groen', klasse: 'sturend', at: 200 },
        { ...base, valueId: 'shape:lucht', klasse: 'meekoppelen', at: 100 },
      ])
      // An older placement from another device arrives late; a newer one overrides.
      await s.rounds.savePlacements('board-r', 'r1', [
        { ...base, valueId: 'shape:groen', klasse: 'vinger-aan-de-pols', at: 150 },
        { ...base, valueId: 'shape:lucht', klasse: 'sturend', twijfel: true, at: 300 },
      ])
      await s.rounds.savePlacements('board-r', 'r2', [
        { ...base, valueId: 'shape:groen', klasse: 'meekoppelen', at: 1 },
      ])
      const stored = await s.rounds.listPlacements('board-r', 'r1')
      expect(stored.map((p) => [p.valueId, p.klasse, p.twijfel, p.at])).toEqual([
        ['shape:groen', 'sturend', false, 200],
        ['shape:lucht', 'sturend', true, 300],
      ])
      expect(stored[0]).toMatchObject({ name: 'Anna', organisation: 'GGD' })
      await s.close()
    })

    it('stores and lists placements only of keys issued for that board', async () => {
      const s = await make()
      await s.boards.issueParticipantKey('board-own', { keyHash: 'issued', issuer: 'i', issuedAt: 1 }, LIMITS)
      await s.boards.issueParticipantKey(
        'board-else',
        { keyHash: 'elsewhere', issuer: 'i', issuedAt: 1 },
        LIMITS,
      )
      await s.rounds.savePlacements('board-own', 'r1', [
        placement('issued'),
        placement('invented'),
        placement('elsewhere'),
      ])
      expect((await s.rounds.listPlacements('board-own', 'r1')).map((p) => p.participantKey)).toEqual([
        'issued',
      ])
      await s.close()
    })

    it('lists only rows whose class is a round class: the class is parsed where it leaves storage', async () => {
      const s = await make()
      for (const keyHash of ['k-a', 'k-b']) {
        await s.boards.issueParticipantKey('board-cls', { keyHash, issuer: keyHash, issuedAt: 1 }, LIMITS)
      }
      // A row of another class can only come from outside the typed API (by hand, another version): simulated here.
      const foreign = { ...placement('k-b'), klasse: 'prioritair' as unknown as RoundClass }
      await s.rounds.savePlacements('board-cls', 'r1', [placement('k-a', 'meekoppelen'), foreign])
      const listed = await s.rounds.listPlacements('board-cls', 'r1')
      expect(listed.map((p) => [p.participantKey, p.klasse])).toEqual([['k-a', 'meekoppelen']])
      await s.close()
    })
  })
}
