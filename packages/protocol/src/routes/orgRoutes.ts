import { z } from 'zod'
import { CreateBoardResponseSchema, RoleLinksSchema } from '../api.ts'
import { BoardIdSchema } from '../token.ts'
import { json, none, noQuery, type RouteDef, signedIn } from './routeKit.ts'

/** Ids the server makes for workspaces and projects (base64url); organiser ids come from the sign-in layer. */
export const OrgIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/)

export const WorkspaceRoleSchema = z.enum(['owner', 'member'])
export type WorkspaceRole = z.infer<typeof WorkspaceRoleSchema>

export const WorkspaceSchema = z.object({
  id: OrgIdSchema,
  name: z.string(),
  /** The signed-in organiser's role in it. */
  role: WorkspaceRoleSchema,
})
export type Workspace = z.infer<typeof WorkspaceSchema>

export const CreateWorkspaceRequestSchema = z.object({ name: z.string().trim().min(1).max(200) })
export type CreateWorkspaceRequest = z.infer<typeof CreateWorkspaceRequestSchema>

export const MemberSchema = z.object({
  /** The organiser's id. */
  id: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  role: WorkspaceRoleSchema,
})
export type Member = z.infer<typeof MemberSchema>

export const AddMemberRequestSchema = z.object({
  email: z.string().trim().email().max(320),
  role: WorkspaceRoleSchema,
})
export type AddMemberRequest = z.infer<typeof AddMemberRequestSchema>

const ProjectText = z.string().trim().max(200)

export const ProjectSchema = z.object({
  id: OrgIdSchema,
  workspaceId: OrgIdSchema,
  name: z.string(),
  /** The area ("De Veenhoek"); empty when not yet known. */
  gebied: z.string(),
  gemeente: z.string(),
  /** The kernteam's names, as typed (free text, not accounts). */
  kernteam: z.array(z.string()),
  /** Months after a board's last edit before the retention job archives it and erases personal data. */
  retentionMonths: z.number().int(),
  /** Boards in the project that are not deleted (archived ones included). */
  boardCount: z.number().int().nonnegative(),
  /** Epoch ms: the latest change to the project or one of its boards' placement. */
  updatedAt: z.number().int(),
})
export type Project = z.infer<typeof ProjectSchema>

export const CreateProjectRequestSchema = z.object({
  name: z.string().trim().min(1).max(200),
  gebied: ProjectText.optional(),
  gemeente: ProjectText.optional(),
  kernteam: z.array(z.string().trim().min(1).max(200)).max(50).optional(),
  retentionMonths: z.number().int().min(1).max(240).optional(),
})
export type CreateProjectRequest = z.infer<typeof CreateProjectRequestSchema>

export const UpdateProjectRequestSchema = CreateProjectRequestSchema.partial()
export type UpdateProjectRequest = z.infer<typeof UpdateProjectRequestSchema>

/** One of the organiser's boards as the home page lists it. */
export const OrgBoardSchema = z.object({
  id: BoardIdSchema,
  title: z.string(),
  /** `null`: a board made by this organiser without a project ("Zonder project"). */
  projectId: OrgIdSchema.nullable(),
  projectName: z.string().nullable(),
  workspaceId: OrgIdSchema.nullable(),
  workspaceName: z.string().nullable(),
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
  /** When an organiser last opened it from the home page (`openBoard`), or null. */
  lastOpenedAt: z.number().int().nullable(),
  archivedAt: z.number().int().nullable(),
  /** Set once deletion was requested: after this moment the purge job removes all of the board's data. */
  deleteAfter: z.number().int().nullable(),
  /** People connected to the board now (on this instance's rooms). */
  liveCount: z.number().int().nonnegative(),
})
export type OrgBoard = z.infer<typeof OrgBoardSchema>

export const ProjectDetailSchema = ProjectSchema.extend({ boards: z.array(OrgBoardSchema) })
export type ProjectDetail = z.infer<typeof ProjectDetailSchema>

export const CreateProjectBoardRequestSchema = z.object({
  title: z.string().trim().min(1).max(200),
  /** `quickscan`: start from the prepared Quickscan board (the templates placed). */
  template: z.enum(['quickscan']).nullable().optional(),
})
export type CreateProjectBoardRequest = z.infer<typeof CreateProjectBoardRequestSchema>

export const SearchBoardsQuerySchema = z.object({
  /** Words that must all occur in the title (case-insensitive). */
  q: z.string().max(200).optional(),
  /** A project's id, or `none` for the organiser's boards without a project. */
  projectId: z.string().max(64).optional(),
  /** `1`: archived boards only; `0` (default): boards neither archived nor deleted. */
  archived: z.enum(['0', '1']).optional(),
  /** `1`: boards whose deletion was requested and can still be restored. */
  deleted: z.enum(['0', '1']).optional(),
  /** 1–200, default 50. */
  limit: z
    .string()
    .regex(/^\d{1,3}$/)
    .optional(),
  /** `nextCursor` of the previous page. */
  cursor: z.string().max(200).optional(),
})
export type SearchBoardsQuery = z.infer<typeof SearchBoardsQuerySchema>

export const SearchBoardsResponseSchema = z.object({
  /** Most recently updated first. */
  boards: z.array(OrgBoardSchema),
  nextCursor: z.string().nullable(),
})
export type SearchBoardsResponse = z.infer<typeof SearchBoardsResponseSchema>

export const UpdateBoardRequestSchema = z
  .object({
    title: z.string().trim().min(1).max(200).optional(),
    /** Move to this project (of any workspace the organiser is a member of). */
    projectId: OrgIdSchema.optional(),
  })
  .refine((body) => body.title !== undefined || body.projectId !== undefined, {
    message: 'title or projectId',
  })
export type UpdateBoardRequest = z.infer<typeof UpdateBoardRequestSchema>

export const OpenBoardResponseSchema = z.object({ links: RoleLinksSchema })
export type OpenBoardResponse = z.infer<typeof OpenBoardResponseSchema>

export const DuplicateBoardRequestSchema = z.object({
  /** `true`: copy the board's current document; `false`: an empty board. */
  withContent: z.boolean(),
  title: z.string().trim().min(1).max(200).optional(),
  projectId: OrgIdSchema.optional(),
})
export type DuplicateBoardRequest = z.infer<typeof DuplicateBoardRequestSchema>

export const DeleteBoardRequestSchema = z.object({ confirmTitle: z.string().max(200) })
export type DeleteBoardRequest = z.infer<typeof DeleteBoardRequestSchema>
export const DeleteBoardResponseSchema = z.object({ deleteAfter: z.number().int() })

/** The actions the organisation layer writes to a project's audit log (other parts add their own). */
export const AuditActionSchema = z.enum([
  'board.created',
  'board.renamed',
  'board.moved',
  'board.duplicated',
  'board.archived',
  'board.restored',
  'board.deleteRequested',
  'board.purged',
  'board.opened',
  'links.issued',
  'links.revoked',
  'board.locked',
  'board.unlocked',
  'board.exported',
  'project.created',
  'project.updated',
])
export type AuditAction = z.infer<typeof AuditActionSchema>

export const AuditEntrySchema = z.object({
  at: z.number().int(),
  /** The organiser who acted; `null` for a facilitator acting by link, the purge job, or an erased person. */
  actor: z.object({ id: z.string(), name: z.string() }).nullable(),
  /** One of `AuditActionSchema`'s, or another part's (the privacy engineer's `retention.erased`, `privacy.erase`, …). */
  action: z.string().max(100),
  boardId: z.string().optional(),
  detail: z.record(z.string(), z.unknown()),
})
export type AuditEntry = z.infer<typeof AuditEntrySchema>

const OkSchema = z.object({ ok: z.literal(true) })

/** Workspaces, projects and the organiser's boards: lifecycle, audit log (issue #17). All for signed-in organisers. */
export const OrgRoutes = {
  listWorkspaces: {
    method: 'GET',
    path: '/api/workspaces',
    auth: signedIn,
    body: none,
    query: noQuery,
    status: 200,
    produces: 'json',
    response: z.array(WorkspaceSchema),
  },
  createWorkspace: {
    method: 'POST',
    path: '/api/workspaces',
    auth: signedIn,
    body: json(CreateWorkspaceRequestSchema),
    query: noQuery,
    status: 201,
    produces: 'json',
    response: WorkspaceSchema,
  },
  listMembers: {
    method: 'GET',
    path: '/api/workspaces/:workspaceId/members',
    auth: signedIn,
    body: none,
    query: noQuery,
    status: 200,
    produces: 'json',
    response: z.array(MemberSchema),
  },
  addMember: {
    method: 'POST',
    path: '/api/workspaces/:workspaceId/members',
    auth: signedIn,
    body: json(AddMemberRequestSchema),
    query: noQuery,
    status: 201,
    produces: 'json',
    response: MemberSchema,
  },
  removeMember: {
    method: 'DELETE',
    path: '/api/workspaces/:workspaceId/members/:organiserId',
    auth: signedIn,
    body: none,
    query: noQuery,
    status: 200,
    produces: 'json',
    response: OkSchema,
  },
  listProjects: {
    method: 'GET',
    path: '/api/workspaces/:workspaceId/projects',
    auth: signedIn,
    body: none,
    query: noQuery,
    status: 200,
    produces: 'json',
    response: z.array(ProjectSchema),
  },
  createProject: {
    method: 'POST',
    path: '/api/workspaces/:workspaceId/projects',
    auth: signedIn,
    body: json(CreateProjectRequestSchema),
    query: noQuery,
    status: 201,
    produces: 'json',
    response: ProjectSchema,
  },
  getProject: {
    method: 'GET',
    path: '/api/projects/:projectId',
    auth: signedIn,
    body: none,
    query: noQuery,
    status: 200,
    produces: 'json',
    response: ProjectDetailSchema,
  },
  updateProject: {
    method: 'PATCH',
    path: '/api/projects/:projectId',
    auth: signedIn,
    body: json(UpdateProjectRequestSchema),
    query: noQuery,
    status: 200,
    produces: 'json',
    response: ProjectSchema,
  },
  createProjectBoard: {
    method: 'POST',
    path: '/api/projects/:projectId/boards',
    auth: signedIn,
    body: json(CreateProjectBoardRequestSchema),
    query: noQuery,
    status: 201,
    produces: 'json',
    response: CreateBoardResponseSchema,
  },
  projectAudit: {
    method: 'GET',
    path: '/api/projects/:projectId/audit',
    auth: signedIn,
    body: none,
    query: noQuery,
    status: 200,
    produces: 'json',
    response: z.array(AuditEntrySchema),
  },
  searchBoards: {
    method: 'GET',
    path: '/api/org/boards',
    auth: signedIn,
    body: none,
    query: SearchBoardsQuerySchema,
    status: 200,
    produces: 'json',
    response: SearchBoardsResponseSchema,
  },
  updateBoard: {
    method: 'PATCH',
    path: '/api/org/boards/:boardId',
    auth: signedIn,
    body: json(UpdateBoardRequestSchema),
    query: noQuery,
    status: 200,
    produces: 'json',
    response: OrgBoardSchema,
  },
  openBoard: {
    method: 'POST',
    path: '/api/org/boards/:boardId/open',
    auth: signedIn,
    body: none,
    query: noQuery,
    status: 200,
    produces: 'json',
    response: OpenBoardResponseSchema,
  },
  duplicateBoard: {
    method: 'POST',
    path: '/api/org/boards/:boardId/duplicate',
    auth: signedIn,
    body: json(DuplicateBoardRequestSchema),
    query: noQuery,
    status: 201,
    produces: 'json',
    response: CreateBoardResponseSchema,
  },
  archiveBoard: {
    method: 'POST',
    path: '/api/org/boards/:boardId/archive',
    auth: signedIn,
    body: none,
    query: noQuery,
    status: 200,
    produces: 'json',
    response: OrgBoardSchema,
  },
  restoreBoard: {
    method: 'POST',
    path: '/api/org/boards/:boardId/restore',
    auth: signedIn,
    body: none,
    query: noQuery,
    status: 200,
    produces: 'json',
    response: OrgBoardSchema,
  },
  deleteBoard: {
    method: 'DELETE',
    path: '/api/org/boards/:boardId',
    auth: signedIn,
    body: json(DeleteBoardRequestSchema),
    query: noQuery,
    status: 200,
    produces: 'json',
    response: DeleteBoardResponseSchema,
  },
} as const satisfies Record<string, RouteDef>
