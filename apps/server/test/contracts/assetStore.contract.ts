import { describe, expect, it } from 'vitest'
import type { AssetMeta, AssetStore } from '../../src/storage/ports/AssetStore.ts'

/** A fresh, empty asset store; each case closes what it opened. */
export type MakeAssetStore = () => Promise<AssetStore>

const ID_A = 'a'.repeat(32)
const ID_B = 'b'.repeat(32)
const ID_PDF = 'c'.repeat(32)

const image = (boardId: string, id: string, createdAt: number): AssetMeta => ({
  id,
  boardId,
  contentType: 'image/jpeg',
  bytes: 5,
  thumbBytes: 3,
  thumbType: 'image/webp',
  w: 40,
  h: 30,
  createdAt,
  unreferencedSince: null,
})
const bytes = (...values: number[]) => new Uint8Array(values)

/** The contract every `AssetStore` adapter passes (`src/storage/ports/AssetStore.ts`). */
export function assetStoreContract(name: string, make: MakeAssetStore): void {
  describe(`[AS8] AssetStore contract: ${name}`, () => {
    it('stores an asset with its thumbnail and reads each back; other boards see nothing', async () => {
      const s = await make()
      await s.put(image('board-a1', ID_A, 10), { original: bytes(1, 2, 3, 4, 5), thumb: bytes(9, 8, 7) })
      expect(await s.getMeta('board-a1', ID_A)).toEqual(image('board-a1', ID_A, 10))
      expect(await s.read('board-a1', ID_A, 'original')).toEqual(bytes(1, 2, 3, 4, 5))
      expect(await s.read('board-a1', ID_A, 'thumb')).toEqual(bytes(9, 8, 7))
      expect(await s.getMeta('board-other', ID_A)).toBeNull()
      expect(await s.read('board-other', ID_A, 'original')).toBeNull()
      expect(await s.read('board-a1', ID_B, 'original')).toBeNull()
      await s.close()
    })

    it('keeps a PDF without thumbnail, lists oldest first and sums the bytes', async () => {
      const s = await make()
      const pdf: AssetMeta = {
        ...image('board-a2', ID_PDF, 5),
        contentType: 'application/pdf',
        thumbBytes: 0,
        thumbType: null,
        w: 0,
        h: 0,
      }
      await s.put(image('board-a2', ID_A, 20), { original: bytes(1, 2, 3, 4, 5), thumb: bytes(1, 2, 3) })
      await s.put(pdf, { original: bytes(37, 80, 68, 70, 45), thumb: null })
      expect(await s.read('board-a2', ID_PDF, 'thumb')).toBeNull()
      expect((await s.list('board-a2')).map((m) => m.id)).toEqual([ID_PDF, ID_A])
      expect(await s.boardBytes('board-a2')).toBe(5 + 5 + 3)
      expect(await s.boardBytes('board-none')).toBe(0)
      await s.close()
    })

    it('putting an id the board has changes nothing (ids are content hashes)', async () => {
      const s = await make()
      await s.put(image('board-a3', ID_A, 10), { original: bytes(1, 2, 3, 4, 5), thumb: null })
      await s.put(image('board-a3', ID_A, 99), { original: bytes(6, 6, 6, 6, 6), thumb: null })
      expect((await s.getMeta('board-a3', ID_A))?.createdAt).toBe(10)
      expect(await s.read('board-a3', ID_A, 'original')).toEqual(bytes(1, 2, 3, 4, 5))
      await s.close()
    })

    it('marks and clears the unreferenced mark, deletes some assets and then all of a board', async () => {
      const s = await make()
      await s.put(image('board-a4', ID_A, 1), { original: bytes(1), thumb: bytes(2) })
      await s.put(image('board-a4', ID_B, 2), { original: bytes(3), thumb: bytes(4) })
      await s.put(image('board-a5', ID_A, 3), { original: bytes(5), thumb: null })
      expect(await s.boardsWithAssets()).toEqual(['board-a4', 'board-a5'])
      await s.markUnreferenced('board-a4', [ID_A, ID_B], 1000)
      await s.markUnreferenced('board-a4', [ID_B], null)
      expect((await s.list('board-a4')).map((m) => m.unreferencedSince)).toEqual([1000, null])
      expect(await s.delete('board-a4', [ID_A, 'f'.repeat(32)])).toBe(1)
      expect((await s.list('board-a4')).map((m) => m.id)).toEqual([ID_B])
      expect(await s.read('board-a4', ID_A, 'original')).toBeNull()
      expect(await s.deleteBoardAssets('board-a4')).toBe(1)
      expect(await s.list('board-a4')).toEqual([])
      expect(await s.read('board-a4', ID_B, 'thumb')).toBeNull()
      expect(await s.boardsWithAssets()).toEqual(['board-a5'])
      expect(await s.read('board-a5', ID_A, 'original')).toEqual(bytes(5))
      await s.close()
    })

    it('answers ids that are not ids with nothing, never a path outside the store', async () => {
      const s = await make()
      expect(await s.getMeta('../board', ID_A)).toBeNull()
      expect(await s.read('board-a6', '../../etc/passwd', 'original')).toBeNull()
      expect(await s.list('..')).toEqual([])
      expect(await s.deleteBoardAssets('..')).toBe(0)
      await s.close()
    })
  })
}
