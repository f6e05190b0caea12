import { describe, expect, it } from 'vitest'
import type { StoredSignature } from '../../src/storage/ports/VersionStore.ts'
import type { MakePorts } from './fixtures.ts'

const version = (createdAt: number, pvw = '{"pvw":1}') => ({
  createdAt,
  intentieverklaring: 'De ondertekenende partijen verbinden zich …',
  pvw,
  snapshot: '{"records":[]}',
})

const signature = (keyHash: string, over: Partial<StoredSignature> = {}): StoredSignature => ({
  keyHash,
  name: 'Anna de Vries',
  organisation: 'GGD',
  mandate: 'directeur',
  partij: 'GGD',
  zelfstandig: false,
  datum: '2026-12-07',
  signedAt: 100,
  ...over,
})

const adoption = { datum: '2026-12-08', orgaan: 'college' as const, orgaanNaam: '' }

/** The contract every `VersionStore` adapter passes (`src/storage/ports/VersionStore.ts`). */
export function versionStoreContract(name: string, make: MakePorts): void {
  describe(`VersionStore contract: ${name}`, () => {
    it('numbers versions 1, 2, … per board, keeps their texts whole and lists them oldest first', async () => {
      const s = await make()
      expect(await s.versions.createVersion('board-v', version(10, '{"a":"ë ĳ 🌳"}'))).toBe(1)
      expect(await s.versions.createVersion('board-v', version(20))).toBe(2)
      expect(await s.versions.createVersion('board-w', version(30))).toBe(1)
      expect(await s.versions.listVersions('board-v')).toEqual([
        { number: 1, status: 'ter vaststelling', createdAt: 10, vaststelling: null, signatures: 0 },
        { number: 2, status: 'ter vaststelling', createdAt: 20, vaststelling: null, signatures: 0 },
      ])
      expect(await s.versions.getVersion('board-v', 1)).toEqual({
        ...version(10, '{"a":"ë ĳ 🌳"}'),
        number: 1,
        status: 'ter vaststelling',
        vaststelling: null,
      })
      expect(await s.versions.getVersion('board-v', 3)).toBeNull()
      expect(await s.versions.listEvents('board-v', 2)).toEqual([
        { kind: 'bevroren', at: 20, text: 'Ter vaststelling aangeboden' },
      ])
      await s.close()
    })

    it('gives versions frozen at the same moment different numbers', async () => {
      const s = await make()
      const numbers = await Promise.all(
        Array.from({ length: 8 }, (_, i) => s.versions.createVersion('board-c', version(i))),
      )
      expect([...numbers].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8])
      await s.close()
    })

    it('takes one signature per key and version, in order, and none on a vastgestelde or unknown version', async () => {
      const s = await make()
      await s.versions.createVersion('board-s', version(1))
      await s.versions.createVersion('board-s', version(2))
      expect(await s.versions.addSignature('board-s', 1, signature('k1'), 'Getekend door Anna')).toBe(
        'signed',
      )
      expect(await s.versions.addSignature('board-s', 1, signature('k1', { name: 'Ander' }), 'x')).toBe(
        'already-signed',
      )
      const bewoners = signature('k2', {
        name: 'Piet',
        partij: 'Bewonersraad',
        zelfstandig: true,
        signedAt: 200,
      })
      expect(await s.versions.addSignature('board-s', 1, bewoners, 'Getekend door Piet')).toBe('signed')
      // The same key signs another version of the board: one signature per key *and version*.
      expect(await s.versions.addSignature('board-s', 2, signature('k1'), 'Getekend')).toBe('signed')
      expect(await s.versions.addSignature('board-s', 9, signature('k3'), 'x')).toBe('not-found')
      expect(await s.versions.listSignatures('board-s', 1)).toEqual([signature('k1'), bewoners])
      expect((await s.versions.listVersions('board-s')).map((v) => v.signatures)).toEqual([2, 1])

      expect(await s.versions.adoptVersion('board-s', 1, adoption, 300, 'Vastgesteld door het college')).toBe(
        'adopted',
      )
      expect(await s.versions.adoptVersion('board-s', 1, adoption, 301, 'again')).toBe('closed')
      expect(await s.versions.adoptVersion('board-s', 7, adoption, 301, 'x')).toBe('not-found')
      expect(await s.versions.addSignature('board-s', 1, signature('k4'), 'x')).toBe('closed')
      const adopted = await s.versions.getVersion('board-s', 1)
      expect(adopted?.status).toBe('vastgesteld')
      expect(adopted?.vaststelling).toEqual(adoption)
      expect(await s.versions.listEvents('board-s', 1)).toEqual([
        { kind: 'bevroren', at: 1, text: 'Ter vaststelling aangeboden' },
        { kind: 'ondertekend', at: 100, text: 'Getekend door Anna' },
        { kind: 'ondertekend', at: 200, text: 'Getekend door Piet' },
        { kind: 'vastgesteld', at: 300, text: 'Vastgesteld door het college' },
      ])
      await s.close()
    })

    it("removes a purged board's versions, signatures and history, and no other board's", async () => {
      const s = await make()
      await s.versions.createVersion('board-gone', version(1))
      await s.versions.createVersion('board-gone', version(2))
      await s.versions.addSignature('board-gone', 1, signature('k1'), 'Getekend')
      await s.versions.createVersion('board-kept', version(3))
      expect(await s.versions.deleteBoardVersions('board-gone')).toBe(2)
      expect(await s.versions.listVersions('board-gone')).toEqual([])
      expect(await s.versions.listSignatures('board-gone', 1)).toEqual([])
      expect(await s.versions.listEvents('board-gone', 1)).toEqual([])
      expect(await s.versions.listVersions('board-kept')).toHaveLength(1)
      // A new first version after the purge is number 1 again: nothing of the old board is left.
      expect(await s.versions.createVersion('board-gone', version(4))).toBe(1)
      await s.close()
    })
  })
}
