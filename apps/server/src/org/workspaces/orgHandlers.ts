import type { OrgRoutes, RouteName } from '@waardentafel/protocol'
import type { Handler } from '../../http/context.ts'
import type { OrgService } from './OrgService.ts'

type OrgRouteName = keyof typeof OrgRoutes & RouteName
export type OrgHandlers = { readonly [N in OrgRouteName]: Handler<N> }

/** The handlers of `orgRoutes.ts`: each hands the signed-in organiser and the parsed request to the `OrgService`. */
export function orgHandlers(org: OrgService): OrgHandlers {
  return {
    listWorkspaces: ({ organiser }) => org.listWorkspaces(organiser),
    createWorkspace: ({ organiser, body }) => org.createWorkspace(organiser, body.name),
    listMembers: ({ organiser, params }) => org.listMembers(organiser, params.workspaceId),
    addMember: ({ organiser, params, body }) =>
      org.addMember(organiser, params.workspaceId, body.email, body.role),
    removeMember: async ({ organiser, params }) => {
      await org.removeMember(organiser, params.workspaceId, params.organiserId)
      return { ok: true }
    },
    listProjects: ({ organiser, params }) => org.listProjects(organiser, params.workspaceId),
    createProject: ({ organiser, params, body }) => org.createProject(organiser, params.workspaceId, body),
    getProject: ({ organiser, params }) => org.getProject(organiser, params.projectId),
    updateProject: ({ organiser, params, body }) => org.updateProject(organiser, params.projectId, body),
    createProjectBoard: ({ organiser, params, body, baseUrl }) =>
      org.createProjectBoard(organiser, params.projectId, body.title, body.template ?? null, baseUrl),
    projectAudit: ({ organiser, params }) => org.projectAudit(organiser, params.projectId),
    searchBoards: ({ organiser, query }) => org.searchBoards(organiser, query),
    updateBoard: ({ organiser, params, body }) => org.updateBoard(organiser, params.boardId, body),
    openBoard: ({ organiser, params, baseUrl }) => org.openBoard(organiser, params.boardId, baseUrl),
    duplicateBoard: ({ organiser, params, body, baseUrl }) =>
      org.duplicateBoard(organiser, params.boardId, body, baseUrl),
    archiveBoard: ({ organiser, params }) => org.archiveBoard(organiser, params.boardId),
    restoreBoard: ({ organiser, params }) => org.restoreBoard(organiser, params.boardId),
    deleteBoard: ({ organiser, params, body }) =>
      org.deleteBoard(organiser, params.boardId, body.confirmTitle),
  }
}
