import type { IncomingMessage, ServerResponse } from 'node:http'
import type { SignInResponse } from '@waardentafel/protocol'
import { AppError } from '../../errors.ts'
import type { OrganiserStore } from '../../storage/ports/OrganiserStore.ts'
import type { OrganiserConfig } from './OrganiserConfig.ts'
import type { OrganiserSessions } from './OrganiserSessions.ts'
import { digest } from './OrganiserSessions.ts'
import { hashPassword, needsRehash, verifyNobody, verifyPassword } from './passwords.ts'

/** The organiser as the API shows them. */
export const organiserView = (o: { id: string; name: string; email: string | null }) => ({
  id: o.id,
  name: o.name,
  email: o.email,
})

/**
 * Sign-in with an email and password (the local organiser account). Failed attempts are counted in the store per
 * address and per account (the email's hash, so unknown emails are not kept as typed) within a window; past either
 * bound the attempt is refused before the password is even checked (429 RATE_LIMITED), a right password included.
 */
export class LocalSignIn {
  readonly #store: OrganiserStore
  readonly #sessions: OrganiserSessions
  readonly #limits: OrganiserConfig['signInFailures']
  readonly #now: () => number

  constructor(
    store: OrganiserStore,
    sessions: OrganiserSessions,
    limits: OrganiserConfig['signInFailures'],
    now: () => number = Date.now,
  ) {
    this.#store = store
    this.#sessions = sessions
    this.#limits = limits
    this.#now = now
  }

  async signIn(
    req: IncomingMessage,
    res: ServerResponse,
    input: { email: string; password: string; address: string },
  ): Promise<SignInResponse> {
    const email = input.email.trim().toLowerCase()
    const account = `acct:${digest(email)}`
    const address = `addr:${input.address}`
    const now = this.#now()
    const since = now - this.#limits.windowMs
    const [byAccount, byAddress] = await Promise.all([
      this.#store.countSignInFailures(account, since),
      this.#store.countSignInFailures(address, since),
    ])
    if (byAccount >= this.#limits.perAccount || byAddress >= this.#limits.perAddress) {
      res.setHeader('retry-after', String(Math.ceil(this.#limits.windowMs / 1000)))
      throw new AppError('RATE_LIMITED', 'too many failed sign-ins; try again later')
    }
    const organiser = await this.#store.findOrganiserByEmail(email)
    const ok = organiser?.passwordHash
      ? await verifyPassword(input.password, organiser.passwordHash)
      : await verifyNobody(input.password)
    if (!organiser || !ok) {
      await this.#store.recordSignInFailure([account, address], now)
      // Failures older than the window count for nothing: dropped as new ones come in, so a flood leaves no pile.
      await this.#store.clearSignInFailures('', since)
      throw new AppError('SIGN_IN_FAILED', 'wrong email or password')
    }
    await this.#store.clearSignInFailures(account, since)
    if (organiser.passwordHash && needsRehash(organiser.passwordHash)) {
      await this.#store.updateOrganiser(organiser.id, { passwordHash: await hashPassword(input.password) })
    }
    const csrfToken = await this.#sessions.start(req, res, organiser)
    return { organiser: organiserView(organiser), csrfToken }
  }
}
