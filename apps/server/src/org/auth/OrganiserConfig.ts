/** How organisers sign in (config `LOCAL_*`, `OIDC_*`, `ORGANISER_SESSION_*`, `SIGN_IN_*`; docs/operations.md). */
export type OrganiserConfig = {
  /** The local organiser account (embedded default); null when `LOCAL_ACCOUNTS=false`. */
  local: { email: string; name: string; password: string | null } | null
  /** OpenID Connect; null when `OIDC_ISSUER` is not set. */
  oidc: { issuer: string; clientId: string; clientSecret: string | null; scopes: string } | null
  /** A session lives this long after it was last used, and never longer than `sessionMaxMs` after sign-in. */
  sessionIdleMs: number
  sessionMaxMs: number
  /** Failed sign-ins that lock an account / an address out for the rest of `windowMs`. */
  signInFailures: { perAccount: number; perAddress: number; windowMs: number }
  /** Anyone may create and import boards (a closed network); only without `ORGANISER_KEY`. */
  openBoardCreation: boolean
}
