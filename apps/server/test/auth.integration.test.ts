import { randomBytes } from 'node:crypto'
import { Writable } from 'node:stream'
import { CSRF_HEADER } from '@waardentafel/protocol'
import { pino } from 'pino'
import { afterEach, describe, expect, it } from 'vitest'
import { ConfigError, parseConfig } from '../src/config.ts'
import { ensureLocalOrganiser } from '../src/org/auth/localOrganiser.ts'
import { digest } from '../src/org/auth/OrganiserSessions.ts'
import { startServer, type TestServer } from './harness.ts'
import {
  browserFetch,
  CookieJar,
  signInAtProvider,
  startOidcProvider,
  type TestProvider,
} from './support/oidcProvider.ts'

const EMAIL = 'organisator@localhost'
const PASSWORD = 'een-lang-wachtwoord-voor-tests'
const silent = pino({ level: 'silent' })

let servers: TestServer[] = []
let providers: TestProvider[] = []
afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()))
  await Promise.all(providers.map((p) => p.close()))
  servers = []
  providers = []
})

/** A server that needs sign-in to create boards, with its local organiser account made as on a first start. */
async function start(env: Record<string, string> = {}): Promise<TestServer> {
  const srv = await startServer({ OPEN_BOARD_CREATION: 'false', LOCAL_ORGANISER_PASSWORD: PASSWORD, ...env })
  servers.push(srv)
  await ensureLocalOrganiser(srv.storage.organisers, srv.config.organisers.local, silent)
  return srv
}

type Session = {
  cookie: string
  csrfToken: string
  organiser: { id: string; name: string; email: string | null }
}

const cookieOf = (res: Response, name = 'wt_session') =>
  res.headers
    .getSetCookie()
    .find((c) => c.startsWith(`${name}=`))
    ?.split(';')[0] ?? ''

async function signIn(url: string, email = EMAIL, password = PASSWORD, headers: Record<string, string> = {}) {
  return fetch(`${url}/api/auth/local`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ email, password }),
  })
}

async function session(url: string, email = EMAIL, password = PASSWORD): Promise<Session> {
  const res = await signIn(url, email, password)
  expect(res.status).toBe(200)
  const body = (await res.json()) as Omit<Session, 'cookie'>
  return { ...body, cookie: cookieOf(res) }
}

async function me(url: string, cookie?: string) {
  const res = await fetch(`${url}/api/auth/me`, { headers: cookie ? { cookie } : {} })
  expect(res.status).toBe(200)
  return (await res.json()) as {
    organiser: Session['organiser'] | null
    csrfToken: string | null
    methods: { local: boolean; oidc: boolean }
  }
}

function post(
  url: string,
  path: string,
  options: { cookie?: string; csrf?: string; origin?: string; body?: unknown },
) {
  return fetch(`${url}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(options.cookie ? { cookie: options.cookie } : {}),
      ...(options.csrf ? { [CSRF_HEADER]: options.csrf } : {}),
      ...(options.origin ? { origin: options.origin } : {}),
    },
    body: JSON.stringify(options.body ?? {}),
  })
}

const errorCode = async (res: Response) => ((await res.json()) as { error: { code: string } }).error.code

/** A pino logger whose lines are kept, to read what a start-up logged. */
function capturingLog() {
  const lines: Array<Record<string, unknown>> = []
  const stream = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n')) if (line) lines.push(JSON.parse(line))
      done()
    },
  })
  return { log: pino({ level: 'info' }, stream), lines }
}

describe('local organiser account', () => {
  it('[OA2] is made on a first start with a generated password logged once (Dutch and English), kept on later starts, replaced by LOCAL_ORGANISER_PASSWORD, off with LOCAL_ACCOUNTS=false', async () => {
    const srv = await startServer({ OPEN_BOARD_CREATION: 'false' })
    servers.push(srv)
    const store = srv.storage.organisers
    const first = capturingLog()
    const made = await ensureLocalOrganiser(store, srv.config.organisers.local, first.log)
    expect(made).toEqual({ kind: 'created', generatedPassword: expect.stringMatching(/^[\w-]{24}$/) })
    const line = first.lines.find((l) => typeof l.password === 'string')
    expect(line?.msg).toMatch(/Lokaal organisatoraccount aangemaakt.*local organiser account created/)
    const password = String(line?.password)
    expect(made.kind === 'created' && made.generatedPassword).toBe(password)
    expect(String(line?.msg)).toContain(password)
    expect((await me(srv.url, (await session(srv.url, EMAIL, password)).cookie)).organiser?.email).toBe(EMAIL)

    // The next start logs no password, and the account keeps it.
    const second = capturingLog()
    expect(await ensureLocalOrganiser(store, srv.config.organisers.local, second.log)).toEqual({
      kind: 'kept',
    })
    expect(second.lines.some((l) => 'password' in l || String(l.msg).includes(password))).toBe(false)
    expect(await store.countOrganisers()).toBe(1)

    // An operator who lost it sets LOCAL_ORGANISER_PASSWORD: the account takes it, its sessions end.
    const old = await session(srv.url, EMAIL, password)
    const reset = { ...srv.config.organisers.local!, password: PASSWORD }
    expect(await ensureLocalOrganiser(store, reset, silent)).toEqual({ kind: 'password-set' })
    expect((await me(srv.url, old.cookie)).organiser).toBeNull()
    expect((await signIn(srv.url, EMAIL, password)).status).toBe(401)
    expect((await signIn(srv.url, EMAIL, PASSWORD)).status).toBe(200)

    // OIDC-only production: no local account, no password sign-in.
    const off = await start({ LOCAL_ACCOUNTS: 'false' })
    expect(await off.storage.organisers.countOrganisers()).toBe(0)
    expect((await me(off.url)).methods).toEqual({ local: false, oidc: false })
    const refused = await signIn(off.url)
    expect(refused.status).toBe(401)
    expect(await errorCode(refused)).toBe('SIGN_IN_FAILED')
  })

  it('[OA3] signs in with the right password, refuses a wrong one or an unknown email alike, and signs out for good', async () => {
    const srv = await start()
    expect(await me(srv.url)).toEqual({
      organiser: null,
      csrfToken: null,
      methods: { local: true, oidc: false },
    })
    for (const [email, password] of [
      [EMAIL, 'wrong-password-0000'],
      ['nobody@gemeente.example', PASSWORD],
    ] as const) {
      const res = await signIn(srv.url, email, password)
      expect(res.status).toBe(401)
      expect(await errorCode(res)).toBe('SIGN_IN_FAILED')
      expect(res.headers.getSetCookie()).toEqual([])
    }
    // The email is matched whatever its case and spaces.
    const s = await session(srv.url, ` ${EMAIL.toUpperCase()} `)
    expect(s.organiser).toMatchObject({ name: 'Organisator', email: EMAIL })
    expect(s.csrfToken).toMatch(/^[\w-]{43}$/)
    expect(await me(srv.url, s.cookie)).toEqual({
      organiser: s.organiser,
      csrfToken: s.csrfToken,
      methods: { local: true, oidc: false },
    })
    const out = await post(srv.url, '/api/auth/logout', { cookie: s.cookie, csrf: s.csrfToken })
    expect(out.status).toBe(200)
    expect(out.headers.getSetCookie()[0]).toMatch(/^wt_session=; .*Max-Age=0/)
    // The row is gone: the old cookie, kept by an attacker, signs nobody in.
    const value = s.cookie.split('=')[1] ?? ''
    expect(await srv.storage.organisers.getSession(digest(value))).toBeNull()
    expect((await me(srv.url, s.cookie)).organiser).toBeNull()
    expect(
      (await post(srv.url, '/api/boards', { cookie: s.cookie, csrf: s.csrfToken, body: { title: 'x' } }))
        .status,
    ).toBe(401)
    // Signing in again on a browser that has a session ends that one (no value from before a sign-in stays valid).
    const before = await session(srv.url)
    const again = await signIn(srv.url, EMAIL, PASSWORD, { cookie: before.cookie })
    expect(again.status).toBe(200)
    expect((await me(srv.url, before.cookie)).organiser).toBeNull()
    expect((await me(srv.url, cookieOf(again))).organiser?.email).toBe(EMAIL)
  })

  it('[OA4] bounds failed sign-ins per account and per address; past a bound even the right password waits', async () => {
    const srv = await start({
      TRUST_PROXY: 'true',
      SIGN_IN_FAILURES_PER_ACCOUNT: '3',
      SIGN_IN_FAILURES_PER_ADDRESS: '6',
    })
    const from = (address: string) => ({ 'x-forwarded-for': address })
    // An account guessed at from many addresses: locked after 3 failures, the right password included.
    for (let i = 0; i < 3; i++) {
      expect((await signIn(srv.url, EMAIL, `guess-${i}-xxxxxxxx`, from(`192.0.2.${i + 1}`))).status).toBe(401)
    }
    const locked = await signIn(srv.url, EMAIL, PASSWORD, from('192.0.2.50'))
    expect(locked.status).toBe(429)
    expect(await errorCode(locked)).toBe('RATE_LIMITED')
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0)

    // One address guessing many accounts: locked after 6 failures, whatever account it tries next.
    const other = await start({
      TRUST_PROXY: 'true',
      SIGN_IN_FAILURES_PER_ACCOUNT: '3',
      SIGN_IN_FAILURES_PER_ADDRESS: '6',
    })
    for (let i = 0; i < 6; i++) {
      expect(
        (await signIn(other.url, `user${i}@gemeente.example`, 'guess-xxxxxxxx', from('198.51.100.7'))).status,
      ).toBe(401)
    }
    expect((await signIn(other.url, EMAIL, PASSWORD, from('198.51.100.7'))).status).toBe(429)
    // Another address is not held up by it.
    expect((await signIn(other.url, EMAIL, PASSWORD, from('198.51.100.8'))).status).toBe(200)
  })
})

describe('sessions', () => {
  it('[OA5] the session cookie is HttpOnly, SameSite=Lax, Path=/, Secure behind https, and only its hash is stored', async () => {
    const srv = await start()
    const res = await signIn(srv.url)
    const [cookie] = res.headers.getSetCookie()
    expect(cookie).toMatch(/^wt_session=[\w-]{43}; /)
    const attributes = cookie!.split('; ').slice(1)
    expect(attributes).toEqual(expect.arrayContaining(['Path=/', 'HttpOnly', 'SameSite=Lax']))
    expect(attributes).not.toContain('Secure')
    expect(res.headers.get('cache-control')).toBe('no-store')
    const value = cookieOf(res).split('=')[1] ?? ''
    expect(await srv.storage.organisers.getSession(value)).toBeNull()
    expect(await srv.storage.organisers.getSession(digest(value))).not.toBeNull()

    const https = await start({ PUBLIC_URL: 'https://waardentafel.gemeente.example' })
    const secure = (await signIn(https.url)).headers.getSetCookie()[0]!
    expect(secure.split('; ')).toContain('Secure')
  })

  it('[OA6] a state-changing request without the session’s CSRF token is refused and changes nothing', async () => {
    const srv = await start()
    const anna = await session(srv.url)
    const store = srv.storage.organisers
    await store.createOrganiser({
      id: 'other-organiser',
      name: 'Bram',
      email: 'bram@gemeente.example',
      passwordHash: (await store.findOrganiserByEmail(EMAIL))!.passwordHash,
      oidc: null,
      createdAt: Date.now(),
    })
    const bram = await session(srv.url, 'bram@gemeente.example', PASSWORD)
    const usage = () => srv.storage.organiserUsage(anna.organiser.id)
    const cases: Array<[string, Parameters<typeof post>[2], number, string]> = [
      ['no token', { cookie: anna.cookie }, 403, 'CSRF_FAILED'],
      ['a wrong token', { cookie: anna.cookie, csrf: 'x'.repeat(43) }, 403, 'CSRF_FAILED'],
      ['another organiser’s token', { cookie: anna.cookie, csrf: bram.csrfToken }, 403, 'CSRF_FAILED'],
      [
        'another origin, right token',
        { cookie: anna.cookie, csrf: anna.csrfToken, origin: 'https://evil.example' },
        403,
        'ORIGIN_FORBIDDEN',
      ],
    ]
    for (const [name, options, status, code] of cases) {
      const res = await post(srv.url, '/api/boards', { ...options, body: { title: 'Quickscan' } })
      expect(res.status, name).toBe(status)
      expect(await errorCode(res), name).toBe(code)
    }
    expect((await usage()).boards).toBe(0)
    // Signing out is state-changing too: without the token the session stays.
    expect((await post(srv.url, '/api/auth/logout', { cookie: anna.cookie })).status).toBe(403)
    expect((await me(srv.url, anna.cookie)).organiser?.id).toBe(anna.organiser.id)
    const made = await post(srv.url, '/api/boards', {
      cookie: anna.cookie,
      csrf: anna.csrfToken,
      body: { title: 'Q' },
    })
    expect(made.status).toBe(201)
    expect((await usage()).boards).toBe(1)
  })

  it('[OA7] a forged, unknown or expired cookie signs nobody in', async () => {
    const srv = await start()
    const store = srv.storage.organisers
    const local = (await store.findOrganiserByEmail(EMAIL))!
    const expiredValue = randomBytes(32).toString('base64url')
    await store.createSession({
      id: digest(expiredValue),
      organiserId: local.id,
      csrfToken: 'csrf-of-expired-session-000000000000000000',
      createdAt: Date.now() - 20 * 86_400_000,
      lastSeenAt: Date.now() - 15 * 86_400_000,
      expiresAt: Date.now() - 1000,
    })
    for (const cookie of [
      `wt_session=${randomBytes(32).toString('base64url')}`,
      `wt_session=${expiredValue}`,
      'wt_session=../../etc/passwd',
      `wt_session=${'A'.repeat(5000)}`,
      'wt_session=',
    ]) {
      expect((await me(srv.url, cookie)).organiser, cookie.slice(0, 40)).toBeNull()
      const res = await post(srv.url, '/api/boards', {
        cookie,
        csrf: 'csrf-of-expired-session-000000000000000000',
        body: { title: 'x' },
      })
      expect(res.status).toBe(401)
      expect(await errorCode(res)).toBe('SIGN_IN_REQUIRED')
    }
    // The expired row is deleted when it is shown.
    expect(await store.getSession(digest(expiredValue))).toBeNull()
    // A valid cookie given twice with different values is trusted in neither.
    const s = await session(srv.url)
    expect((await me(srv.url, `${s.cookie}; wt_session=${expiredValue}`)).organiser).toBeNull()
  })
})

describe('board creation', () => {
  it('[OA11] needs a signed-in organiser (or the key, or open creation); the board is recorded as theirs', async () => {
    const srv = await start()
    const anonymous = await post(srv.url, '/api/boards', { body: { title: 'Quickscan' } })
    expect(anonymous.status).toBe(401)
    expect(await errorCode(anonymous)).toBe('SIGN_IN_REQUIRED')
    const importRes = await fetch(`${srv.url}/api/boards/import`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    })
    expect(importRes.status).toBe(401)
    const s = await session(srv.url)
    const made = await post(srv.url, '/api/boards', {
      cookie: s.cookie,
      csrf: s.csrfToken,
      body: { title: 'Quickscan' },
    })
    expect(made.status).toBe(201)
    expect((await srv.storage.organiserUsage(s.organiser.id)).boards).toBe(1)

    // Scripts with the organiser key; a wrong key is named as such.
    const keyed = await start({ ORGANISER_KEY: 'organiser-key-1234', OPEN_BOARD_CREATION: 'true' })
    const withKey = await fetch(`${keyed.url}/api/boards`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer organiser-key-1234' },
      body: '{"title":"x"}',
    })
    expect(withKey.status).toBe(201)
    const wrongKey = await fetch(`${keyed.url}/api/boards`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer organiser-key-0000' },
      body: '{"title":"x"}',
    })
    expect(await errorCode(wrongKey)).toBe('ORGANISER_KEY_REQUIRED')
    // OPEN_BOARD_CREATION does not open a server that has a key.
    expect(await errorCode(await post(keyed.url, '/api/boards', { body: { title: 'x' } }))).toBe(
      'SIGN_IN_REQUIRED',
    )

    // A closed network's server open to anyone.
    const open = await start({ OPEN_BOARD_CREATION: 'true' })
    expect((await post(open.url, '/api/boards', { body: { title: 'x' } })).status).toBe(201)
    expect((await (await fetch(`${open.url}/api/config`)).json()) as object).toMatchObject({
      openBoardCreation: true,
    })
  })
})

describe('OpenID Connect', () => {
  const accounts = {
    'anna-sub': { name: 'Anna de Vries', email: 'anna@gemeente.example' },
    'bram-sub': { name: 'Bram Jansen', email: 'bram@bureau.example' },
  }

  async function withProvider(env: Record<string, string> = {}) {
    const provider = await startOidcProvider(accounts)
    providers.push(provider)
    const srv = await start({
      OIDC_ISSUER: provider.issuer,
      OIDC_CLIENT_ID: provider.clientId,
      OIDC_CLIENT_SECRET: provider.clientSecret,
      ...env,
    })
    provider.register(`${srv.url}/api/auth/oidc/callback`)
    return { provider, srv }
  }

  /** A browser signing in at the provider; returns the app's callback URL the provider sent it to. */
  async function toCallback(
    jar: CookieJar,
    url: string,
    login: string,
    returnTo = '/b/bord?token=t',
  ): Promise<string> {
    const start = await browserFetch(
      jar,
      `${url}/api/auth/oidc/start?returnTo=${encodeURIComponent(returnTo)}`,
    )
    expect(start.status).toBe(302)
    const authorization = new URL(start.headers.get('location')!)
    expect(authorization.searchParams.get('code_challenge_method')).toBe('S256')
    expect(authorization.searchParams.get('redirect_uri')).toBe(`${url}/api/auth/oidc/callback`)
    for (const p of ['state', 'nonce', 'code_challenge'])
      expect(authorization.searchParams.get(p)).toBeTruthy()
    expect(start.headers.getSetCookie()[0]).toMatch(
      /^wt_oidc=[\w-]+; Path=\/api\/auth\/oidc; HttpOnly; SameSite=Lax/,
    )
    return signInAtProvider(jar, authorization.toString(), login)
  }

  it('[OA9] signs in through a real provider (code flow, PKCE, state, nonce): the first time makes the organiser, the next finds them', async () => {
    const { srv, provider } = await withProvider()
    expect((await me(srv.url)).methods).toEqual({ local: true, oidc: true })
    const jar = new CookieJar()
    const callback = await toCallback(jar, srv.url, 'anna-sub')
    expect(callback.startsWith(`${srv.url}/api/auth/oidc/callback?`)).toBe(true)
    const done = await browserFetch(jar, callback)
    expect(done.status).toBe(302)
    expect(done.headers.get('location')).toBe('/b/bord?token=t')
    const cookie = `wt_session=${jar.get(srv.url, 'wt_session')}`
    const first = await me(srv.url, cookie)
    expect(first.organiser).toMatchObject({ name: 'Anna de Vries', email: 'anna@gemeente.example' })
    const stored = await srv.storage.organisers.getOrganiser(first.organiser!.id)
    expect(stored?.oidc).toEqual({ issuer: provider.issuer, subject: 'anna-sub' })
    expect(stored?.passwordHash).toBeNull()

    // Signed in with OIDC, the organiser creates boards like any other.
    const made = await post(srv.url, '/api/boards', {
      cookie,
      csrf: first.csrfToken!,
      body: { title: 'Kansenanalyse' },
    })
    expect(made.status).toBe(201)

    // Again, in another browser: the same organiser, a new session.
    const jar2 = new CookieJar()
    await browserFetch(jar2, await toCallback(jar2, srv.url, 'anna-sub', '/'))
    const second = await me(srv.url, `wt_session=${jar2.get(srv.url, 'wt_session')}`)
    expect(second.organiser?.id).toBe(first.organiser!.id)
    expect(second.csrfToken).not.toBe(first.csrfToken)
    // Another person is another organiser.
    const jar3 = new CookieJar()
    await browserFetch(jar3, await toCallback(jar3, srv.url, 'bram-sub', '/'))
    const bram = await me(srv.url, `wt_session=${jar3.get(srv.url, 'wt_session')}`)
    expect(bram.organiser).toMatchObject({ name: 'Bram Jansen', email: 'bram@bureau.example' })
    expect(bram.organiser?.id).not.toBe(first.organiser!.id)
    expect(await srv.storage.organisers.countOrganisers()).toBe(3) // with the local account
  })

  it('[OA10] refuses an answer without the flow cookie, with another state, replayed, or with an error', async () => {
    const { srv } = await withProvider()
    const refused = async (res: Response) => {
      expect(res.status).toBe(302)
      expect(res.headers.get('location')).toBe('/?signInError=SIGN_IN_FAILED')
      expect(
        res.headers.getSetCookie().some((c) => c.startsWith('wt_session=') && !c.startsWith('wt_session=;')),
      ).toBe(false)
    }
    // Login CSRF: the attacker's own answer, opened in the victim's browser (no flow cookie there).
    const attacker = new CookieJar()
    const attackersCallback = await toCallback(attacker, srv.url, 'bram-sub')
    await refused(await browserFetch(new CookieJar(), attackersCallback))

    // The victim has a flow of their own: the attacker's answer does not match its state.
    const victim = new CookieJar()
    await browserFetch(victim, `${srv.url}/api/auth/oidc/start`)
    await refused(await browserFetch(victim, attackersCallback))

    // A replayed answer: used once, then sent again with the same flow cookie.
    const jar = new CookieJar()
    const callback = await toCallback(jar, srv.url, 'anna-sub')
    const flowCookie = jar.get(srv.url, 'wt_oidc')!
    expect((await browserFetch(jar, callback)).headers.get('location')).toBe('/b/bord?token=t')
    jar.set(srv.url, 'wt_oidc', flowCookie)
    jar.delete(srv.url, 'wt_session')
    await refused(await browserFetch(jar, callback))

    // The provider says no (the person cancelled): refused, and the flow is used up.
    const cancel = new CookieJar()
    const start = await browserFetch(cancel, `${srv.url}/api/auth/oidc/start`)
    const state = new URL(start.headers.get('location')!).searchParams.get('state')!
    await refused(
      await browserFetch(cancel, `${srv.url}/api/auth/oidc/callback?error=access_denied&state=${state}`),
    )
    // A made-up code for a valid flow: the provider does not vouch for it.
    const forged = new CookieJar()
    const forgedStart = await browserFetch(forged, `${srv.url}/api/auth/oidc/start`)
    const forgedState = new URL(forgedStart.headers.get('location')!).searchParams.get('state')!
    await refused(
      await browserFetch(forged, `${srv.url}/api/auth/oidc/callback?code=made-up&state=${forgedState}`),
    )
    expect(await srv.storage.organisers.countOrganisers()).toBe(2) // the local account and Anna
  })

  it('[OA8] returns only to a path on this server (no open redirect)', async () => {
    const { srv } = await withProvider()
    for (const [returnTo, expected] of [
      ['https://evil.example/phish', '/'],
      ['//evil.example/phish', '/'],
      ['/\\evil.example', '/'],
      ['/b/bord?token=abc', '/b/bord?token=abc'],
    ] as const) {
      const jar = new CookieJar()
      const done = await browserFetch(jar, await toCallback(jar, srv.url, 'anna-sub', returnTo))
      expect(done.headers.get('location'), returnTo).toBe(expected)
    }
  })

  it('[OA13] the OpenID routes answer 404 where OIDC is not configured', async () => {
    const srv = await start()
    const res = await fetch(`${srv.url}/api/auth/oidc/start`, { redirect: 'manual' })
    expect(res.status).toBe(404)
    expect((await fetch(`${srv.url}/api/auth/oidc/callback?state=x`, { redirect: 'manual' })).status).toBe(
      404,
    )
  })

  it('[OA13] a provider that cannot be reached sends the browser home with the reason, and nothing is stored', async () => {
    const gone = await startOidcProvider(accounts)
    await gone.close()
    const srv = await start({ OIDC_ISSUER: gone.issuer, OIDC_CLIENT_ID: gone.clientId })
    const res = await fetch(`${srv.url}/api/auth/oidc/start?returnTo=/`, { redirect: 'manual' })
    expect(res.status).toBe(302)
    expect(res.headers.get('location')).toBe('/?signInError=SIGN_IN_FAILED')
    expect(res.headers.getSetCookie()).toEqual([])
  })

  it('[OA13] refuses an OIDC configuration without a client id, or with a plain-http issuer elsewhere than this machine', () => {
    expect(() => parseConfig({ OIDC_ISSUER: 'https://login.example' })).toThrow(ConfigError)
    expect(() =>
      parseConfig({ OIDC_ISSUER: 'http://keycloak.gemeente.example/realms/x', OIDC_CLIENT_ID: 'c' }),
    ).toThrow(/https/)
    const local = parseConfig({ OIDC_ISSUER: 'http://localhost:8081/realms/x', OIDC_CLIENT_ID: 'c' })
    expect(local.organisers.oidc).toEqual({
      issuer: 'http://localhost:8081/realms/x',
      clientId: 'c',
      clientSecret: null,
      scopes: 'openid email profile',
    })
    expect(parseConfig({}).organisers).toMatchObject({
      local: { email: 'organisator@localhost', name: 'Organisator', password: null },
      oidc: null,
      sessionIdleMs: 14 * 86_400_000,
      sessionMaxMs: 30 * 86_400_000,
      openBoardCreation: false,
    })
  })
})
