export type AdmissionOptions = {
  /** Spacing between upgrades admitted from an address with one recent violation; doubles with each more. */
  delayMs: number
  /** The largest spacing (the backoff's cap); 0 turns the throttle off. */
  maxDelayMs: number
  /** Upgrades from one throttled address that may wait at once; more are refused (HTTP 429). */
  maxPending: number
  /** An address's violation count halves every this many ms (so an address that behaves is forgotten). */
  halfLifeMs: number
  /** Addresses remembered at most (the oldest are forgotten first). */
  maxAddresses?: number
  now?: () => number
}

export type Admission =
  /** Go ahead after `waitMs` (0: at once); call `done()` when the wait is over or the socket went away. */
  | { admit: true; waitMs: number; done: () => void }
  /** Refused: too many upgrades from this address are already waiting. */
  | { admit: false; retryAfterSeconds: number }

type AddressState = {
  /** Violations, decayed to `at`. */
  violations: number
  at: number
  /** When the next upgrade from this address may go ahead. */
  nextSlot: number
  pending: number
}

/**
 * Admission control for WebSocket upgrades, per client address, driven by protocol violations only: an address
 * whose connections were recently closed for breaking the protocol has its next upgrades spaced out (a tarpit: the
 * spacing doubles with each recent violation, up to `maxDelayMs`), and while `maxPending` of them wait, more are
 * refused with a retry time. An address that never broke the protocol is never delayed or refused, however many
 * connections it opens (a municipality's staff sit behind one NAT address). Connections already open are never
 * touched: this only decides when a new one starts.
 *
 * Spacing rather than a per-upgrade delay: an attacker opening many upgrades at once gets them one per slot, so
 * its rate — and what its connections cost the server — is bounded whatever its concurrency.
 */
export class AdmissionControl {
  readonly #options: Required<AdmissionOptions>
  readonly #addresses = new Map<string, AddressState>()

  constructor(options: AdmissionOptions) {
    this.#options = { maxAddresses: 10_000, now: () => performance.now(), ...options }
  }

  /** Records that a connection from `address` broke the protocol. */
  violation(address: string): void {
    if (this.#options.maxDelayMs <= 0) return
    const now = this.#options.now()
    let state = this.#addresses.get(address)
    if (!state) {
      this.#forgetOldest()
      state = { violations: 0, at: now, nextSlot: now, pending: 0 }
      this.#addresses.set(address, state)
    }
    this.#decay(state, now)
    // Counted up to the point where the spacing is at its cap, and a little beyond: an address that stops is
    // forgotten within a few half-lives however long it went on.
    state.violations = Math.min(state.violations + 1, this.#violationsAtCap() + 2)
  }

  /** Whether and when an upgrade from `address` may go ahead. */
  admit(address: string): Admission {
    const state = this.#addresses.get(address)
    if (!state) return ADMIT_NOW
    const now = this.#options.now()
    this.#decay(state, now)
    const spacing = this.#spacing(state.violations)
    if (spacing === 0) {
      if (state.pending === 0) this.#addresses.delete(address)
      return ADMIT_NOW
    }
    if (state.pending >= this.#options.maxPending) {
      return { admit: false, retryAfterSeconds: Math.max(1, Math.ceil((state.nextSlot - now) / 1000)) }
    }
    const at = Math.max(now, state.nextSlot)
    state.nextSlot = at + spacing
    if (at === now) return ADMIT_NOW
    state.pending++
    let done = false
    return {
      admit: true,
      waitMs: at - now,
      done: () => {
        if (done) return
        done = true
        state.pending--
      },
    }
  }

  /** Addresses remembered (for tests and metrics). */
  get size(): number {
    return this.#addresses.size
  }

  #spacing(violations: number): number {
    const { delayMs, maxDelayMs } = this.#options
    // Rounded: one violation counts for about one half-life.
    const count = Math.round(violations)
    if (count < 1 || maxDelayMs <= 0) return 0
    return Math.min(maxDelayMs, delayMs * 2 ** (count - 1))
  }

  #violationsAtCap(): number {
    const { delayMs, maxDelayMs } = this.#options
    return 1 + Math.ceil(Math.log2(Math.max(1, maxDelayMs / Math.max(delayMs, 1e-3))))
  }

  #decay(state: AddressState, now: number): void {
    if (now > state.at) {
      state.violations *= 0.5 ** ((now - state.at) / this.#options.halfLifeMs)
      state.at = now
    }
  }

  /** Keeps the table bounded: forgets addresses with nothing waiting, least recently added first. */
  #forgetOldest(): void {
    const { maxAddresses } = this.#options
    if (this.#addresses.size < maxAddresses) return
    for (const [address, state] of this.#addresses) {
      if (state.pending === 0) this.#addresses.delete(address)
      if (this.#addresses.size < maxAddresses * 0.9) return
    }
  }
}

const ADMIT_NOW: Admission = { admit: true, waitMs: 0, done: () => {} }
