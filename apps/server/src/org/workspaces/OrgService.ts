import { randomBytes } from 'node:crypto'
import { stripPersonalRecords } from '@waardentafel/domain'
import {
  type AuditAction,
  type AuditEntry,
  type BoardTemplate,
  CloseCodes,
  type CreateBoardResponse,
  type CreateProjectRequest,
  type Member,
  type OrgBoard,
  type Project,
  type ProjectDetail,
  type RoleLinks,
  SETUP_MAP,
  SETUP_TEMPLATE_KEY,
  type UpdateProjectRequest,
  type Workspace,
} from '@waardentafel/protocol'
import * as Y from 'yjs'
import type { BoardService } from '../../BoardService.ts'
import type { BoardTransfer } from '../../BoardTransfer.ts'
import { AppError } from '../../errors.ts'
import type { SignedInOrganiser } from '../../http/organiserAuth.ts'
import type { RoomManager } from '../../room/RoomManager.ts'
import type { BoardStore } from '../../storage/ports/BoardStore.ts'
import type { DocumentLog } from '../../storage/ports/DocumentLog.ts'
import type { OrganiserStore } from '../../storage/ports/OrganiserStore.ts'
import type {
  BoardListing,
  ProjectRecord,
  WorkspaceRole,
  WorkspaceStore,
} from '../../storage/ports/WorkspaceStore.ts'
import { decide, decideMove, type OrgAction, type Standing } from './access.ts'

export type OrgServiceDeps = {
  store: WorkspaceStore
  organisers: OrganiserStore
  boardStore: BoardStore
  boards: BoardService
  transfer: BoardTransfer
  rooms: RoomManager
  /** Writes a new board's set-up (its template) into its document, before anyone opens it. */
  log: Pick<DocumentLog, 'appendUpdate'>
  /** Days a deleted board can still be restored (`DELETE_GRACE_DAYS`). */
  deleteGraceDays: number
  now?: () => number
}

const DAY_MS = 86_400_000
const DEFAULT_RETENTION_MONTHS = 24
const AUDIT_LIMIT = 500

const newId = () => randomBytes(12).toString('base64url')

/** The document update that says which template a new board starts from (see `SETUP_MAP`). */
function setupUpdate(template: BoardTemplate): Uint8Array {
  const doc = new Y.Doc()
  doc.getMap(SETUP_MAP).set(SETUP_TEMPLATE_KEY, template)
  const update = Y.encodeStateAsUpdate(doc)
  doc.destroy()
  return update
}

/**
 * The organisation layer's operations: each looks up where the organiser stands (`WorkspaceStore`), asks the pure
 * policy (`access.ts`) and then acts, recording organiser actions in the project's audit log. Strangers get the
 * not-found answer of the thing they asked about.
 */
export class OrgService {
  readonly #d: OrgServiceDeps
  readonly #now: () => number

  constructor(deps: OrgServiceDeps) {
    this.#d = deps
    this.#now = deps.now ?? Date.now
  }

  get store(): WorkspaceStore {
    return this.#d.store
  }

  // Workspaces and members

  async listWorkspaces(who: SignedInOrganiser): Promise<Workspace[]> {
    return (await this.#d.store.workspacesOf(who.id)).map(({ id, name, role }) => ({ id, name, role }))
  }

  async createWorkspace(who: SignedInOrganiser, name: string): Promise<Workspace> {
    const workspace = { id: newId(), name, createdAt: this.#now() }
    await this.#d.store.createWorkspace(workspace, who.id)
    return { id: workspace.id, name, role: 'owner' }
  }

  async listMembers(who: SignedInOrganiser, workspaceId: string): Promise<Member[]> {
    await this.#workspace(who, workspaceId, 'read')
    const members = await this.#d.store.listMembers(workspaceId)
    return Promise.all(
      members.map(async (m) => {
        const organiser = await this.#d.organisers.getOrganiser(m.organiserId)
        return {
          id: m.organiserId,
          name: organiser?.name ?? '',
          email: organiser?.email ?? null,
          role: m.role,
        }
      }),
    )
  }

  async addMember(
    who: SignedInOrganiser,
    workspaceId: string,
    email: string,
    role: WorkspaceRole,
  ): Promise<Member> {
    await this.#workspace(who, workspaceId, 'manage')
    const organiser = await this.#d.organisers.findOrganiserByEmail(email.toLowerCase())
    if (!organiser) throw new AppError('NOT_FOUND', 'no organiser has this e-mail address')
    const added = await this.#d.store.addMember({
      workspaceId,
      organiserId: organiser.id,
      role,
      addedAt: this.#now(),
    })
    if (!added) throw new AppError('CONFLICT', 'already a member')
    return { id: organiser.id, name: organiser.name, email: organiser.email, role }
  }

  async removeMember(who: SignedInOrganiser, workspaceId: string, organiserId: string): Promise<void> {
    await this.#workspace(who, workspaceId, 'manage')
    const result = await this.#d.store.removeMember(workspaceId, organiserId)
    if (result === 'absent') throw new AppError('NOT_FOUND', 'not a member')
    if (result === 'last-owner') throw new AppError('CONFLICT', 'a workspace keeps at least one owner')
  }

  // Projects

  async listProjects(who: SignedInOrganiser, workspaceId: string): Promise<Project[]> {
    await this.#workspace(who, workspaceId, 'read')
    return (await this.#d.store.listProjects(workspaceId)).map(projectView)
  }

  async createProject(
    who: SignedInOrganiser,
    workspaceId: string,
    body: CreateProjectRequest,
  ): Promise<Project> {
    await this.#workspace(who, workspaceId, 'work')
    const at = this.#now()
    const project: ProjectRecord = {
      id: newId(),
      workspaceId,
      name: body.name,
      gebied: body.gebied ?? '',
      gemeente: body.gemeente ?? '',
      kernteam: body.kernteam ?? [],
      retentionMonths: body.retentionMonths ?? DEFAULT_RETENTION_MONTHS,
      phase: 'quickscan',
      createdAt: at,
      updatedAt: at,
    }
    await this.#d.store.createProject(project)
    await this.#audit(who, project.id, 'project.created', null, { name: project.name })
    return projectView({ ...project, boardCount: 0 })
  }

  async getProject(who: SignedInOrganiser, projectId: string): Promise<ProjectDetail> {
    const project = await this.#project(who, projectId, 'read')
    const [active, archived] = await Promise.all(
      (['active', 'archived'] as const).map((state) =>
        this.#d.store.listBoards({ organiserId: who.id, state, projectId, limit: 1000 }),
      ),
    )
    const boards = [...(active ?? []), ...(archived ?? [])].map((b) => this.#boardView(b))
    return { ...projectView({ ...project, boardCount: boards.length }), boards }
  }

  async updateProject(
    who: SignedInOrganiser,
    projectId: string,
    body: UpdateProjectRequest,
  ): Promise<Project> {
    await this.#project(who, projectId, 'work')
    const update = Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined))
    const updated = await this.#d.store.updateProject(projectId, update, this.#now())
    if (!updated) throw new AppError('PROJECT_NOT_FOUND', 'no such project')
    await this.#audit(who, projectId, 'project.updated', null, { fields: Object.keys(update) })
    const counted = (await this.#d.store.listProjects(updated.workspaceId)).find((p) => p.id === projectId)
    return projectView({ ...updated, boardCount: counted?.boardCount ?? 0 })
  }

  async projectAudit(who: SignedInOrganiser, projectId: string): Promise<AuditEntry[]> {
    await this.#project(who, projectId, 'read')
    return (await this.#d.store.listAudit(projectId, AUDIT_LIMIT)).map((a) => ({
      at: a.at,
      actor: a.actorId ? { id: a.actorId, name: a.actorName ?? '' } : null,
      action: a.action,
      ...(a.boardId ? { boardId: a.boardId } : {}),
      detail: a.detail,
    }))
  }

  // Boards

  async createProjectBoard(
    who: SignedInOrganiser,
    projectId: string,
    title: string,
    template: 'quickscan' | null,
    baseUrl: string,
  ): Promise<CreateBoardResponse> {
    await this.#project(who, projectId, 'work')
    const created = await this.#d.boards.create(title, baseUrl, who.id)
    if (template) await this.#d.log.appendUpdate(created.id, setupUpdate(template))
    await this.#place(created.id, title, projectId, who)
    await this.#audit(who, projectId, 'board.created', created.id, {
      title,
      ...(template ? { template } : {}),
    })
    return created
  }

  /** A board made through `POST /api/boards` or an import by a signed-in organiser: theirs, without a project. */
  async placeUnplaced(boardId: string, title: string, who: SignedInOrganiser): Promise<void> {
    await this.#place(boardId, title, null, who)
  }

  async searchBoards(
    who: SignedInOrganiser,
    query: URLSearchParams,
  ): Promise<{ boards: OrgBoard[]; nextCursor: string | null }> {
    const limit = Math.min(200, Math.max(1, Number(query.get('limit') ?? 50) || 50))
    const state =
      query.get('deleted') === '1' ? 'deleted' : query.get('archived') === '1' ? 'archived' : 'active'
    const projectParam = query.get('projectId')
    const cursor = query.get('cursor')
    const words = (query.get('q') ?? '').toLocaleLowerCase('nl').split(/\s+/).filter(Boolean).slice(0, 8)
    const rows = await this.#d.store.listBoards({
      organiserId: who.id,
      state,
      ...(projectParam ? { projectId: projectParam === 'none' ? null : projectParam } : {}),
      words,
      limit: limit + 1,
      ...(cursor ? { after: decodeCursor(cursor) } : {}),
    })
    const page = rows.slice(0, limit)
    const last = page.at(-1)
    return {
      boards: page.map((b) => this.#boardView(b)),
      nextCursor: rows.length > limit && last ? encodeCursor(last) : null,
    }
  }

  async updateBoard(
    who: SignedInOrganiser,
    boardId: string,
    body: { title?: string | undefined; projectId?: string | undefined },
  ): Promise<OrgBoard> {
    let board = await this.#board(who, boardId, 'work')
    const at = this.#now()
    if (body.projectId !== undefined && body.projectId !== board.projectId) {
      const target = await this.#d.store.getProject(body.projectId)
      const to: Standing = {
        kind: 'workspace',
        role: target ? await this.#roleIn(target.workspaceId, who) : null,
      }
      if (decideMove(this.#standingOf(board, who), to) !== 'allow' || !target) {
        throw new AppError('PROJECT_NOT_FOUND', 'no such project')
      }
      const moved = await this.#d.store.updatePlacement(boardId, { projectId: target.id, updatedAt: at })
      if (!moved) throw new AppError('BOARD_NOT_FOUND', 'no such board')
      const detail = { title: board.title, from: board.projectName, to: target.name }
      if (board.projectId) await this.#audit(who, board.projectId, 'board.moved', boardId, detail)
      await this.#audit(who, target.id, 'board.moved', boardId, detail)
      board = moved
    }
    if (body.title !== undefined && body.title !== board.title) {
      const renamed = await this.#d.store.renameBoard(boardId, body.title, at)
      if (!renamed) throw new AppError('BOARD_NOT_FOUND', 'no such board')
      await this.#audit(who, board.projectId, 'board.renamed', boardId, { from: board.title, to: body.title })
      board = renamed
    }
    return this.#boardView(board)
  }

  async openBoard(who: SignedInOrganiser, boardId: string, baseUrl: string): Promise<{ links: RoleLinks }> {
    const placement = await this.#board(who, boardId, 'work')
    const board = await this.#d.boardStore.getBoard(boardId)
    if (!board) throw new AppError('BOARD_NOT_FOUND', 'no such board')
    await this.#d.store.updatePlacement(boardId, { lastOpenedAt: this.#now() })
    await this.#audit(who, placement.projectId, 'board.opened', boardId, { title: placement.title })
    return { links: this.#d.boards.links(board, baseUrl) as RoleLinks }
  }

  async duplicateBoard(
    who: SignedInOrganiser,
    boardId: string,
    body: { withContent: boolean; title?: string | undefined; projectId?: string | undefined },
    baseUrl: string,
  ): Promise<CreateBoardResponse> {
    const source = await this.#board(who, boardId, 'read')
    const projectId = body.projectId ?? source.projectId
    if (projectId !== null && projectId !== source.projectId) await this.#project(who, projectId, 'work')
    const title = body.title ?? `${source.title} (kopie)`.slice(0, 200)
    let created: CreateBoardResponse
    if (body.withContent) {
      const board = await this.#d.boardStore.getBoard(boardId)
      if (!board) throw new AppError('BOARD_NOT_FOUND', 'no such board')
      const snapshot = await this.#d.transfer.snapshot(board)
      // A copy is a new board: without the visitors of this one (tldraw `user` records; docs/privacy.md).
      const copy = await this.#d.transfer.import(stripPersonalRecords(snapshot), title, who.id)
      created = { id: copy.id, title: copy.title, links: this.#d.boards.links(copy, baseUrl) as RoleLinks }
    } else {
      created = await this.#d.boards.create(title, baseUrl, who.id)
    }
    await this.#place(created.id, created.title, projectId, who)
    await this.#audit(who, projectId, 'board.duplicated', created.id, {
      title: created.title,
      from: source.title,
      withContent: body.withContent,
    })
    return created
  }

  async archiveBoard(who: SignedInOrganiser, boardId: string): Promise<OrgBoard> {
    const board = await this.#board(who, boardId, 'work')
    if (board.archivedAt !== null || board.deleteAfter !== null)
      throw new AppError('CONFLICT', 'already archived')
    const archived = await this.#d.store.updatePlacement(boardId, { archivedAt: this.#now() })
    if (!archived) throw new AppError('BOARD_NOT_FOUND', 'no such board')
    this.#reconnectAll(boardId)
    await this.#audit(who, board.projectId, 'board.archived', boardId, { title: board.title })
    return this.#boardView(archived)
  }

  async restoreBoard(who: SignedInOrganiser, boardId: string): Promise<OrgBoard> {
    const board = await this.#board(who, boardId, 'work')
    if (board.archivedAt === null && board.deleteAfter === null)
      throw new AppError('CONFLICT', 'not archived')
    // Past its grace period a deleted board is gone, whether or not the purge job has run yet.
    if (board.deleteAfter !== null && this.#now() >= board.deleteAfter) {
      throw new AppError('BOARD_NOT_FOUND', ABSENT.BOARD_NOT_FOUND)
    }
    const restored = await this.#d.store.updatePlacement(boardId, {
      archivedAt: null,
      deleteRequestedAt: null,
      deleteAfter: null,
    })
    if (!restored) throw new AppError('BOARD_NOT_FOUND', 'no such board')
    this.#reconnectAll(boardId)
    await this.#audit(who, board.projectId, 'board.restored', boardId, { title: board.title })
    return this.#boardView(restored)
  }

  async deleteBoard(
    who: SignedInOrganiser,
    boardId: string,
    confirmTitle: string,
  ): Promise<{ deleteAfter: number }> {
    const board = await this.#board(who, boardId, 'work')
    if (board.deleteAfter !== null) throw new AppError('CONFLICT', 'deletion already requested')
    if (confirmTitle.trim() !== board.title) throw new AppError('CONFLICT', 'confirmTitle is not the title')
    const at = this.#now()
    const deleteAfter = at + this.#d.deleteGraceDays * DAY_MS
    await this.#d.store.updatePlacement(boardId, { deleteRequestedAt: at, deleteAfter })
    this.#reconnectAll(boardId)
    await this.#audit(who, board.projectId, 'board.deleteRequested', boardId, {
      title: board.title,
      deleteAfter,
    })
    return { deleteAfter }
  }

  /**
   * An action on a board taken by its facilitator link (issue, revoke, lock, export): written to the audit log of
   * the board's project when it has one (actor null: a link names no one).
   */
  async recordBoardAction(
    boardId: string,
    action: AuditAction,
    detail: Record<string, unknown>,
  ): Promise<void> {
    const placement = await this.#d.store.getPlacement(boardId)
    if (!placement?.projectId) return
    await this.#d.store.appendAudit({
      at: this.#now(),
      projectId: placement.projectId,
      actorId: null,
      actorName: null,
      action,
      boardId,
      detail: { ...detail, title: placement.title, by: 'facilitator link' },
    })
  }

  // Lookups and their refusals

  async #roleIn(workspaceId: string, who: SignedInOrganiser): Promise<WorkspaceRole | null> {
    return this.#d.store.roleIn(workspaceId, who.id)
  }

  async #workspace(who: SignedInOrganiser, workspaceId: string, action: OrgAction): Promise<void> {
    const role = await this.#roleIn(workspaceId, who)
    refuse(decide({ kind: 'workspace', role }, action), 'WORKSPACE_NOT_FOUND')
  }

  async #project(who: SignedInOrganiser, projectId: string, action: OrgAction): Promise<ProjectRecord> {
    const project = await this.#d.store.getProject(projectId)
    const role = project ? await this.#roleIn(project.workspaceId, who) : null
    refuse(decide({ kind: 'workspace', role }, action), 'PROJECT_NOT_FOUND')
    return project as ProjectRecord
  }

  /** The board's placement, if the organiser may do `action` on it; boards being purged are gone already. */
  async #board(who: SignedInOrganiser, boardId: string, action: OrgAction): Promise<BoardListing> {
    const board = await this.#d.store.getPlacement(boardId)
    if (!board) throw new AppError('BOARD_NOT_FOUND', 'no such board')
    const standing = board.workspaceId
      ? ({ kind: 'workspace', role: await this.#roleIn(board.workspaceId, who) } as const)
      : this.#standingOf(board, who)
    refuse(decide(standing, action), 'BOARD_NOT_FOUND')
    return board
  }

  #standingOf(board: BoardListing, who: SignedInOrganiser): Standing {
    return board.projectId === null
      ? { kind: 'unplaced', isMaker: board.ownerId === who.id }
      : // Only reached for a board already checked through its workspace.
        { kind: 'workspace', role: 'member' }
  }

  async #place(
    boardId: string,
    title: string,
    projectId: string | null,
    who: SignedInOrganiser,
  ): Promise<void> {
    const at = this.#now()
    await this.#d.store.placeBoard({
      boardId,
      projectId,
      ownerId: who.id,
      title,
      createdAt: at,
      updatedAt: at,
      lastOpenedAt: null,
      archivedAt: null,
      deleteRequestedAt: null,
      deleteAfter: null,
    })
  }

  async #audit(
    who: SignedInOrganiser,
    projectId: string | null,
    action: AuditAction,
    boardId: string | null,
    detail: Record<string, unknown>,
  ): Promise<void> {
    await this.#d.store.appendAudit({
      at: this.#now(),
      projectId,
      actorId: who.id,
      actorName: who.name,
      action,
      boardId,
      detail,
    })
  }

  /**
   * Sockets open on the board reconnect (1001, not final) and are let in again with its new standing: as observers
   * while it is archived or deleted, with their link's role after a restore. Here, and on the other instances
   * (multi-instance mode) through the fan-out.
   */
  #reconnectAll(boardId: string): void {
    this.#d.rooms
      .loadedRoom(boardId)
      ?.closeWhere(() => true, CloseCodes.GOING_AWAY.code, 'BOARD_STATE_CHANGED')
    this.#d.rooms.announce(boardId, { kind: 'reconnect' })
  }

  #boardView(b: BoardListing): OrgBoard {
    return {
      id: b.boardId,
      title: b.title,
      projectId: b.projectId,
      projectName: b.projectName,
      workspaceId: b.workspaceId,
      workspaceName: b.workspaceName,
      createdAt: b.createdAt,
      updatedAt: b.updatedAt,
      lastOpenedAt: b.lastOpenedAt,
      archivedAt: b.archivedAt,
      deleteAfter: b.deleteAfter,
      liveCount: this.#d.rooms.loadedRoom(b.boardId)?.size ?? 0,
    }
  }
}

/** One message per kind, whether the thing does not exist or the organiser may not see it. */
const ABSENT = {
  WORKSPACE_NOT_FOUND: 'no such workspace',
  PROJECT_NOT_FOUND: 'no such project',
  BOARD_NOT_FOUND: 'no such board',
} as const

function refuse(
  decision: 'allow' | 'forbidden' | 'absent',
  absent: 'WORKSPACE_NOT_FOUND' | 'PROJECT_NOT_FOUND' | 'BOARD_NOT_FOUND',
): void {
  if (decision === 'absent') throw new AppError(absent, ABSENT[absent])
  if (decision === 'forbidden') throw new AppError('FORBIDDEN', 'only an owner of the workspace may do this')
}

function projectView(p: ProjectRecord & { boardCount: number }): Project {
  return {
    id: p.id,
    workspaceId: p.workspaceId,
    name: p.name,
    gebied: p.gebied,
    gemeente: p.gemeente,
    kernteam: p.kernteam,
    retentionMonths: p.retentionMonths,
    boardCount: p.boardCount,
    updatedAt: p.updatedAt,
  }
}

/** `nextCursor`: the last board's `updatedAt` and id, opaque to clients. */
function encodeCursor(b: BoardListing): string {
  return Buffer.from(JSON.stringify([b.updatedAt, b.boardId])).toString('base64url')
}

function decodeCursor(cursor: string): { updatedAt: number; boardId: string } {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
    if (
      Array.isArray(value) &&
      value.length === 2 &&
      Number.isSafeInteger(value[0]) &&
      typeof value[1] === 'string' &&
      value[1].length <= 64
    ) {
      return { updatedAt: value[0] as number, boardId: value[1] }
    }
  } catch {
    // fall through: refused below
  }
  throw new AppError('BAD_REQUEST', 'cursor is not one this server gave')
}
