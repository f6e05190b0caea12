import type { RouteDef } from './routeKit.ts'

/** Organiser sign-in: the local organiser account and OpenID Connect (issue #17). */
export const AuthRoutes = {} as const satisfies Record<string, RouteDef>
