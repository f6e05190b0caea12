import type { RouteName, VersionRoutes } from '@waardentafel/protocol'
import type { RequestKind } from '../limits/LimitsConfig.ts'

/** Which request budget each version route counts against: reads and the workshop's writes, like sessions. */
export const VERSION_BUDGETS: Readonly<Record<keyof typeof VersionRoutes & RouteName, RequestKind>> = {
  listVersions: 'read',
  getVersion: 'read',
  compareVersions: 'read',
  versionDocument: 'read',
  archiveVersion: 'read',
  freezeVersion: 'write',
  adoptVersion: 'write',
  signVersion: 'write',
}
