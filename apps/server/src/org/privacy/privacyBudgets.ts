import type { PrivacyRoutes } from '@waardentafel/protocol'
import type { RequestKind } from '../../limits/LimitsConfig.ts'

/** Which request budget each privacy route counts against (`limits/requestKind.ts`). */
export const PRIVACY_BUDGETS: Readonly<Record<keyof typeof PrivacyRoutes, RequestKind>> = {
  personInzage: 'read',
  erasePerson: 'write',
}
