import type { RouteDef } from './routeKit.ts'

/** Images and PDF maps stored by the server, outside the board document (issue #18). */
export const AssetRoutes = {} as const satisfies Record<string, RouteDef>
