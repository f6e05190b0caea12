import { isSearchablePersonName } from '@waardentafel/domain'
import {
  type ErasePersonResponse,
  type PersonInzage,
  PersonNameSchema,
  type PrivacyRoutes,
  type RouteName,
} from '@waardentafel/protocol'
import { AppError } from '../../errors.ts'
import type { Handler } from '../../http/context.ts'
import type { SignedInOrganiser } from '../../http/organiserAuth.ts'
import type { StoragePorts } from '../../storage/BoardStorage.ts'
import type { BoardListing } from '../../storage/ports/WorkspaceStore.ts'
import { decide } from '../workspaces/access.ts'
import { type BoardRef, PersonalData, type PrivacyRooms } from './PersonalData.ts'
import { eraseInProjects, kernteamMentions } from './projectPeople.ts'

type PrivacyRouteName = keyof typeof PrivacyRoutes & RouteName
export type PrivacyHandlers = { readonly [N in PrivacyRouteName]: Handler<N> }

export type PrivacyDeps = {
  storage: Pick<StoragePorts, 'log' | 'privacy' | 'workspaces'>
  rooms: PrivacyRooms
  now?: () => number
}

/** What is never stored, said in every inzage so the answer is complete. */
const NOT_STORED = [
  'presence (cursors, who is on the board now): only in memory while connected',
  'role links and join codes: they name no person',
]

const PAGE = 200

/** A name as the organiser typed it; refused with 400 BAD_REQUEST when it cannot be looked for. */
function personName(raw: unknown): string {
  const parsed = PersonNameSchema.safeParse(raw)
  if (!parsed.success || !isSearchablePersonName(parsed.data))
    throw new AppError('BAD_REQUEST', 'name: 2 to 80 characters, not "verwijderde deelnemer"')
  return parsed.data
}

/** The inzage and erasure routes: a workspace's owners only (members 403, anyone else 404 as if it were not there). */
export function privacyHandlers(deps: PrivacyDeps): PrivacyHandlers {
  const { storage } = deps
  const now = deps.now ?? Date.now
  const personal = new PersonalData({ rooms: deps.rooms, log: storage.log, personal: storage.privacy })

  async function ownedBoards(workspaceId: string, organiser: SignedInOrganiser): Promise<BoardRef[]> {
    const role = await storage.workspaces.roleIn(workspaceId, organiser.id)
    const decision = decide({ kind: 'workspace', role }, 'manage')
    if (decision === 'absent') throw new AppError('WORKSPACE_NOT_FOUND', `no workspace ${workspaceId}`)
    if (decision === 'forbidden')
      throw new AppError('FORBIDDEN', 'only the workspace owners serve inzage and erasure')
    const boards: BoardRef[] = []
    // Every board of the workspace, also archived ones and those whose deletion waits out its grace period.
    for (const state of ['active', 'archived', 'deleted'] as const) {
      let after: BoardListing | undefined
      for (;;) {
        const page = await storage.workspaces.listBoards({
          organiserId: organiser.id,
          state,
          limit: PAGE,
          ...(after ? { after: { updatedAt: after.updatedAt, boardId: after.boardId } } : {}),
        })
        for (const b of page)
          if (b.workspaceId === workspaceId)
            boards.push({ boardId: b.boardId, title: b.title, projectId: b.projectId })
        if (page.length < PAGE) break
        after = page[page.length - 1]
      }
    }
    return boards
  }

  return {
    personInzage: async ({ params, query, organiser, res }) => {
      const name = personName(query.get('name'))
      const boards = await ownedBoards(params.workspaceId, organiser)
      const found = await personal.inzage(boards, name)
      const projects = kernteamMentions(await storage.workspaces.listProjects(params.workspaceId), name)
      const generatedAt = new Date(now()).toISOString()
      if (query.get('download') === '1') {
        const file = `inzage-${generatedAt.slice(0, 10)}.json`
        res.setHeader('content-disposition', `attachment; filename="${file}"`)
      }
      res.setHeader('cache-control', 'no-store')
      const answer: PersonInzage = {
        format: 'waardentafel.inzage',
        version: 1,
        name,
        workspaceId: params.workspaceId,
        generatedAt,
        boardsSearched: boards.length,
        boards: found,
        projects,
        notStored: NOT_STORED,
      }
      return answer
    },
    erasePerson: async ({ params, body, organiser }) => {
      const name = personName(body.name)
      const boards = await ownedBoards(params.workspaceId, organiser)
      const erased = await personal.erase(boards, name)
      const projects = await eraseInProjects(storage.workspaces, params.workspaceId, name, now())
      // The audit log says that an erasure happened and what it changed, never whose (that would keep the name).
      const projectOf = new Map(boards.map((b) => [b.boardId, b.projectId]))
      for (const board of erased) {
        await storage.workspaces.appendAudit({
          at: now(),
          projectId: projectOf.get(board.boardId) ?? null,
          actorId: organiser.id,
          actorName: organiser.name,
          action: 'privacy.erase',
          boardId: board.boardId,
          detail: { document: board.document, ballots: board.ballots, sessions: board.sessions },
        })
      }
      const answer: ErasePersonResponse = { boardsSearched: boards.length, boards: erased, projects }
      return answer
    },
  }
}
