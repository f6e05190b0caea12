import { CloseCodes, RoleSchema } from '@waardentafel/protocol'
import { equalityDeep } from 'lib0/function'
import { decodeUtf8 } from 'lib0/string'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as Y from 'yjs'
import type { Clock, Scheduler, Timer } from '../time/Clock.ts'
import { awarenessMessage } from './messages.ts'
import { PresenceHolders } from './PresenceHolders.ts'
import type { RoomLimits } from './RoomLimits.ts'
import type { RoomSocket } from './RoomSocket.ts'
import { type AwarenessEntry, isRemoval, readAwarenessEntries, stampPresence } from './stampPresence.ts'
import { TokenBucket } from './TokenBucket.ts'

/**
 * A connection publishing its own presence at more than this many times its allowance, for about
 * `PRESENCE_FLOOD_SECONDS`, is flooding (4429 `AWARENESS_RATE`). Far above any client: the web app publishes at most
 * 20 times a second, and even an unthrottled one (tldraw's presence per animation frame, 144 Hz) stays below.
 */
const PRESENCE_FLOOD_FACTOR = 5
const PRESENCE_FLOOD_SECONDS = 4
/**
 * The highest clock the room relays for an id it sees for the first time (after that it counts on by one): a
 * reconnecting client's clock is kept (others may hold a high one for it), a forged one near 2^53 is not.
 */
const MAX_FIRST_CLOCK = 2 ** 32

/** Freed ids whose last state the relay remembers (the oldest is forgotten first). */
const MAX_REMEMBERED_STATES = 10_000

/** Transaction origin of presence that came from another server instance. */
const REMOTE = Symbol('remote-instance')

/**
 * What the relay knows of one connection. `client`: the awareness client id it speaks for — the first id it sent a
 * state for that it may take (see `#mayClaim`; a stock client's first awareness message is its own entry); from
 * then on entries for any other id are dropped. `offset`: how far the clock the room last relayed for that id is
 * ahead of the connection's own (the room's clocks are its own, see `#applyOwn`). `joinedAt`: the presence epoch
 * when it joined. `rate` is its presence allowance; an update over it waits in `pending` (a later one replaces it)
 * until the allowance allows, so the latest state always arrives. `waiting`: the latest entry a connection that
 * speaks for no id yet sent for the id of its first entry while another connection of its role still held it — the
 * same tab reconnecting before the server saw its old socket close; it takes the id when that socket leaves.
 */
type Member = {
  client: number | null
  /** The id of the first entry the connection sent (a stock client's own), or null before its first. */
  first: number | null
  waiting: AwarenessEntry | null
  offset: number
  joinedAt: number
  rate: TokenBucket
  flood: TokenBucket
  pending: AwarenessEntry | null
  pendingTimer: Timer | null
}

export type PresenceRelayOptions = {
  limits: RoomLimits['presence']
  /** Largest awareness update accepted; presence is small, so a big one is abuse (refused with 4413). */
  maxAwarenessBytes: number
  clock: Clock
  scheduler: Scheduler
  /** Publishes this instance's presence changes to the other instances (absent when alone). */
  publish?: ((update: Uint8Array) => void) | undefined
  /** Refuses what a connection sent: reported, and the connection closed (the owner calls `leave` first). */
  refuse: (socket: RoomSocket, code: number, reason: string) => void
  /** Closes a connection without reporting it as refused (a malformed state). */
  close: (socket: RoomSocket, code: number, reason: string) => void
}

/**
 * The presence of everyone on a board: each connection speaks only for the one client id it claimed, its state is
 * stamped with its role and rate-limited, and changes are relayed once per event-loop turn — to every socket and to
 * the other instances. Presence has its own (empty) doc: it only needs a client id, and outlives a hibernated board.
 */
export class PresenceRelay {
  readonly awareness: awarenessProtocol.Awareness
  readonly #options: PresenceRelayOptions
  readonly #members = new Map<RoomSocket, Member>()
  /** Which connection speaks for each presence client id (see `Member`). */
  readonly #owners = new Map<number, RoomSocket>()
  /** A freed id's last state as relayed (JSON) until it is taken again: what an echo of it is (see `#mayClaim`). */
  readonly #lastStates = new Map<number, string>()
  /** Which role last held each id (see `PresenceHolders`); `#epoch` orders joins and frees. */
  readonly #holders: PresenceHolders
  #epoch = 0
  /** Presence changed in this turn (relayed at its end), and the part of it to publish to other instances. */
  readonly #changed = new Set<number>()
  readonly #toPublish = new Set<number>()
  #scheduled = false
  #destroyed = false

  constructor(options: PresenceRelayOptions) {
    this.#options = options
    this.#holders = new PresenceHolders(options.limits.holderMemoryMs, () => options.clock.now())
    this.awareness = new awarenessProtocol.Awareness(new Y.Doc())
    this.awareness.setLocalState(null)
    this.awareness.on('update', this.#onAwarenessUpdate)
  }

  join(socket: RoomSocket): void {
    const { updatesPerSecond, burst } = this.#options.limits
    const now = () => this.#options.clock.now()
    this.#members.set(socket, {
      client: null,
      first: null,
      waiting: null,
      offset: 0,
      joinedAt: ++this.#epoch,
      rate: new TokenBucket(updatesPerSecond, burst, now),
      flood: new TokenBucket(
        updatesPerSecond * PRESENCE_FLOOD_FACTOR,
        updatesPerSecond * PRESENCE_FLOOD_FACTOR * PRESENCE_FLOOD_SECONDS,
        now,
      ),
      pending: null,
      pendingTimer: null,
    })
  }

  /**
   * Sends a connection every current state: on joining when there are any; `always` when it queries awareness (the
   * answer, empty or not).
   */
  sendStates(socket: RoomSocket, always = false): void {
    const member = this.#members.get(socket)
    const states = [...this.awareness.getStates().keys()]
    if (!member || (states.length === 0 && !always)) return
    socket.send(this.#messageFor(member, states, awarenessMessage(this.awareness, states)))
  }

  /** Removes the connection and its own presence entry (nobody else's). */
  leave(socket: RoomSocket): void {
    const member = this.#members.get(socket)
    if (!member) return
    this.#members.delete(socket)
    if (member.pendingTimer) this.#options.scheduler.clearTimeout(member.pendingTimer)
    const client = member.client
    if (client === null || this.#owners.get(client) !== socket) return
    this.#owners.delete(client)
    this.#holders.freed(client, ++this.#epoch)
    const heir = this.#heirOf(client)
    if (heir) {
      // The same tab, reconnected before its old socket was gone: its entry replaces the old one, never removed.
      const [next, waiting] = heir
      this.#take(next, this.#members.get(next)!, client)
      this.#members.get(next)!.waiting = null
      this.#applyOwn(next, waiting)
      return
    }
    const last = this.awareness.states.get(client)
    if (last === undefined) return
    this.#lastStates.set(client, JSON.stringify(last))
    if (this.#lastStates.size > MAX_REMEMBERED_STATES)
      this.#lastStates.delete(this.#lastStates.keys().next().value!)
    awarenessProtocol.removeAwarenessStates(this.awareness, [client], null)
  }

  /** A connection waiting for `client` (see `Member`), with the entry it sent last. */
  #heirOf(client: number): [RoomSocket, AwarenessEntry] | null {
    for (const [socket, member] of this.#members) {
      if (member.client === null && member.waiting?.client === client) return [socket, member.waiting]
    }
    return null
  }

  #take(socket: RoomSocket, member: Member, client: number): void {
    this.#lastStates.delete(client)
    member.client = client
    this.#owners.set(client, socket)
    this.#holders.held(client, socket.role, socket.generation)
  }

  /**
   * A connection's presence update. Only its own entry counts (see `Member`); others' entries are dropped unread,
   * never closing the connection: the stock client echoes every change it receives, and sends removals of peers it
   * timed out. Over its allowance the update waits (the latest wins); far over it, the connection is closed (4429).
   * Throws on a malformed update or state (the caller closes the connection, 4400).
   */
  receive(socket: RoomSocket, update: Uint8Array): void {
    // A stock client echoes every change it is sent, the states of everyone on the board included: a client joining
    // a room of 300 phones sends their 300 states back in one message (~150 KB). Each is at most `maxStateBytes` as
    // relayed, so the bound grows with the board's presence; only the connection's own entry is ever parsed.
    const bound =
      this.#options.maxAwarenessBytes + this.awareness.states.size * this.#options.limits.maxStateBytes
    if (update.byteLength > bound) {
      this.#options.refuse(socket, CloseCodes.MESSAGE_TOO_LARGE.code, 'AWARENESS_TOO_LARGE')
      return
    }
    const member = this.#members.get(socket)!
    let own: AwarenessEntry | null = null
    for (const entry of readAwarenessEntries(update)) {
      member.first ??= entry.client
      if (member.client === null && this.#mayClaim(socket, member, entry))
        this.#take(socket, member, entry.client)
      if (entry.client === member.client) own = entry
      else if (
        member.client === null &&
        entry.client === member.first &&
        this.#heldBySameRole(socket, entry)
      ) {
        member.waiting = entry
      }
    }
    if (!own) return
    if (!member.flood.take()) {
      this.#options.refuse(socket, CloseCodes.RATE_LIMITED.code, 'AWARENESS_RATE')
      return
    }
    if (member.pending || !member.rate.take()) {
      member.pending = own
      this.#schedulePending(socket, member)
      return
    }
    this.#applyOwn(socket, own)
  }

  /**
   * Presence of clients on other instances, stamped and clocked there. An id a connection here speaks for keeps its
   * own entry: a remote entry for it is dropped (an instance shows its own connection's state for an id it holds).
   * The role stamped there is remembered as the id's holder's (see `PresenceHolders`).
   */
  receiveRemote(update: Uint8Array): void {
    if (this.#destroyed) return
    try {
      for (const entry of readAwarenessEntries(update)) {
        if (this.#owners.has(entry.client)) continue
        if (entry.json.byteLength > this.#options.limits.maxStateBytes) continue
        const state: unknown = JSON.parse(decodeUtf8(entry.json))
        const role = RoleSchema.safeParse((state as { user?: { role?: unknown } } | null)?.user?.role)
        if (state === null) this.#holders.remote(entry.client, null, ++this.#epoch)
        else if (role.success) this.#holders.remote(entry.client, role.data, this.#epoch)
        this.#set(entry.client, entry.clock, state, REMOTE)
      }
    } catch {
      // A malformed peer message is dropped; awareness renews itself.
    }
  }

  destroy(): void {
    if (this.#destroyed) return
    this.#destroyed = true
    for (const member of this.#members.values()) {
      if (member.pendingTimer) this.#options.scheduler.clearTimeout(member.pendingTimer)
    }
    this.awareness.off('update', this.#onAwarenessUpdate)
    this.awareness.destroy()
  }

  /**
   * Whether a connection that speaks for no id yet may take this entry's: a state (not a removal), for an id no
   * other connection here holds and with no live entry from another instance, that was last held (if the relay
   * remembers it) by a connection of the same role and no newer link generation. A connection that was here before
   * the id was freed may have been sent its last state, so from it only a clock newer than the relay's counts, or
   * the same clock with another state (never a late echo of someone who just left: an echo repeats the relayed state
   * to the byte); one that joined after may take it with any clock (a reconnecting tab keeps its id and its clock).
   */
  #mayClaim(socket: RoomSocket, member: Member, { client, clock, json }: AwarenessEntry): boolean {
    if (isRemoval(json) || this.#owners.has(client) || this.awareness.states.has(client)) return false
    const verdict = this.#holders.mayTake(client, socket.role, socket.generation, member.joinedAt)
    if (verdict !== 'echo-possible') return verdict === 'fresh'
    const meta = this.awareness.meta.get(client)
    if (meta === undefined || meta.clock < clock) return true
    return meta.clock === clock && this.#lastStates.get(client) !== decodeUtf8(json)
  }

  /** Whether another connection here of this connection's role (and no newer link) holds the entry's id. */
  #heldBySameRole(socket: RoomSocket, { client, json }: AwarenessEntry): boolean {
    const holder = this.#owners.get(client)
    return (
      !isRemoval(json) &&
      holder !== undefined &&
      holder !== socket &&
      holder.role === socket.role &&
      socket.generation >= holder.generation
    )
  }

  #schedulePending(socket: RoomSocket, member: Member): void {
    if (member.pendingTimer) return
    member.pendingTimer = this.#options.scheduler.setTimeout(
      () => {
        member.pendingTimer = null
        const entry = member.pending
        if (!entry || this.#destroyed || !this.#members.has(socket)) return
        if (!member.rate.take()) {
          this.#schedulePending(socket, member)
          return
        }
        member.pending = null
        try {
          this.#applyOwn(socket, entry)
        } catch {
          this.#options.close(socket, CloseCodes.BAD_MESSAGE.code, 'BAD_MESSAGE')
        }
      },
      Math.max(1, Math.ceil(member.rate.msUntilToken())),
    )
    member.pendingTimer.unref?.()
  }

  /**
   * Stamps and applies a connection's own entry (its JSON parsed once, here); throws on JSON that does not parse.
   * The clock relayed is the relay's own: one past the last it relayed (or took from another instance) for the id,
   * whatever clock the connection wrote — a forged jump is never relayed, and a reconnecting tab's lower clock is
   * still shown; only for an id never seen, the connection's own clock (at most `MAX_FIRST_CLOCK`).
   */
  #applyOwn(socket: RoomSocket, { client, clock, json }: AwarenessEntry): void {
    const stamped = stampPresence(decodeUtf8(json), socket.role, this.#options.limits.maxStateBytes)
    if (stamped === 'TOO_LARGE') {
      this.#options.refuse(socket, CloseCodes.MESSAGE_TOO_LARGE.code, 'AWARENESS_TOO_LARGE')
      return
    }
    if (stamped === 'NOT_AN_OBJECT') return
    const member = this.#members.get(socket)!
    const previous = this.awareness.meta.get(client)?.clock
    const relayed = previous === undefined ? Math.min(Math.max(clock, 1), MAX_FIRST_CLOCK) : previous + 1
    member.offset = relayed - clock
    this.#set(client, relayed, stamped.state, socket)
  }

  /**
   * Applies one presence entry as y-protocols' `applyAwarenessUpdate` does (only a newer clock counts; a removal at
   * the same clock too), with the state already parsed; emits the awareness events that relay it.
   */
  #set(client: number, clock: number, state: unknown, origin: unknown): void {
    const { awareness } = this
    const meta = awareness.meta.get(client)
    const had = awareness.states.has(client)
    const current = meta?.clock ?? 0
    if (!(current < clock || (current === clock && state === null && had))) return
    const previous = awareness.states.get(client)
    if (state === null) awareness.states.delete(client)
    else awareness.states.set(client, state as Record<string, unknown>)
    // The wall clock, not the injected one: y-protocols' own timeout check compares `lastUpdated` with it.
    awareness.meta.set(client, { clock, lastUpdated: Date.now() })
    if (state === null && !had) return // nothing to remove
    const added: number[] = []
    const updated: number[] = []
    const removed: number[] = []
    if (state === null) removed.push(client)
    else if (meta === undefined) added.push(client)
    else updated.push(client)
    const changed = state !== null && meta !== undefined && !equalityDeep(previous, state) ? [client] : []
    if (added.length > 0 || removed.length > 0 || changed.length > 0) {
      awareness.emit('change', [{ added, updated: changed, removed }, origin])
    }
    awareness.emit('update', [{ added, updated, removed }, origin])
  }

  #onAwarenessUpdate = (
    change: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const local = origin !== REMOTE && this.#options.publish !== undefined
    for (const id of [...change.added, ...change.updated, ...change.removed]) {
      this.#changed.add(id)
      if (local) this.#toPublish.add(id)
    }
    if (this.#scheduled) return
    this.#scheduled = true
    this.#options.scheduler.afterIo(this.#flush)
  }

  /**
   * Presence changes are relayed once per event-loop turn: every state that changed in it, in one message to every
   * socket. Under load (cursors of dozens of people) that is one frame per socket per turn instead of one per
   * change; alone, a change still goes out in the same turn. Sent to everyone, the sender included: it doubles as
   * the keep-alive the y-websocket client expects.
   */
  #flush = (): void => {
    this.#scheduled = false
    if (this.#destroyed) return
    const changed = [...this.#changed]
    const publish = [...this.#toPublish]
    this.#changed.clear()
    this.#toPublish.clear()
    if (changed.length > 0) {
      const message = awarenessMessage(this.awareness, changed)
      for (const [socket, member] of this.#members) socket.send(this.#messageFor(member, changed, message))
    }
    if (publish.length > 0) {
      this.#options.publish?.(awarenessProtocol.encodeAwarenessUpdate(this.awareness, publish))
    }
  }

  /**
   * The presence message for `changed` as one connection is sent it: without its own entry once the relay's clock
   * for it is ahead of the connection's (the stock client would take a newer clock for its own id as its local
   * state, and send it back).
   */
  #messageFor(member: Member, changed: number[], shared: Uint8Array): Uint8Array {
    if (member.offset <= 0 || member.client === null || !changed.includes(member.client)) return shared
    return awarenessMessage(
      this.awareness,
      changed.filter((id) => id !== member.client),
    )
  }
}
