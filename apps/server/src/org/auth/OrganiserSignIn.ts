import type { Logger } from 'pino'
import type { Config } from '../../config.ts'
import type { OrganiserStore } from '../../storage/ports/OrganiserStore.ts'
import { CookieOrganiserAuth } from './CookieOrganiserAuth.ts'
import { LocalSignIn } from './LocalSignIn.ts'
import { OidcSignIn } from './OidcSignIn.ts'
import { OrganiserSessions } from './OrganiserSessions.ts'

/**
 * The sign-in layer, made once per server from the config and the organiser store: sessions, the `OrganiserAuth`
 * the HTTP pipeline asks, the local account's sign-in (when `LOCAL_ACCOUNTS` is not off) and OpenID Connect (when
 * `OIDC_ISSUER` is set).
 */
export class OrganiserSignIn {
  readonly sessions: OrganiserSessions
  readonly auth: CookieOrganiserAuth
  readonly local: LocalSignIn | null
  readonly oidc: OidcSignIn | null
  readonly trustProxy: boolean

  constructor(
    config: Pick<Config, 'organisers' | 'publicUrl' | 'trustProxy'>,
    store: OrganiserStore,
    log: Pick<Logger, 'warn' | 'info'>,
    now: () => number = Date.now,
  ) {
    const settings = config.organisers
    const secure = config.publicUrl?.startsWith('https:') ?? false
    this.sessions = new OrganiserSessions(store, {
      idleMs: settings.sessionIdleMs,
      maxMs: settings.sessionMaxMs,
      secure,
      now,
    })
    this.auth = new CookieOrganiserAuth(this.sessions)
    this.local = settings.local ? new LocalSignIn(store, this.sessions, settings.signInFailures, now) : null
    this.oidc = settings.oidc
      ? new OidcSignIn(settings.oidc, { store, sessions: this.sessions, log, secure, now })
      : null
    this.trustProxy = config.trustProxy
  }
}
