import type { RouteDef } from './routeKit.ts'

/** Workspaces, projects and the organiser's boards: lifecycle, audit log, retention, inzage (issue #17). */
export const OrgRoutes = {} as const satisfies Record<string, RouteDef>
