import { randomBytes } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import * as client from 'openid-client'
import type { Logger } from 'pino'
import { AppError } from '../../errors.ts'
import type { OrganiserRecord, OrganiserStore } from '../../storage/ports/OrganiserStore.ts'
import { clearCookie, FLOW_COOKIE, readCookie, setCookie } from './cookies.ts'
import type { OrganiserConfig } from './OrganiserConfig.ts'
import { digest, type OrganiserSessions, sameSecret } from './OrganiserSessions.ts'
import { safeReturnTo } from './returnTo.ts'

/** How long a sign-in at the provider may take. */
const FLOW_TTL_MS = 10 * 60_000
const FLOW_COOKIE_PATH = '/api/auth/oidc'
export const CALLBACK_PATH = '/api/auth/oidc/callback'

type OidcSettings = NonNullable<OrganiserConfig['oidc']>

/** A plain-http issuer is allowed on this machine only (a provider started beside the server, as in the tests). */
function loopback(url: URL): boolean {
  return ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname)
}

/**
 * OpenID Connect sign-in with `openid-client`: the authorization code flow with PKCE (S256), `state` and `nonce`.
 * The flow's secrets stay on the server (in the store, keyed by the state's hash, taken once, for ten minutes);
 * the browser holds the state in a short-lived HttpOnly cookie, so an answer only counts in the browser that began
 * the flow (no login CSRF). The organiser is found by (issuer, subject), or made from the ID token's claims.
 */
export class OidcSignIn {
  readonly #settings: OidcSettings
  readonly #store: OrganiserStore
  readonly #sessions: OrganiserSessions
  readonly #log: Pick<Logger, 'warn' | 'info'>
  readonly #secure: boolean
  readonly #now: () => number
  #configuration: Promise<client.Configuration> | null = null

  constructor(
    settings: OidcSettings,
    deps: {
      store: OrganiserStore
      sessions: OrganiserSessions
      log: Pick<Logger, 'warn' | 'info'>
      secure: boolean
      now?: () => number
    },
  ) {
    this.#settings = settings
    this.#store = deps.store
    this.#sessions = deps.sessions
    this.#log = deps.log
    this.#secure = deps.secure
    this.#now = deps.now ?? Date.now
  }

  /** The provider's metadata, discovered on first use; a failed discovery is tried again by the next sign-in. */
  #config(): Promise<client.Configuration> {
    this.#configuration ??= (async () => {
      const issuer = new URL(this.#settings.issuer)
      const auth = this.#settings.clientSecret
        ? client.ClientSecretPost(this.#settings.clientSecret)
        : client.None()
      return client.discovery(issuer, this.#settings.clientId, undefined, auth, {
        ...(issuer.protocol === 'http:' && loopback(issuer)
          ? { execute: [client.allowInsecureRequests] }
          : {}),
        timeout: 10,
      })
    })().catch((error) => {
      this.#configuration = null
      throw error
    })
    return this.#configuration
  }

  /** Begins a sign-in: the provider's authorization URL to redirect to, and the flow's cookie on `res`. */
  async start(res: ServerResponse, returnTo: string | null, baseUrl: string): Promise<string> {
    let config: client.Configuration
    try {
      config = await this.#config()
    } catch (error) {
      this.#log.warn({ err: error }, 'OpenID provider not reachable (discovery failed)')
      throw new AppError('SIGN_IN_FAILED', 'the identity provider cannot be reached')
    }
    const state = client.randomState()
    const nonce = client.randomNonce()
    const codeVerifier = client.randomPKCECodeVerifier()
    const now = this.#now()
    await this.#store.saveSignInFlow({
      id: digest(state),
      codeVerifier,
      nonce,
      returnTo: safeReturnTo(returnTo),
      expiresAt: now + FLOW_TTL_MS,
    })
    void this.#store.deleteExpiredSignInFlows(now).catch(() => {})
    setCookie(res, FLOW_COOKIE, state, {
      secure: this.#secure,
      maxAgeSeconds: FLOW_TTL_MS / 1000,
      path: FLOW_COOKIE_PATH,
    })
    return client
      .buildAuthorizationUrl(config, {
        redirect_uri: new URL(CALLBACK_PATH, baseUrl).toString(),
        scope: this.#settings.scopes,
        state,
        nonce,
        code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: 'S256',
      })
      .toString()
  }

  /**
   * The provider's answer. Returns where to send the browser (the flow's `returnTo`) after starting the session;
   * throws SIGN_IN_FAILED (with the reason logged) for anything that does not check out: no or another flow cookie,
   * an unknown, used or expired state, an error from the provider, a code or ID token the provider does not vouch for.
   */
  async callback(
    req: IncomingMessage,
    res: ServerResponse,
    query: URLSearchParams,
    baseUrl: string,
  ): Promise<string> {
    const cookieState = readCookie(req, FLOW_COOKIE)
    clearCookie(res, FLOW_COOKIE, { secure: this.#secure, path: FLOW_COOKIE_PATH })
    const state = query.get('state')
    if (!state || !cookieState || !sameSecret(state, cookieState)) {
      throw this.#failed('state does not match this browser’s sign-in')
    }
    const flow = await this.#store.takeSignInFlow(digest(state))
    if (!flow || flow.expiresAt <= this.#now()) throw this.#failed('unknown, used or expired sign-in')
    if (query.has('error'))
      throw this.#failed(`the provider answered ${String(query.get('error')).slice(0, 100)}`)
    const config = await this.#config()
    const currentUrl = new URL(CALLBACK_PATH, baseUrl)
    for (const [key, value] of query) currentUrl.searchParams.append(key, value)
    let claims: client.IDToken
    try {
      const tokens = await client.authorizationCodeGrant(config, currentUrl, {
        pkceCodeVerifier: flow.codeVerifier,
        expectedState: state,
        expectedNonce: flow.nonce,
        idTokenExpected: true,
      })
      const idClaims = tokens.claims()
      if (!idClaims) throw new Error('no ID token')
      claims = idClaims
    } catch (error) {
      throw this.#failed(error instanceof Error ? error.message : 'token exchange failed')
    }
    const organiser = await this.#organiserFor(config.serverMetadata().issuer, claims)
    await this.#sessions.start(req, res, organiser)
    return flow.returnTo
  }

  #failed(reason: string): AppError {
    this.#log.warn({ reason }, 'OpenID Connect sign-in refused')
    return new AppError('SIGN_IN_FAILED', 'the sign-in did not check out; please start again')
  }

  /** Found by (issuer, subject), its name and email kept up to date; else made from the claims. */
  async #organiserFor(issuer: string, claims: client.IDToken): Promise<OrganiserRecord> {
    const text = (value: unknown, max: number) =>
      typeof value === 'string' && value.trim() !== '' ? value.trim().slice(0, max) : null
    const email = text(claims.email, 254)?.toLowerCase() ?? null
    const name =
      text(claims.name, 200) ??
      text([claims.given_name, claims.family_name].filter((v) => typeof v === 'string').join(' '), 200) ??
      text(claims.preferred_username, 200) ??
      email ??
      'Organisator'
    const found = await this.#store.findOrganiserByOidc(issuer, claims.sub)
    if (found) {
      if (found.name !== name) await this.#store.updateOrganiser(found.id, { name })
      // An email another organiser already has stays with them (no account is ever joined by email).
      if (email && found.email !== email) await this.#store.updateOrganiser(found.id, { email })
      return (await this.#store.getOrganiser(found.id)) ?? found
    }
    const record: OrganiserRecord = {
      id: randomBytes(12).toString('base64url'),
      name,
      email,
      passwordHash: null,
      oidc: { issuer, subject: claims.sub },
      createdAt: this.#now(),
    }
    if (await this.#store.createOrganiser(record)) return record
    // The email belongs to another organiser (say the local account): this one is made without it.
    const again = await this.#store.findOrganiserByOidc(issuer, claims.sub)
    if (again) return again
    const withoutEmail = { ...record, email: null }
    if (await this.#store.createOrganiser(withoutEmail)) {
      this.#log.info({ issuer }, 'OpenID organiser made without email: another organiser has that email')
      return withoutEmail
    }
    throw this.#failed('could not store the organiser')
  }
}
