/**
 * An organiser (projectleider, kernteam, procesbegeleider): a person who signs in. `email` is kept lower-case and is
 * unique among organisers; `passwordHash` is set for local accounts only (`org/auth/passwords.ts`: the scrypt
 * parameters travel with the hash); `oidc` is the OpenID Connect identity (issuer and subject) the organiser signed
 * in with, unique per issuer.
 */
export type OrganiserRecord = {
  id: string
  name: string
  email: string | null
  passwordHash: string | null
  oidc: { issuer: string; subject: string } | null
  createdAt: number
}

/**
 * A signed-in organiser's session. `id` is the SHA-256 of the random cookie value (the value itself is never
 * stored, so a copy of the database signs nobody in); `csrfToken` must accompany each state-changing request.
 */
export type OrganiserSessionRecord = {
  id: string
  organiserId: string
  csrfToken: string
  createdAt: number
  lastSeenAt: number
  expiresAt: number
}

/**
 * An OpenID Connect sign-in under way: between the redirect to the provider and its answer. `id` is the SHA-256 of
 * the `state` sent to the provider; it is taken (read and deleted) once, so a replayed answer finds nothing.
 */
export type SignInFlowRecord = {
  id: string
  codeVerifier: string
  nonce: string
  returnTo: string
  expiresAt: number
}

/** What may change of an organiser after it was made. */
export type OrganiserUpdate = Partial<Pick<OrganiserRecord, 'name' | 'email' | 'passwordHash'>>

/**
 * Organisers, their sessions, OpenID Connect flows under way and failed sign-ins (brute-force bounds, counted in the
 * database so they hold across instances). Contract: `test/contracts/organiserStore.contract.ts`.
 */
export interface OrganiserStore {
  /** Stores a new organiser; false (nothing stored) when its email or OIDC identity already belongs to another. */
  createOrganiser(organiser: OrganiserRecord): Promise<boolean>
  getOrganiser(id: string): Promise<OrganiserRecord | null>
  /** By lower-case email. */
  findOrganiserByEmail(email: string): Promise<OrganiserRecord | null>
  findOrganiserByOidc(issuer: string, subject: string): Promise<OrganiserRecord | null>
  /** False when the organiser does not exist or the new email belongs to another. */
  updateOrganiser(id: string, update: OrganiserUpdate): Promise<boolean>
  countOrganisers(): Promise<number>

  createSession(session: OrganiserSessionRecord): Promise<void>
  getSession(id: string): Promise<OrganiserSessionRecord | null>
  /** Slides a session's expiry; nothing when it is gone. */
  touchSession(id: string, lastSeenAt: number, expiresAt: number): Promise<void>
  deleteSession(id: string): Promise<void>
  /** Deletes every session of an organiser (e.g. after a password change); returns how many. */
  deleteSessionsOf(organiserId: string): Promise<number>
  /** Deletes sessions whose expiry is at or before `now`; returns how many. */
  deleteExpiredSessions(now: number): Promise<number>

  saveSignInFlow(flow: SignInFlowRecord): Promise<void>
  /** Reads and deletes a flow in one step: of two concurrent takes of the same id, at most one gets it. */
  takeSignInFlow(id: string): Promise<SignInFlowRecord | null>
  /** Deletes flows whose expiry is at or before `now`. */
  deleteExpiredSignInFlows(now: number): Promise<void>

  /** Counts one failed sign-in against each key (e.g. an address and an account) at `at`. */
  recordSignInFailure(keys: readonly string[], at: number): Promise<void>
  /** Failed sign-ins of `key` after `since`. */
  countSignInFailures(key: string, since: number): Promise<number>
  /** Forgets the failures of `key` (after a successful sign-in) and every failure at or before `before`. */
  clearSignInFailures(key: string, before: number): Promise<void>
}
