import { randomBytes } from 'node:crypto'
import { hashPassword } from '../src/org/auth/passwords.ts'
import type { OrganiserStore } from '../src/storage/ports/OrganiserStore.ts'

/** A signed-in organiser's client: the session cookie and CSRF token from the real `POST /api/auth/local`. */
export type OrgClient = {
  id: string
  name: string
  email: string
  call<T = unknown>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }>
  /** The same session, sent to another instance (multi-instance mode). */
  at(url: string): OrgClient
}

/** A quick scrypt cost for test accounts (the hash carries its cost; sign-in re-hashes it at the real one). */
const TEST_COST = { logN: 10, r: 8, p: 1 }

/** Stores an organiser with a local password (as an operator's account would be), without signing in. */
export async function makeOrganiser(
  organisers: OrganiserStore,
  name: string,
): Promise<{ id: string; name: string; email: string; password: string }> {
  const id = `org-${randomBytes(6).toString('hex')}`
  const email = `${name.toLowerCase().replace(/\W/g, '')}.${id}@gemeente.example`
  const password = randomBytes(12).toString('base64url')
  const created = await organisers.createOrganiser({
    id,
    name,
    email,
    passwordHash: await hashPassword(password, TEST_COST),
    oidc: null,
    createdAt: Date.now(),
  })
  if (!created) throw new Error('organiser not stored')
  return { id, name, email, password }
}

/** Makes an organiser and signs them in through the real sign-in route. */
export async function signIn(url: string, organisers: OrganiserStore, name: string): Promise<OrgClient> {
  const account = await makeOrganiser(organisers, name)
  const res = await fetch(`${url}/api/auth/local`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: account.email, password: account.password }),
  })
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`)
  const { csrfToken } = (await res.json()) as { csrfToken: string }
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ')
  const headers = { cookie, 'x-csrf-token': csrfToken }
  const at = (base: string): OrgClient => ({ ...account, call: caller(base, headers), at })
  return at(url)
}

/** A client that is not signed in. */
export function signedOut(url: string): OrgClient {
  const at = (base: string): OrgClient => ({ id: '', name: '', email: '', call: caller(base, {}), at })
  return at(url)
}

function caller(url: string, headers: Record<string, string>): OrgClient['call'] {
  return async <T>(method: string, path: string, body?: unknown) => {
    const res = await fetch(`${url}${path}`, {
      method,
      headers: { ...headers, ...(method === 'GET' ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? (method === 'GET' ? {} : { body: '{}' }) : { body: JSON.stringify(body) }),
    })
    const text = await res.text()
    return { status: res.status, body: (text ? JSON.parse(text) : null) as T }
  }
}
