import type {
  CreateProjectRequest,
  DuplicateBoardRequest,
  Role,
  SearchBoardsQuery,
  UpdateBoardRequest,
  UpdateProjectRequest,
  WorkspaceRole,
} from '@waardentafel/protocol'
import { routePath } from '@waardentafel/protocol'
import { api } from '../api/client.ts'

// The organiser's calls, by name, over the one client (api/client.ts): each is a route of the route table in
// packages/protocol (authRoutes.ts, orgRoutes.ts). The session cookie goes by itself (same origin); the CSRF token
// is handed to the client whenever a call tells us it.

/** Who is signed in (or nobody), the CSRF token of that session, and which ways of signing in this server offers. */
export async function getMe() {
  const me = await api.call('authMe', {})
  api.setCsrfToken(me.csrfToken)
  return me
}

export async function signInLocal(email: string, password: string) {
  const answer = await api.call('authLocal', {}, { email, password })
  api.setCsrfToken(answer.csrfToken)
  return answer
}

export async function signOut() {
  try {
    await api.call('authLogout', {})
  } finally {
    api.setCsrfToken(null)
  }
}

/** The address that starts the OpenID Connect flow; the provider sends the browser back to `returnTo`. */
export function oidcStartUrl(returnTo = '/'): string {
  return `${routePath('authOidcStart', {})}?${new URLSearchParams({ returnTo })}`
}

export const listWorkspaces = () => api.call('listWorkspaces', {})
export const createWorkspace = (name: string) => api.call('createWorkspace', {}, { name })
export const listMembers = (workspaceId: string) => api.call('listMembers', { workspaceId })
export const addMember = (workspaceId: string, email: string, role: WorkspaceRole) =>
  api.call('addMember', { workspaceId }, { email, role })
export const removeMember = (workspaceId: string, organiserId: string) =>
  api.call('removeMember', { workspaceId, organiserId })
export const listProjects = (workspaceId: string) => api.call('listProjects', { workspaceId })
export const createProject = (workspaceId: string, project: CreateProjectRequest) =>
  api.call('createProject', { workspaceId }, project)
export const updateProject = (projectId: string, change: UpdateProjectRequest) =>
  api.call('updateProject', { projectId }, change)
export const createProjectBoard = (projectId: string, title: string, quickscan: boolean) =>
  api.call('createProjectBoard', { projectId }, { title, template: quickscan ? 'quickscan' : null })
export const projectAudit = (projectId: string) => api.call('projectAudit', { projectId })

/** The organiser's boards, searched on the server (all words of `q` in the title), newest change first. */
export const searchBoards = (query: SearchBoardsQuery) => api.call('searchBoards', {}, undefined, { query })

export const updateBoard = (boardId: string, change: UpdateBoardRequest) =>
  api.call('updateBoard', { boardId }, change)
/** Fresh role links for the board (and "last opened" is now). */
export const openBoard = (boardId: string) => api.call('openBoard', { boardId })
export const duplicateBoard = (boardId: string, request: DuplicateBoardRequest) =>
  api.call('duplicateBoard', { boardId }, request)
export const archiveBoard = (boardId: string) => api.call('archiveBoard', { boardId })
export const restoreBoard = (boardId: string) => api.call('restoreBoard', { boardId })
export const deleteBoard = (boardId: string, confirmTitle: string) =>
  api.call('deleteBoard', { boardId }, { confirmTitle })

/** The role link routes take the facilitator's token (from `openBoard`'s facilitator link) as the bearer. */
export const issueLink = (boardId: string, facilitatorToken: string, role: Role) =>
  api.call('issueLink', { boardId }, { role }, { bearer: facilitatorToken })
export const revokeLinks = (boardId: string, facilitatorToken: string, role: Role) =>
  api.call('revokeLinks', { boardId }, { role }, { bearer: facilitatorToken })

/** The token a role link carries (`/b/:id?token=…`). */
export function tokenOfLink(link: string): string {
  return new URL(link, window.location.origin).searchParams.get('token') ?? ''
}
