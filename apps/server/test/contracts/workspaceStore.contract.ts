import { describe, expect, it } from 'vitest'
import { INITIAL_GENERATIONS } from '../../src/storage/BoardStorage.ts'
import type { BoardPlacement, ProjectRecord } from '../../src/storage/ports/WorkspaceStore.ts'
import { MAX_BRANCHES } from '../../src/storage/workspaceRows.ts'
import type { MakePorts } from './fixtures.ts'
import { bytes, LIMITS } from './fixtures.ts'

const project = (over: Partial<ProjectRecord> = {}): ProjectRecord => ({
  id: 'p1',
  workspaceId: 'w1',
  name: 'Herontwikkeling zwembadlocatie De Veenhoek',
  gebied: 'De Veenhoek',
  gemeente: 'Veendam',
  kernteam: ['Anna', 'Bram'],
  retentionMonths: 24,
  phase: 'quickscan',
  createdAt: 100,
  updatedAt: 100,
  ...over,
})

const placement = (over: Partial<BoardPlacement> = {}): BoardPlacement => ({
  boardId: 'board-0001',
  projectId: 'p1',
  ownerId: 'anna',
  title: 'Quickscan Veenhoek',
  createdAt: 200,
  updatedAt: 200,
  lastOpenedAt: null,
  archivedAt: null,
  deleteRequestedAt: null,
  deleteAfter: null,
  ...over,
})

/** The contract every `WorkspaceStore` adapter passes (`src/storage/ports/WorkspaceStore.ts`). */
export function workspaceStoreContract(name: string, make: MakePorts): void {
  describe(`WorkspaceStore contract: ${name}`, () => {
    it('[OW1] keeps workspaces with their owner, members by role, and never leaves a workspace without an owner', async () => {
      const s = await make()
      const ws = s.workspaces
      await ws.createWorkspace({ id: 'w1', name: 'Gemeente Veendam', createdAt: 10 }, 'anna')
      await ws.createWorkspace({ id: 'w2', name: 'Bureau Buiten', createdAt: 11 }, 'bram')
      expect(await ws.getWorkspace('w1')).toEqual({ id: 'w1', name: 'Gemeente Veendam', createdAt: 10 })
      expect(await ws.getWorkspace('nope')).toBeNull()
      expect(await ws.roleIn('w1', 'anna')).toBe('owner')
      expect(await ws.roleIn('w1', 'bram')).toBeNull()
      expect(
        await ws.addMember({ workspaceId: 'w1', organiserId: 'bram', role: 'member', addedAt: 12 }),
      ).toBe(true)
      expect(await ws.addMember({ workspaceId: 'w1', organiserId: 'bram', role: 'owner', addedAt: 13 })).toBe(
        false,
      )
      expect((await ws.workspacesOf('bram')).map((w) => [w.name, w.role])).toEqual([
        ['Bureau Buiten', 'owner'],
        ['Gemeente Veendam', 'member'],
      ])
      expect((await ws.listMembers('w1')).map((m) => [m.organiserId, m.role])).toEqual([
        ['anna', 'owner'],
        ['bram', 'member'],
      ])
      expect(await ws.removeMember('w1', 'anna')).toBe('last-owner')
      expect(await ws.removeMember('w1', 'bram')).toBe('removed')
      expect(await ws.removeMember('w1', 'bram')).toBe('absent')
      expect(await ws.roleIn('w1', 'anna')).toBe('owner')
      await s.close()
    })

    it('[OW2] keeps projects with their fields, counts their boards, and updates them', async () => {
      const s = await make()
      const ws = s.workspaces
      await ws.createWorkspace({ id: 'w1', name: 'Gemeente Veendam', createdAt: 10 }, 'anna')
      await ws.createProject(project())
      await ws.createProject(project({ id: 'p2', name: 'Aa-gebied', kernteam: [] }))
      expect(await ws.getProject('p1')).toEqual(project())
      await ws.placeBoard(placement())
      await ws.placeBoard(placement({ boardId: 'board-0002', deleteAfter: 999, deleteRequestedAt: 300 }))
      const list = await ws.listProjects('w1')
      expect(list.map((p) => [p.name, p.boardCount])).toEqual([
        ['Aa-gebied', 0],
        ['Herontwikkeling zwembadlocatie De Veenhoek', 1],
      ])
      const updated = await ws.updateProject('p1', { gebied: 'Veenhoek-Noord', kernteam: ['Cas'] }, 500)
      expect(updated).toEqual(project({ gebied: 'Veenhoek-Noord', kernteam: ['Cas'], updatedAt: 500 }))
      expect(await ws.getProject('p1')).toEqual(updated)
      expect(await ws.updateProject('nope', { name: 'x' }, 1)).toBeNull()
      await s.close()
    })

    it('[OW3] lists only the boards an organiser may see, newest first, by state, project and title words, page by page', async () => {
      const s = await make()
      const ws = s.workspaces
      await ws.createWorkspace({ id: 'w1', name: 'Gemeente Veendam', createdAt: 10 }, 'anna')
      await ws.createWorkspace({ id: 'w2', name: 'Bureau Buiten', createdAt: 10 }, 'bram')
      await ws.createProject(project())
      await ws.createProject(project({ id: 'p9', workspaceId: 'w2', name: 'Elders' }))
      for (let i = 0; i < 7; i++) {
        await ws.placeBoard(
          placement({ boardId: `board-a${i}00`, title: `Sessie ${i} Kansen_50%`, updatedAt: 1000 + i }),
        )
      }
      await ws.placeBoard(
        placement({ boardId: 'board-b000', projectId: 'p9', ownerId: 'bram', updatedAt: 5000 }),
      )
      await ws.placeBoard(
        placement({ boardId: 'board-c000', projectId: null, title: 'Eigen bord', updatedAt: 900 }),
      )
      await ws.placeBoard(
        placement({ boardId: 'board-d000', projectId: null, ownerId: 'bram', updatedAt: 901 }),
      )
      await ws.placeBoard(placement({ boardId: 'board-e000', archivedAt: 50, updatedAt: 902 }))
      const ids = async (q: Partial<Parameters<typeof ws.listBoards>[0]>) =>
        (await ws.listBoards({ organiserId: 'anna', state: 'active', limit: 50, ...q })).map((b) => b.boardId)
      expect(await ids({})).toEqual([6, 5, 4, 3, 2, 1, 0].map((i) => `board-a${i}00`).concat('board-c000'))
      expect(await ids({ projectId: null })).toEqual(['board-c000'])
      expect(await ids({ projectId: 'p9' })).toEqual([])
      expect(await ids({ state: 'archived' })).toEqual(['board-e000'])
      expect(await ids({ words: ['sessie', '3'] })).toEqual(['board-a300'])
      // LIKE's own characters are plain text in a search.
      expect(await ids({ words: ['_50%'] })).toHaveLength(7)
      expect(await ids({ words: ['sessie_'] })).toEqual([])
      const first = await ws.listBoards({ organiserId: 'anna', state: 'active', limit: 3 })
      const last = first.at(-1)!
      const second = await ids({ limit: 3, after: { updatedAt: last.updatedAt, boardId: last.boardId } })
      expect(second).toEqual(['board-a300', 'board-a200', 'board-a100'])
      const row = first[0]!
      expect(row).toMatchObject({
        projectName: project().name,
        workspaceId: 'w1',
        workspaceName: 'Gemeente Veendam',
      })
      // Bram sees his workspace's board and his own board without a project, not Anna's.
      expect(
        (await ws.listBoards({ organiserId: 'bram', state: 'active', limit: 50 })).map((b) => b.boardId),
      ).toEqual(['board-b000', 'board-d000'])
      await s.close()
    })

    it('[OW3] lists the boards of an organiser in more workspaces than the query reads as branches', async () => {
      const s = await make()
      const ws = s.workspaces
      const count = MAX_BRANCHES + 6
      const id = (w: number) => `board-m${String(w).padStart(3, '0')}`
      for (let w = 0; w < count; w++) {
        await ws.createWorkspace({ id: `w${w}`, name: `W${w}`, createdAt: 1 }, 'anna')
        await ws.createProject(project({ id: `p${w}`, workspaceId: `w${w}` }))
        await ws.placeBoard(placement({ boardId: id(w), projectId: `p${w}`, updatedAt: 1000 + w }))
      }
      const page = await ws.listBoards({ organiserId: 'anna', state: 'active', limit: 5 })
      expect(page.map((b) => b.boardId)).toEqual([1, 2, 3, 4, 5].map((k) => id(count - k)))
      const last = page.at(-1)!
      const next = await ws.listBoards({
        organiserId: 'anna',
        state: 'active',
        limit: 2,
        after: { updatedAt: last.updatedAt, boardId: last.boardId },
      })
      expect(next.map((b) => b.boardId)).toEqual([id(count - 6), id(count - 7)])
      await s.close()
    })

    it('[OW4] moves, renames (the board too), archives and schedules deletion; read-only follows', async () => {
      const s = await make()
      const ws = s.workspaces
      await ws.createWorkspace({ id: 'w1', name: 'W1', createdAt: 10 }, 'anna')
      await ws.createWorkspace({ id: 'w2', name: 'W2', createdAt: 10 }, 'anna')
      await ws.createProject(project())
      await ws.createProject(project({ id: 'p2', workspaceId: 'w2', name: 'P2' }))
      await s.boards.createBoard({
        id: 'board-0001',
        title: 'Oud',
        createdAt: 1,
        linkGenerations: INITIAL_GENERATIONS,
      })
      await ws.placeBoard(placement({ title: 'Oud' }))
      const moved = await ws.updatePlacement('board-0001', { projectId: 'p2', updatedAt: 300 })
      expect(moved).toMatchObject({ projectId: 'p2', workspaceId: 'w2', projectName: 'P2', updatedAt: 300 })
      const renamed = await ws.renameBoard('board-0001', 'Nieuwe titel', 400)
      expect(renamed).toMatchObject({ title: 'Nieuwe titel', updatedAt: 400 })
      expect((await s.boards.getBoard('board-0001'))?.title).toBe('Nieuwe titel')
      expect(await ws.renameBoard('nope-nope', 'x', 1)).toBeNull()
      expect(await ws.isReadOnly('board-0001')).toBe(false)
      await ws.updatePlacement('board-0001', { archivedAt: 500 })
      expect(await ws.isReadOnly('board-0001')).toBe(true)
      await ws.updatePlacement('board-0001', { archivedAt: null, deleteRequestedAt: 600, deleteAfter: 700 })
      expect(await ws.isReadOnly('board-0001')).toBe(true)
      expect(await ws.boardsDueForPurge(699, 10)).toEqual([])
      expect(await ws.boardsDueForPurge(700, 10)).toEqual(['board-0001'])
      expect(await ws.updatePlacement('nope-nope', { archivedAt: 1 })).toBeNull()
      await s.close()
    })

    it('[OW5] purges every row of a board and keeps its audit lines without its id', async () => {
      const s = await make()
      const ws = s.workspaces
      const id = 'board-purge1'
      const other = 'board-keep01'
      await ws.createWorkspace({ id: 'w1', name: 'W1', createdAt: 10 }, 'anna')
      await ws.createProject(project())
      for (const b of [id, other]) {
        await s.boards.createBoard(
          { id: b, title: 't', createdAt: 1, linkGenerations: INITIAL_GENERATIONS },
          'anna',
        )
        await ws.placeBoard(placement({ boardId: b }))
        await s.log.appendUpdate(b, bytes(1, 2))
        await s.sessions.saveSession(b, { id: 's1', name: 'Sessie', createdAt: 1, data: '{}' })
        await s.boards.saveJoinCode({
          code: b === id ? 'ABC234' : 'XYZ234',
          boardId: b,
          generation: 0,
          expiresAt: 9,
        })
        await s.boards.issueParticipantKey(b, { keyHash: 'h', issuer: 'i', issuedAt: 1 }, LIMITS)
        await s.rounds.savePlacements(b, 'r1', [
          {
            participantKey: 'h',
            valueId: 'v',
            name: 'n',
            organisation: 'o',
            klasse: 'sturend',
            twijfel: false,
            at: 1,
          },
        ])
        await ws.appendAudit({
          at: 5,
          projectId: 'p1',
          actorId: 'anna',
          actorName: 'Anna',
          action: 'board.created',
          boardId: b,
          detail: { title: 't' },
        })
      }
      await ws.purgeBoard(id)
      expect(await s.boards.getBoard(id)).toBeNull()
      expect(await ws.getPlacement(id)).toBeNull()
      expect((await s.log.loadDoc(id)).updates).toEqual([])
      expect(await s.sessions.listSessions(id)).toEqual([])
      expect(await s.boards.joinCodeOfBoard(id)).toBeNull()
      expect(await s.boards.hasParticipantKey(id, 'h')).toBe(false)
      expect(await s.rounds.listPlacements(id, 'r1')).toEqual([])
      const audit = await ws.listAudit('p1', 10)
      expect(audit.map((a) => a.boardId).sort()).toEqual([other, null])
      // The other board is untouched.
      expect(await s.boards.getBoard(other)).not.toBeNull()
      expect((await s.log.loadDoc(other)).updates).toHaveLength(1)
      expect(await s.boards.hasParticipantKey(other, 'h')).toBe(true)
      await s.close()
    })

    it('[OW6] appends audit lines, lists a project newest first, and erases an actor from them', async () => {
      const s = await make()
      const ws = s.workspaces
      const line = (at: number, actorId: string | null, action: string) => ({
        at,
        projectId: 'p1',
        actorId,
        actorName: actorId ? actorId.toUpperCase() : null,
        action,
        boardId: 'board-0001',
        detail: { n: at },
      })
      await ws.appendAudit(line(1, 'anna', 'board.created'))
      await ws.appendAudit(line(2, 'bram', 'board.renamed'))
      await ws.appendAudit(line(2, 'anna', 'board.archived'))
      await ws.appendAudit({ ...line(3, null, 'links.revoked'), projectId: 'p2' })
      const audit = await ws.listAudit('p1', 10)
      expect(audit.map((a) => a.action)).toEqual(['board.archived', 'board.renamed', 'board.created'])
      expect(audit[0]).toEqual(line(2, 'anna', 'board.archived'))
      expect(await ws.listAudit('p1', 1)).toHaveLength(1)
      expect(await ws.anonymiseActor('anna')).toBe(2)
      const after = await ws.listAudit('p1', 10)
      expect(after.map((a) => [a.action, a.actorId, a.actorName])).toEqual([
        ['board.archived', null, null],
        ['board.renamed', 'bram', 'BRAM'],
        ['board.created', null, null],
      ])
      await s.close()
    })
  })
}
