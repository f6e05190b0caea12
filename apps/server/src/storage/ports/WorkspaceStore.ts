export type WorkspaceRole = 'owner' | 'member'

export type WorkspaceRecord = { id: string; name: string; createdAt: number }

export type MembershipRecord = {
  workspaceId: string
  organiserId: string
  role: WorkspaceRole
  addedAt: number
}

/**
 * An area development. `kernteam`: names as typed (not accounts); `retentionMonths`: after a board's last edit, the
 * privacy retention job archives it and erases personal data; `phase`: where the project stands in the method
 * (only `quickscan` so far, for issue #20).
 */
export type ProjectRecord = {
  id: string
  workspaceId: string
  name: string
  gebied: string
  gemeente: string
  kernteam: string[]
  retentionMonths: number
  phase: string
  createdAt: number
  updatedAt: number
}

export type ProjectUpdate = Partial<
  Pick<ProjectRecord, 'name' | 'gebied' | 'gemeente' | 'kernteam' | 'retentionMonths' | 'phase'>
>

/**
 * Where a board sits and where it is in its lifecycle. `projectId: null`: a board an organiser (`ownerId`) made
 * without a project ("Zonder project", visible to that organiser only). `title` mirrors the board's own title.
 */
export type BoardPlacement = {
  boardId: string
  projectId: string | null
  ownerId: string | null
  title: string
  createdAt: number
  updatedAt: number
  lastOpenedAt: number | null
  archivedAt: number | null
  deleteRequestedAt: number | null
  deleteAfter: number | null
}

export type PlacementUpdate = Partial<
  Pick<
    BoardPlacement,
    'projectId' | 'updatedAt' | 'lastOpenedAt' | 'archivedAt' | 'deleteRequestedAt' | 'deleteAfter'
  >
>

/** A placement as lists show it: with its project's and workspace's names. */
export type BoardListing = BoardPlacement & {
  projectName: string | null
  workspaceId: string | null
  workspaceName: string | null
}

/**
 * Which of an organiser's boards to list: those of every project in a workspace they are a member of, plus their own
 * boards without a project. `state`: `active` (neither archived nor deleted), `archived`, `deleted` (deletion
 * requested, not yet purged). `words`: lower-case words that must all occur in the title. `after`: the last board of
 * the previous page (keyset pagination, newest `updatedAt` first, ties by board id).
 */
export type BoardQuery = {
  organiserId: string
  state: 'active' | 'archived' | 'deleted'
  /** A project's id, `null` for boards without a project, absent for all. */
  projectId?: string | null
  words?: readonly string[]
  limit: number
  after?: { updatedAt: number; boardId: string }
}

/** One line of a project's audit log (Woo, Archiefwet): append-only. */
export type AuditRecord = {
  at: number
  projectId: string | null
  /** The organiser who acted, or null (a facilitator by link, the purge job, an erased person). */
  actorId: string | null
  actorName: string | null
  action: string
  boardId: string | null
  detail: Record<string, unknown>
}

/**
 * Workspaces, their members, projects, where boards sit and their lifecycle, and the project audit log.
 * Contract: `test/contracts/workspaceStore.contract.ts`.
 */
export interface WorkspaceStore {
  /** Stores a workspace with `ownerId` as its first owner, in one step. */
  createWorkspace(workspace: WorkspaceRecord, ownerId: string): Promise<void>
  getWorkspace(id: string): Promise<WorkspaceRecord | null>
  /** The organiser's workspaces with their role, by name. */
  workspacesOf(organiserId: string): Promise<(WorkspaceRecord & { role: WorkspaceRole })[]>
  roleIn(workspaceId: string, organiserId: string): Promise<WorkspaceRole | null>
  listMembers(workspaceId: string): Promise<MembershipRecord[]>
  /** False (nothing stored) when the organiser is already a member. */
  addMember(member: MembershipRecord): Promise<boolean>
  /**
   * Removes a membership. `last-owner`: refused, it would leave the workspace without an owner (checked in the same
   * step as the delete, so two owners removing each other cannot both succeed).
   */
  removeMember(workspaceId: string, organiserId: string): Promise<'removed' | 'absent' | 'last-owner'>

  createProject(project: ProjectRecord): Promise<void>
  getProject(id: string): Promise<ProjectRecord | null>
  /** The project after the change, or null when there is none. */
  updateProject(id: string, update: ProjectUpdate, at: number): Promise<ProjectRecord | null>
  /** The workspace's projects by name, each with its number of boards not deleted. */
  listProjects(workspaceId: string): Promise<(ProjectRecord & { boardCount: number })[]>

  /** Records where a new board sits (once, when it is made). */
  placeBoard(placement: BoardPlacement): Promise<void>
  getPlacement(boardId: string): Promise<BoardListing | null>
  /** Changes a placement; the placement after it, or null when there is none. */
  updatePlacement(boardId: string, update: PlacementUpdate): Promise<BoardListing | null>
  /** Renames a board: its own title (`boards`) and its placement's, in one step. */
  renameBoard(boardId: string, title: string, at: number): Promise<BoardListing | null>
  /** Whether a board's role links may only read (archived, or its deletion requested). */
  isReadOnly(boardId: string): Promise<boolean>
  listBoards(query: BoardQuery): Promise<BoardListing[]>
  /** Boards whose grace period ended at or before `now`, oldest first. */
  boardsDueForPurge(now: number, limit: number): Promise<string[]>
  /**
   * Removes every row of the board: document log and snapshot, metadata, join code, ballot keys, placements of
   * rounds, named sessions and its placement. Its audit lines stay (Archiefwet) without its id (`boardId: null`; the
   * title remains in their detail).
   */
  purgeBoard(boardId: string): Promise<void>

  appendAudit(entry: AuditRecord): Promise<void>
  /** A project's audit log, newest first. */
  listAudit(projectId: string, limit: number): Promise<AuditRecord[]>
  /**
   * Erasure of a person (AVG art. 17): their id and name leave every audit line they are the actor of (the lines
   * stay). The only change ever made to audit lines besides a purge. Returns how many lines changed.
   */
  anonymiseActor(organiserId: string): Promise<number>
}
