import type { Role } from '@waardentafel/protocol'

/** Who held a presence client id: the role and link generation of its token, and when it was freed (if it was). */
type Holder = {
  role: Role
  generation: number
  /** The room's presence epoch when the id was freed; `Infinity` while it is held. */
  freedAt: number
  /** When the memory of it ends (ms, `now()` clock); `Infinity` while held here. */
  until: number
}

/** Past this many remembered ids per room, the least recently touched one is forgotten. */
export const MAX_REMEMBERED_HOLDERS = 10_000

/**
 * Which role and link generation last held each presence client id of a room, remembered for `memoryMs` after the
 * id was freed (its holder left, here or on another instance) and for at most `MAX_REMEMBERED_HOLDERS` ids. While
 * remembered, only a connection of the same role and no older link generation may take the id: a facilitator's id
 * is never taken by a participant or an observer after a network blip ([P2] in apps/server/SPEC.md).
 */
export class PresenceHolders {
  readonly #holders = new Map<number, Holder>()
  readonly #memoryMs: number
  readonly #now: () => number

  constructor(memoryMs: number, now: () => number = Date.now) {
    this.#memoryMs = memoryMs
    this.#now = now
  }

  /** A connection here took the id. */
  held(client: number, role: Role, generation: number): void {
    this.#set(client, {
      role,
      generation,
      freedAt: Number.POSITIVE_INFINITY,
      until: Number.POSITIVE_INFINITY,
    })
  }

  /** The id's holder here left, at presence epoch `epoch`. */
  freed(client: number, epoch: number): void {
    const holder = this.#holders.get(client)
    if (holder) this.#set(client, { ...holder, freedAt: epoch, until: this.#now() + this.#memoryMs })
  }

  /**
   * Another instance published a state for the id, stamped there with `role` (null: it removed the id at `epoch`).
   * Remembered for `memoryMs` after its last word, since that instance may go away without removing it.
   */
  remote(client: number, role: Role | null, epoch: number): void {
    const known = this.#recall(client)
    if (role === null) {
      if (known) this.#set(client, { ...known, freedAt: epoch, until: this.#now() + this.#memoryMs })
      return
    }
    this.#set(client, {
      role,
      generation: known?.role === role ? known.generation : 0,
      freedAt: Number.POSITIVE_INFINITY,
      until: this.#now() + this.#memoryMs,
    })
  }

  /**
   * Whether a connection with `role` and link `generation`, joined at presence epoch `joinedAt`, may take a free
   * id: 'no' when the id's remembered holder had another role or a newer link generation; 'fresh' when it joined
   * after the id was freed (or nobody is remembered), so what it announces cannot be an echo of the last holder's
   * state; 'echo-possible' otherwise (it may have been sent that state).
   */
  mayTake(
    client: number,
    role: Role,
    generation: number,
    joinedAt: number,
  ): 'no' | 'fresh' | 'echo-possible' {
    const holder = this.#recall(client)
    if (!holder) return 'fresh'
    if (holder.role !== role || generation < holder.generation) return 'no'
    return joinedAt > holder.freedAt ? 'fresh' : 'echo-possible'
  }

  get size(): number {
    return this.#holders.size
  }

  #recall(client: number): Holder | undefined {
    const holder = this.#holders.get(client)
    if (holder && holder.until <= this.#now()) {
      this.#holders.delete(client)
      return undefined
    }
    return holder
  }

  #set(client: number, holder: Holder): void {
    // Re-inserted, so the map's first key is always the least recently touched.
    this.#holders.delete(client)
    if (this.#memoryMs <= 0 && holder.until !== Number.POSITIVE_INFINITY) return
    this.#holders.set(client, holder)
    if (this.#holders.size > MAX_REMEMBERED_HOLDERS) {
      const oldest = this.#holders.keys().next().value
      if (oldest !== undefined) this.#holders.delete(oldest)
    }
  }
}
