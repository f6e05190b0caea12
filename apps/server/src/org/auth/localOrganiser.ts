import { randomBytes } from 'node:crypto'
import type { Logger } from 'pino'
import type { OrganiserStore } from '../../storage/ports/OrganiserStore.ts'
import type { OrganiserConfig } from './OrganiserConfig.ts'
import { generatePassword, hashPassword, verifyPassword } from './passwords.ts'

export type LocalOrganiserResult =
  | { kind: 'off' | 'kept' }
  /** `generatedPassword`: the password made up this once (null when it came from LOCAL_ORGANISER_PASSWORD). */
  | { kind: 'created'; generatedPassword: string | null }
  | { kind: 'password-set' }

/**
 * The embedded default (`npm start` on a laptop): on a first start — no organiser at all, none with the local email —
 * the local organiser account is made, with `LOCAL_ORGANISER_PASSWORD` or a generated password that is logged this
 * once (Dutch and English). Later starts keep it; when `LOCAL_ORGANISER_PASSWORD` is set and differs from the stored
 * one, the account takes it (how an operator resets a forgotten password) and its sessions end.
 */
export async function ensureLocalOrganiser(
  store: OrganiserStore,
  local: OrganiserConfig['local'],
  log: Pick<Logger, 'info' | 'warn'>,
  now: () => number = Date.now,
): Promise<LocalOrganiserResult> {
  if (!local) return { kind: 'off' }
  const existing = await store.findOrganiserByEmail(local.email)
  if (existing) {
    if (!local.password) return { kind: 'kept' }
    if (existing.passwordHash && (await verifyPassword(local.password, existing.passwordHash))) {
      return { kind: 'kept' }
    }
    await store.updateOrganiser(existing.id, { passwordHash: await hashPassword(local.password) })
    await store.deleteSessionsOf(existing.id)
    log.info(
      { email: local.email },
      'Lokaal organisatoraccount: wachtwoord uit LOCAL_ORGANISER_PASSWORD gezet (local organiser account: password set from LOCAL_ORGANISER_PASSWORD)',
    )
    return { kind: 'password-set' }
  }
  if ((await store.countOrganisers()) > 0) return { kind: 'kept' }
  const password = local.password ?? generatePassword()
  const created = await store.createOrganiser({
    id: randomBytes(12).toString('base64url'),
    name: local.name,
    email: local.email,
    passwordHash: await hashPassword(password),
    oidc: null,
    createdAt: now(),
  })
  // Another instance made it at the same moment: theirs stands.
  if (!created) return { kind: 'kept' }
  if (local.password) {
    log.info({ email: local.email }, 'Lokaal organisatoraccount aangemaakt (local organiser account created)')
  } else {
    log.warn(
      { email: local.email, password },
      `Lokaal organisatoraccount aangemaakt: log in met ${local.email} en wachtwoord ${password} — bewaar het, het wordt niet opnieuw getoond ` +
        `(local organiser account created: sign in with ${local.email} and password ${password}; keep it, it is not shown again)`,
    )
  }
  return { kind: 'created', generatedPassword: local.password ? null : password }
}
