import type { ServerResponse } from 'node:http'
import { clientAddress } from '../../admission/clientAddress.ts'
import { AppError } from '../../errors.ts'
import type { Handlers } from '../../http/context.ts'
import { organiserView } from './LocalSignIn.ts'
import type { OrganiserSignIn } from './OrganiserSignIn.ts'

type AuthRouteName = 'authMe' | 'authLocal' | 'authLogout' | 'authOidcStart' | 'authOidcCallback'

function redirect(res: ServerResponse, location: string): undefined {
  res.statusCode = 302
  res.setHeader('location', location)
  res.setHeader('cache-control', 'no-store')
  res.end()
  return undefined
}

/** A person arrives at the OpenID routes in a browser: a failed sign-in sends them home, which says so. */
function failedSignIn(res: ServerResponse, error: unknown): undefined {
  if (error instanceof AppError && error.code === 'SIGN_IN_FAILED') {
    return redirect(res, `/?signInError=${error.code}`)
  }
  throw error
}

/** The handlers of `authRoutes.ts`: who is signed in, local sign-in, sign-out, and the OpenID Connect flow. */
export function authHandlers(signIn: OrganiserSignIn): Pick<Handlers, AuthRouteName> {
  return {
    authMe: async ({ req, res }) => {
      // Answers carry the CSRF token: never cached, and (no CORS) readable by this origin only.
      res.setHeader('cache-control', 'no-store')
      const current = await signIn.sessions.current(req)
      return {
        organiser: current ? organiserView(current.organiser) : null,
        csrfToken: current?.session.csrfToken ?? null,
        methods: { local: signIn.local !== null, oidc: signIn.oidc !== null },
      }
    },
    authLocal: async ({ req, res, body }) => {
      res.setHeader('cache-control', 'no-store')
      if (!signIn.local) throw new AppError('SIGN_IN_FAILED', 'local accounts are turned off on this server')
      const address = clientAddress(req, signIn.trustProxy)
      return signIn.local.signIn(req, res, { email: body.email, password: body.password, address })
    },
    authLogout: async ({ req, res }) => {
      // A signed-in caller proves it is this origin's page (CSRF), so no other site can sign an organiser out.
      await signIn.auth.resolve(req)
      await signIn.sessions.end(req, res)
      return { ok: true }
    },
    authOidcStart: async ({ res, query, baseUrl }) => {
      if (!signIn.oidc) throw new AppError('NOT_FOUND', 'OpenID Connect is not configured on this server')
      try {
        return redirect(res, await signIn.oidc.start(res, query.get('returnTo'), baseUrl))
      } catch (error) {
        return failedSignIn(res, error)
      }
    },
    authOidcCallback: async ({ req, res, query, baseUrl }) => {
      if (!signIn.oidc) throw new AppError('NOT_FOUND', 'OpenID Connect is not configured on this server')
      try {
        return redirect(res, await signIn.oidc.callback(req, res, query, baseUrl))
      } catch (error) {
        return failedSignIn(res, error)
      }
    },
  }
}
