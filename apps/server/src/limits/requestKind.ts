import type { RouteName } from '@waardentafel/protocol'
import type { Route } from '../http/router.ts'
import { AUTH_BUDGETS } from '../org/auth/authBudgets.ts'
import { PRIVACY_BUDGETS } from '../org/privacy/privacyBudgets.ts'
import { ORG_BUDGETS } from '../org/workspaces/orgBudgets.ts'
import { VERSION_BUDGETS } from '../versions/versionBudgets.ts'
import type { RequestKind } from './LimitsConfig.ts'

/**
 * Which budget each route is counted against. Creating, importing and restoring boards write new rows and are few
 * per organiser; joining (`/session`, a join code) is what 300 people in one hall do at once through one address
 * and one link; reads and facilitation/round writes are what an open board does while a workshop runs; the rest is
 * the web app, its config and the health check.
 */
const BUDGETS: Readonly<Record<RouteName, RequestKind>> = {
  health: 'static',
  config: 'static',
  createBoard: 'create',
  importBoard: 'import',
  restoreSession: 'create',
  session: 'join',
  resolveJoinCode: 'join',
  snapshot: 'read',
  programma: 'read',
  roundReport: 'read',
  listSessions: 'read',
  compareSessions: 'read',
  facilitation: 'write',
  issueLink: 'write',
  revokeLinks: 'write',
  issueJoinCode: 'write',
  issueParticipantKey: 'write',
  putPlacements: 'write',
  saveSession: 'write',
  // A picture is fetched once per browser (cached for good), like the app's own files; an upload is a write.
  uploadAsset: 'write',
  getAsset: 'static',
  ...AUTH_BUDGETS,
  ...ORG_BUDGETS,
  ...PRIVACY_BUDGETS,
  ...VERSION_BUDGETS,
}

/** The budget of a request the router matched (each API route has one method, so the route alone decides). */
export function requestKind(route: Route): RequestKind {
  return route.kind === 'static' ? 'static' : BUDGETS[route.name]
}
