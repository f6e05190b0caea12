import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import Provider, { type Configuration } from 'oidc-provider'

/** A person at the test provider: the login typed at its sign-in form is their `sub`. */
export type TestAccount = { name: string; email: string }

export type TestProvider = {
  issuer: string
  clientId: string
  clientSecret: string
  /** Starts answering as a provider whose one client redirects to `redirectUri` (known once the app listens). */
  register(redirectUri: string): void
  close(): Promise<void>
}

/**
 * A real OpenID provider (the `oidc-provider` package, certified by the OpenID Foundation) on port 0, with one
 * confidential client, its development sign-in and consent forms, and `accounts`. Its address is known at once (for
 * the app's `OIDC_ISSUER`); it answers once `register` gave it the app's redirect URI.
 */
export async function startOidcProvider(accounts: Record<string, TestAccount>): Promise<TestProvider> {
  const http: Server = createServer((_req, res) => {
    res.statusCode = 503
    res.end()
  })
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve))
  const issuer = `http://127.0.0.1:${(http.address() as AddressInfo).port}`
  const clientId = 'waardentafel-test'
  const clientSecret = 'waardentafel-test-secret-0123456789'
  const configuration = (redirectUri: string): Configuration => ({
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [redirectUri],
        response_types: ['code'],
        grant_types: ['authorization_code'],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    async findAccount(_ctx, sub) {
      const account = accounts[sub]
      if (!account) return undefined
      return {
        accountId: sub,
        claims: async () => ({ sub, name: account.name, email: account.email, email_verified: true }),
      }
    },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    // The claims of the granted scopes in the ID token itself, as Entra ID and Keycloak put them there.
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: true } },
    pkce: { required: () => true },
    cookies: { keys: ['test-cookie-key-test-cookie-key-0123'] },
  })
  return {
    issuer,
    clientId,
    clientSecret,
    register: (redirectUri) => {
      const provider = new Provider(issuer, configuration(redirectUri))
      http.removeAllListeners('request')
      http.on('request', provider.callback())
    },
    close: () =>
      new Promise<void>((resolve) => {
        http.closeAllConnections()
        http.close(() => resolve())
      }),
  }
}

/** Cookies per origin, as a browser keeps them (names and values; expiry by Max-Age=0 only). */
export class CookieJar {
  readonly #jars = new Map<string, Map<string, string>>()

  header(url: string): string {
    const jar = this.#jars.get(new URL(url).host)
    return jar ? [...jar].map(([k, v]) => `${k}=${v}`).join('; ') : ''
  }

  take(url: string, res: Response): void {
    const host = new URL(url).host
    const jar = this.#jars.get(host) ?? new Map<string, string>()
    this.#jars.set(host, jar)
    for (const line of res.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';')
      const eq = pair.indexOf('=')
      const name = pair.slice(0, eq).trim()
      const value = pair.slice(eq + 1).trim()
      const gone = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a)) || value === ''
      if (gone) jar.delete(name)
      else jar.set(name, value)
    }
  }

  get(url: string, name: string): string | undefined {
    return this.#jars.get(new URL(url).host)?.get(name)
  }

  set(url: string, name: string, value: string): void {
    const host = new URL(url).host
    const jar = this.#jars.get(host) ?? new Map<string, string>()
    jar.set(name, value)
    this.#jars.set(host, jar)
  }

  delete(url: string, name: string): void {
    this.#jars.get(new URL(url).host)?.delete(name)
  }
}

/** One request as a browser would make it: the jar's cookies in, its Set-Cookie out, redirects not followed. */
export async function browserFetch(jar: CookieJar, url: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers)
  const cookies = jar.header(url)
  if (cookies) headers.set('cookie', cookies)
  const res = await fetch(url, { ...init, headers, redirect: 'manual' })
  jar.take(url, res)
  return res
}

/**
 * Drives a browser through the provider: follows its redirects and submits its sign-in form (with `login`) and its
 * consent form, until a redirect leaves the provider. Returns that redirect's URL (the app's callback). Bounded.
 */
export async function signInAtProvider(
  jar: CookieJar,
  authorizationUrl: string,
  login: string,
): Promise<string> {
  const origin = new URL(authorizationUrl).origin
  let url = authorizationUrl
  let init: RequestInit = {}
  for (let step = 0; step < 20; step++) {
    const res = await browserFetch(jar, url, init)
    init = {}
    const location = res.headers.get('location')
    if (res.status >= 300 && res.status < 400 && location) {
      const next = new URL(location, url).toString()
      if (new URL(next).origin !== origin) return next
      url = next
      continue
    }
    const html = await res.text()
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1]
    const prompt = /name="prompt" value="([^"]+)"/.exec(html)?.[1]
    if (res.status !== 200 || !action || !prompt) {
      throw new Error(`provider answered ${res.status}: ${html.slice(0, 300)}`)
    }
    const form = new URLSearchParams({ prompt })
    if (prompt === 'login') {
      form.set('login', login)
      form.set('password', 'any')
    }
    url = new URL(action.replaceAll('&amp;', '&'), url).toString()
    init = {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
    }
  }
  throw new Error('the provider did not send the browser back within 20 steps')
}
