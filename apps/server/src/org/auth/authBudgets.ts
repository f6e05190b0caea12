import type { RouteName } from '@waardentafel/protocol'
import type { RequestKind } from '../../limits/LimitsConfig.ts'

/**
 * The request budgets of the sign-in routes. Password guessing has its own, tighter bounds (failed sign-ins per
 * account and address, `LocalSignIn`); these only keep the routes from being hammered.
 */
export const AUTH_BUDGETS = {
  authMe: 'read',
  authLocal: 'write',
  authLogout: 'write',
  authOidcStart: 'write',
  authOidcCallback: 'write',
} as const satisfies Partial<Record<RouteName, RequestKind>>
