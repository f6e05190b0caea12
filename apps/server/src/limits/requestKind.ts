import type { Route } from '../http/routes.ts'
import type { RequestKind } from './LimitsConfig.ts'

/**
 * Which budget a request is counted against. Creating, importing and restoring boards write new rows and are few
 * per organiser; joining (`/session`) is what 300 people in one hall do at once through one address and one link;
 * reads and facilitation/round writes are what an open board does while a workshop runs; the rest is the web app,
 * its config and the health check.
 */
export function requestKind(method: string | undefined, route: Route): RequestKind {
  const reading = method === 'GET' || method === 'HEAD'
  switch (route.kind) {
    case 'createBoard':
      return 'create'
    case 'importBoard':
      return 'import'
    case 'boardRead':
      return route.what === 'session' ? 'join' : 'read'
    case 'sessions':
      if (/(^|\/)restore$/.test(route.rest)) return 'create'
      return reading ? 'read' : 'write'
    case 'rounds':
      return reading ? 'read' : 'write'
    case 'joinCode':
      return 'join'
    case 'boardAction':
      return 'write'
    case 'health':
    case 'config':
    case 'static':
      return 'static'
  }
}
