import { z } from 'zod'
import { json, none, type RouteDef } from './routeKit.ts'

/** An organiser as the API shows them; `id` is the key everywhere (workspace membership, audit). */
export const OrganiserSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string().nullable(),
})
export type Organiser = z.infer<typeof OrganiserSchema>

/** Who is signed in on this browser, the CSRF token their state-changing requests carry, and how one signs in here. */
export const AuthMeResponseSchema = z.object({
  organiser: OrganiserSchema.nullable(),
  csrfToken: z.string().nullable(),
  methods: z.object({ local: z.boolean(), oidc: z.boolean() }),
})
export type AuthMeResponse = z.infer<typeof AuthMeResponseSchema>

export const LocalSignInRequestSchema = z.object({
  email: z.string().trim().min(1).max(254),
  password: z.string().min(1).max(1024),
})
export type LocalSignInRequest = z.infer<typeof LocalSignInRequestSchema>

export const SignInResponseSchema = z.object({ organiser: OrganiserSchema, csrfToken: z.string() })
export type SignInResponse = z.infer<typeof SignInResponseSchema>

export const LogoutResponseSchema = z.object({ ok: z.literal(true) })

/** The header a signed-in organiser's state-changing requests carry (the `csrfToken` of `authMe` / `authLocal`). */
export const CSRF_HEADER = 'x-csrf-token'

/**
 * Organiser sign-in (issue #17): the local organiser account and OpenID Connect. A successful sign-in sets the
 * `wt_session` cookie (HttpOnly, SameSite=Lax, Secure behind https); every state-changing request of a signed-in
 * organiser then carries `X-CSRF-Token`.
 */
export const AuthRoutes = {
  authMe: {
    method: 'GET',
    path: '/api/auth/me',
    auth: none,
    body: none,
    query: z.object({}),
    status: 200,
    produces: 'json',
    response: AuthMeResponseSchema,
  },
  authLocal: {
    method: 'POST',
    path: '/api/auth/local',
    auth: none,
    body: json(LocalSignInRequestSchema, 4 * 1024),
    query: z.object({}),
    status: 200,
    produces: 'json',
    response: SignInResponseSchema,
  },
  /** Ends this browser's session (the row and the cookie); a signed-in caller must send its CSRF token. */
  authLogout: {
    method: 'POST',
    path: '/api/auth/logout',
    auth: none,
    body: none,
    query: z.object({}),
    status: 200,
    produces: 'json',
    response: LogoutResponseSchema,
  },
  /** A 302 to the OpenID provider (PKCE, state, nonce); `returnTo`: a path on this server to come back to. */
  authOidcStart: {
    method: 'GET',
    path: '/api/auth/oidc/start',
    auth: none,
    body: none,
    query: z.object({ returnTo: z.string().optional() }),
    status: 302,
    produces: 'file',
    response: z.unknown(),
  },
  /** The provider's answer: a 302 to the flow's `returnTo` with the session cookie, or to `/?signInError=<code>`. */
  authOidcCallback: {
    method: 'GET',
    path: '/api/auth/oidc/callback',
    auth: none,
    body: none,
    query: z.object({
      code: z.string().optional(),
      state: z.string().optional(),
      iss: z.string().optional(),
      error: z.string().optional(),
    }),
    status: 302,
    produces: 'file',
    response: z.unknown(),
  },
} as const satisfies Record<string, RouteDef>
