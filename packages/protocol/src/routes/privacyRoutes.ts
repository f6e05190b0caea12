import type { RouteDef } from './routeKit.ts'

/** The people's data: inzage, export and erasure of a person, retention (AVG; issue #17). */
export const PrivacyRoutes = {} as const satisfies Record<string, RouteDef>
