import type { OrgRoutes } from '@waardentafel/protocol'
import type { RequestKind } from '../../limits/LimitsConfig.ts'

/** Which request budget each organisation route counts against (`limits/requestKind.ts`): new boards are creations. */
export const ORG_BUDGETS: Readonly<Record<keyof typeof OrgRoutes, RequestKind>> = {
  listWorkspaces: 'read',
  createWorkspace: 'write',
  listMembers: 'read',
  addMember: 'write',
  removeMember: 'write',
  listProjects: 'read',
  createProject: 'write',
  getProject: 'read',
  updateProject: 'write',
  createProjectBoard: 'create',
  projectAudit: 'read',
  searchBoards: 'read',
  updateBoard: 'write',
  openBoard: 'write',
  duplicateBoard: 'create',
  archiveBoard: 'write',
  restoreBoard: 'write',
  deleteBoard: 'write',
}
