import { describe, expect, it } from 'vitest'
import type { OrganiserRecord } from '../../src/storage/ports/OrganiserStore.ts'
import type { MakePorts } from './fixtures.ts'

const organiser = (over: Partial<OrganiserRecord> = {}): OrganiserRecord => ({
  id: 'org-1',
  name: 'Anna de Vries',
  email: 'anna@gemeente.example',
  passwordHash: 'scrypt$16$8$1$c2FsdA$aGFzaA',
  oidc: null,
  createdAt: 1000,
  ...over,
})

/** The contract every `OrganiserStore` adapter passes (`src/storage/ports/OrganiserStore.ts`). */
export function organiserStoreContract(name: string, make: MakePorts): void {
  describe(`OrganiserStore contract: ${name}`, () => {
    it('[OA14] stores organisers, finds them by id, email and OIDC identity, and refuses a taken email or identity', async () => {
      const s = await make()
      const store = s.organisers
      expect(await store.countOrganisers()).toBe(0)
      expect(await store.createOrganiser(organiser())).toBe(true)
      const oidc = organiser({
        id: 'org-2',
        name: 'Bram',
        email: null,
        passwordHash: null,
        oidc: { issuer: 'https://idp.example', subject: 'sub-1' },
      })
      expect(await store.createOrganiser(oidc)).toBe(true)
      // A second organiser without email is fine (NULLs are not a duplicate).
      expect(await store.createOrganiser(organiser({ id: 'org-3', email: null }))).toBe(true)
      expect(await store.countOrganisers()).toBe(3)
      expect(await store.getOrganiser('org-1')).toEqual(organiser())
      expect(await store.findOrganiserByEmail('anna@gemeente.example')).toEqual(organiser())
      expect(await store.findOrganiserByOidc('https://idp.example', 'sub-1')).toEqual(oidc)
      expect(await store.findOrganiserByOidc('https://other.example', 'sub-1')).toBeNull()
      expect(await store.getOrganiser('nobody')).toBeNull()
      // Taken email, taken identity, taken id: nothing stored.
      expect(await store.createOrganiser(organiser({ id: 'org-4' }))).toBe(false)
      expect(await store.createOrganiser({ ...oidc, id: 'org-5' })).toBe(false)
      expect(await store.createOrganiser(organiser({ email: 'x@example.nl' }))).toBe(false)
      expect(await store.countOrganisers()).toBe(3)
      await s.close()
    })

    it('[OA14] updates name, email and password hash; refuses an email of another', async () => {
      const s = await make()
      const store = s.organisers
      await store.createOrganiser(organiser())
      await store.createOrganiser(organiser({ id: 'org-2', email: 'bram@example.nl' }))
      expect(await store.updateOrganiser('org-1', { name: 'Anna' })).toBe(true)
      expect(await store.updateOrganiser('org-1', { passwordHash: 'new' })).toBe(true)
      expect(await store.getOrganiser('org-1')).toMatchObject({
        name: 'Anna',
        passwordHash: 'new',
        email: 'anna@gemeente.example',
      })
      expect(await store.updateOrganiser('org-1', { email: 'bram@example.nl' })).toBe(false)
      expect(await store.updateOrganiser('org-1', { email: null })).toBe(true)
      expect((await store.getOrganiser('org-1'))?.email).toBeNull()
      expect(await store.updateOrganiser('nobody', { name: 'x' })).toBe(false)
      await s.close()
    })

    it('[OA14] keeps sessions by id, slides their expiry, deletes one, all of an organiser, or the expired', async () => {
      const s = await make()
      const store = s.organisers
      const session = (id: string, organiserId: string, expiresAt: number) => ({
        id,
        organiserId,
        csrfToken: `csrf-${id}`,
        createdAt: 10,
        lastSeenAt: 10,
        expiresAt,
      })
      await store.createSession(session('s1', 'org-1', 100))
      await store.createSession(session('s2', 'org-1', 200))
      await store.createSession(session('s3', 'org-2', 300))
      expect(await store.getSession('s1')).toEqual(session('s1', 'org-1', 100))
      await store.touchSession('s1', 50, 150)
      expect(await store.getSession('s1')).toMatchObject({ lastSeenAt: 50, expiresAt: 150 })
      await store.touchSession('gone', 50, 150)
      expect(await store.getSession('gone')).toBeNull()
      await store.deleteSession('s1')
      expect(await store.getSession('s1')).toBeNull()
      expect(await store.deleteExpiredSessions(200)).toBe(1)
      expect(await store.getSession('s2')).toBeNull()
      expect(await store.getSession('s3')).not.toBeNull()
      await store.createSession(session('s4', 'org-2', 400))
      expect(await store.deleteSessionsOf('org-2')).toBe(2)
      expect(await store.getSession('s4')).toBeNull()
      await s.close()
    })

    it('[OA14] hands a sign-in flow out once, also to two takers at the same moment', async () => {
      const s = await make()
      const store = s.organisers
      const flow = { id: 'f1', codeVerifier: 'v', nonce: 'n', returnTo: '/b/x', expiresAt: 500 }
      await store.saveSignInFlow(flow)
      await store.saveSignInFlow({ ...flow, id: 'f2' })
      await store.saveSignInFlow({ ...flow, id: 'f3', expiresAt: 100 })
      const takes = await Promise.all([store.takeSignInFlow('f1'), store.takeSignInFlow('f1')])
      expect(takes.filter((t) => t !== null)).toEqual([flow])
      expect(await store.takeSignInFlow('f1')).toBeNull()
      await store.deleteExpiredSignInFlows(100)
      expect(await store.takeSignInFlow('f3')).toBeNull()
      expect(await store.takeSignInFlow('f2')).toEqual({ ...flow, id: 'f2' })
      await s.close()
    })

    it('[OA14] counts failed sign-ins per key within a window and forgets them', async () => {
      const s = await make()
      const store = s.organisers
      await store.recordSignInFailure(['addr:a', 'acct:x'], 10)
      await store.recordSignInFailure(['addr:a', 'acct:y'], 20)
      await store.recordSignInFailure(['addr:a'], 30)
      expect(await store.countSignInFailures('addr:a', 0)).toBe(3)
      expect(await store.countSignInFailures('addr:a', 10)).toBe(2)
      expect(await store.countSignInFailures('acct:x', 0)).toBe(1)
      expect(await store.countSignInFailures('nobody', 0)).toBe(0)
      await store.clearSignInFailures('acct:y', 10)
      expect(await store.countSignInFailures('acct:y', 0)).toBe(0)
      expect(await store.countSignInFailures('acct:x', 0)).toBe(0)
      expect(await store.countSignInFailures('addr:a', 0)).toBe(2)
      await s.close()
    })
  })
}
