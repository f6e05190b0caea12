import { describe, expect, it } from 'vitest'
import type { MakePorts } from './fixtures.ts'

/** The contract every `SessionStore` adapter passes (`src/storage/ports/SessionStore.ts`). */
export function sessionStoreContract(name: string, make: MakePorts): void {
  describe(`SessionStore contract: ${name}`, () => {
    it('saves named sessions and lists them oldest first without their data', async () => {
      const s = await make()
      await s.sessions.saveSession('board-s', { id: 'b', name: 'Sessie 2', createdAt: 20, data: '{"n":2}' })
      await s.sessions.saveSession('board-s', { id: 'a', name: 'Sessie 1', createdAt: 10, data: '{"n":1}' })
      expect(await s.sessions.listSessions('board-s')).toEqual([
        { id: 'a', name: 'Sessie 1', createdAt: 10 },
        { id: 'b', name: 'Sessie 2', createdAt: 20 },
      ])
      expect(await s.sessions.getSession('board-s', 'b')).toEqual({
        id: 'b',
        name: 'Sessie 2',
        createdAt: 20,
        data: '{"n":2}',
      })
      expect(await s.sessions.getSession('board-s', 'zz')).toBeNull()
      expect(await s.sessions.listSessions('board-other')).toEqual([])
      await s.close()
    })
  })
}
