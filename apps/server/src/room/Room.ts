import type { Role } from '@waardentafel/protocol'
import { CloseCodes, canWrite, MessageType, RoleSchema, SyncMessageType } from '@waardentafel/protocol'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { equalityDeep } from 'lib0/function'
import { decodeUtf8 } from 'lib0/string'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import type { SeqUpdate } from '../fanout/BoardFanout.ts'
import { changedPaths, type DecodedUpdate } from '../policy/changedPaths.ts'
import { mayChangeRestrictions, restrictionsOf } from '../policy/restrictionsOf.ts'
import { judgeUpdate, type Restrictions } from '../policy/updatePolicy.ts'
import type { StoredDoc } from '../storage/BoardStorage.ts'
import { PresenceHolders } from './PresenceHolders.ts'
import { DEFAULT_ROOM_LIMITS, type RoomLimits } from './RoomLimits.ts'
import { SeqTracker } from './SeqTracker.ts'
import { type AwarenessEntry, isRemoval, readAwarenessEntries, stampPresence } from './stampPresence.ts'
import { TokenBucket } from './TokenBucket.ts'

/** The one thing a room needs from a connection; the ws adapter implements it. */
export interface RoomSocket {
  readonly id: string
  readonly role: Role
  /** Link generation of the token this socket connected with (revoking a role's links raises it). */
  readonly generation: number
  send(message: Uint8Array): void
  close(code: number, reason: string): void
}

/** Durable append of a batch, done before it is applied to the shared doc and relayed; resolves with positions. */
export type PersistUpdates = (updates: Uint8Array[]) => Promise<number[]>

/** Other server instances on the same board (multi-instance mode); absent when this process is alone. */
export type RoomPeers = {
  /** What one flush stored, in order (see BoardFanout.publishUpdates). */
  publishUpdates(updates: SeqUpdate[]): void
  publishAwareness(update: Uint8Array): void
  /** Reads what storage holds after a position, to repair updates the fan-out lost. */
  readSince(after: number): Promise<StoredDoc>
  /** How often the room tails storage for updates it missed. */
  resyncIntervalMs: number
  /**
   * The board's current link generations, read with each tail: a revocation announced by another instance
   * reaches this one even when its fan-out message was lost.
   */
  linkGenerations?: () => Promise<Partial<Record<Role, number>> | null>
}

export type RoomOptions = {
  boardId: string
  /** Stored state to start from; unreadable entries are skipped and reported. */
  stored: StoredDoc
  persist: PersistUpdates
  peers?: RoomPeers
  /** Called when persisting failed: the room has closed its sockets and must be dropped. */
  onFailure: (error: unknown) => void
  /** Called after each durable batch with the number of rows stored (drives compaction). */
  onPersisted?: (count: number) => void
  onSkippedStoredUpdate?: (index: number, error: unknown) => void
  /** Largest awareness update accepted; presence is small, so a big one is abuse (closed with 4413). */
  maxAwarenessBytes?: number
  /**
   * Called when a client's update is refused — by the policy (4409) or a limit (4413: structs, deletions, the board's
   * size budget) — or its presence is (4413, 4429); nothing of it was stored or relayed.
   */
  onRefused?: (socket: RoomSocket, reason: string) => void
  /** Per-update, per-board and presence bounds; absent fields take `DEFAULT_ROOM_LIMITS`. */
  limits?: Partial<Omit<RoomLimits, 'presence'>> & { presence?: Partial<RoomLimits['presence']> }
  /** Called when an update was dropped because it builds on changes the server does not have yet. */
  onDroppedGap?: (socket: RoomSocket) => void
  /**
   * After this long without a change to the document, the room keeps it only as its encoded update (a fraction
   * of the memory of a live Y.Doc) until the next change needs it. Absent: never.
   */
  hibernateAfterMs?: number
  /** Called when the room hibernated or woke, with the time that took. */
  onHibernation?: (state: 'hibernated' | 'woke', ms: number) => void
}

const DEFAULT_MAX_AWARENESS_BYTES = 64 * 1024

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

/** The state vector of an empty document (a first visit). */
const EMPTY_STATE_VECTOR = Uint8Array.of(0)

/**
 * What the room knows of one connection. `client`: the awareness client id it speaks for — the first id it sent a
 * state for that it may take (see `Room.#mayClaim`; a stock client's first awareness message is its own entry); from
 * then on entries for any other id are dropped. `offset`: how far the clock the room last relayed for that id is
 * ahead of the connection's own (the room's clocks are its own, see `Room.#applyOwnPresence`). `joinedAt`: the
 * room's presence epoch when it joined. `rate` is its presence allowance; an update over it waits in `pending` (a
 * later one replaces it) until the allowance allows, so the latest state always arrives.
 */
type Member = {
  client: number | null
  offset: number
  joinedAt: number
  rate: TokenBucket
  flood: TokenBucket
  pending: AwarenessEntry | null
  pendingTimer: ReturnType<typeof setTimeout> | null
}

/** A room whose last flush is longer ago than this stores a new update without waiting for others (see #scheduleFlush). */
const GROUP_COMMIT_QUIET_MS = 2

/** The encoding of an update with no structs and no deletions. */
function isEmptyUpdate(update: Uint8Array): boolean {
  return update.byteLength === 2 && update[0] === 0 && update[1] === 0
}

/**
 * The struct count an update declares in its first header — its number of client blocks, or its first block's
 * structs, whichever is larger — read before the update is decoded. 0 when it cannot be read (decoding refuses it).
 */
function declaredStructs(update: Uint8Array): number {
  try {
    const decoder = decoding.createDecoder(update)
    const clients = decoding.readVarUint(decoder)
    return clients === 0 ? 0 : Math.max(clients, decoding.readVarUint(decoder))
  } catch {
    return 0
  }
}

/** Origin of changes the server makes itself (facilitator actions arriving over HTTP). */
const SERVER = Symbol('server')

/**
 * An accepted update waiting to be stored. `live`: a change as it is made (a sync update message, or the server's
 * own), relayed as received once durable. Otherwise a client's sync step 2 (catching up after a reconnect), which
 * repeats much the room has (its whole delete set): only what it changes is relayed, after it is applied.
 */
type Pending = { update: Uint8Array; origin: RoomSocket | typeof SERVER; live: boolean }

/** Transaction origin of changes that came from another server instance. */
const REMOTE = Symbol('remote-instance')

/**
 * One board in memory: a Y.Doc that only ever holds durable state, the awareness of everyone on the
 * board, and the sockets joined to it. Pure: no ws, http or storage imports.
 *
 * Order of an edit: decode and check the update → queue → persist the batch (group commit) →
 * apply to the doc → relay to the other sockets. So every byte any client can receive is durable.
 *
 * Hibernation: a board nobody has changed for `hibernateAfterMs` drops its Y.Doc and keeps the encoded
 * state. Everything that only reads — a client's sync step 1, presence, joining — is answered from those bytes;
 * the first change (or anyone reading `doc`) rebuilds the document from them first.
 */
export class Room {
  readonly boardId: string
  #doc: Y.Doc | null = null
  /** While hibernating: the whole document as one update, and its state vector once worked out. */
  #state: Uint8Array | null = null
  #stateVector: Uint8Array | null = null
  /**
   * While awake and unchanged: sync step 2 with the whole document, as sent to a first visit (an empty state
   * vector), and the update inside it. Encoding a 5,000-shape board takes ~30 ms of the event loop, so a workshop
   * of thirty opening their links at once would wait on it thirty times; any change to the document drops it.
   */
  #firstVisit: { message: Uint8Array; state: Uint8Array } | null = null
  #lastChange = performance.now()
  #hibernateTimer: ReturnType<typeof setTimeout> | null = null
  readonly awareness: awarenessProtocol.Awareness
  readonly #sockets = new Map<RoomSocket, Member>()
  /** Which connection speaks for each presence client id (see `Member`). */
  readonly #owners = new Map<number, RoomSocket>()
  /** Which role last held each id (see `PresenceHolders`); `#presenceEpoch` orders joins and frees. */
  readonly #holders: PresenceHolders
  #presenceEpoch = 0
  readonly #limits: RoomLimits
  /**
   * The board's encoded size as far as the room knows: measured exactly whenever the whole state is encoded anyway
   * (a first visit, hibernation) or when a growing update would pass the budget, plus the bytes of every change
   * applied since (an over-estimate: overwritten values shrink when encoded). `#measured`: the estimate when last
   * measured (null: never); `#shrunk`: something was deleted since.
   */
  #sizeBytes = 0
  #measured: number | null = null
  #shrunk = false
  /** Without `stored`: the loaded bytes must not outlive the document built from them (or their next encoding). */
  readonly #options: Omit<RoomOptions, 'stored'>
  #queue: Pending[] = []
  /** The batch being stored right now (not yet in the doc). */
  #inflight: Pending[] = []
  #chain: Promise<void> = Promise.resolve()
  #flushScheduled = false
  /** When the last batch went to storage (see #scheduleFlush). */
  #lastFlushAt = Number.NEGATIVE_INFINITY
  #failed = false
  #destroyed = false
  readonly #seqs: SeqTracker
  #restrictions: Restrictions | null = null
  // One client id per room and process for the server's own writes: its clock continues from the doc.
  readonly #serverClientId = Math.floor(Math.random() * 0x7fffffff)
  #resyncTimer: ReturnType<typeof setInterval> | null = null
  #resyncing: Promise<void> | null = null
  /** Presence changed in this turn (relayed at its end), and the part of it to publish to other instances. */
  readonly #awarenessChanged = new Set<number>()
  readonly #awarenessToPublish = new Set<number>()
  #awarenessScheduled = false
  /** When a connection was last asked to resend what the server lacks (after a dropped gap). */
  readonly #askedAt = new WeakMap<RoomSocket, number>()
  readonly #askLater = new Map<RoomSocket, ReturnType<typeof setTimeout>>()
  /** While a stored batch is applied: what it changed, relayed together afterwards. */
  #collecting: Array<{ update: Uint8Array; origin: unknown }> | null = null
  /** While a live update of a stored batch is applied (relayed already). */
  #applyingLive = false

  constructor(options: RoomOptions) {
    const { stored: _stored, ...rest } = options
    this.#options = rest
    this.boardId = options.boardId
    this.#limits = {
      ...DEFAULT_ROOM_LIMITS,
      ...options.limits,
      presence: { ...DEFAULT_ROOM_LIMITS.presence, ...options.limits?.presence },
    }
    this.#seqs = new SeqTracker(options.stored.lastSeq)
    const { snapshot, updates } = options.stored
    this.#sizeBytes = (snapshot?.byteLength ?? 0) + updates.reduce((sum, u) => sum + u.data.byteLength, 0)
    if (!this.#startAsleep(options)) {
      const doc = this.#newDoc()
      this.#applyStored(doc, options.stored, 'storage')
      this.#doc = doc
      this.#scheduleHibernation()
    }
    this.#holders = new PresenceHolders(this.#limits.presence.holderMemoryMs)
    // Presence has its own (empty) doc: it only needs a client id, and must outlive a hibernated document.
    this.awareness = new awarenessProtocol.Awareness(new Y.Doc())
    this.awareness.setLocalState(null)
    this.awareness.on('update', this.#relayAwareness)
    if (options.peers) {
      // Tail storage now and then: the fan-out may lose messages, storage does not.
      this.#resyncTimer = setInterval(() => void this.resync(), options.peers.resyncIntervalMs)
    }
  }

  /** The shared document, rebuilt from its encoded state first if the room hibernates. */
  get doc(): Y.Doc {
    if (this.#doc) return this.#doc
    if (this.#destroyed) throw new Error('room destroyed')
    const started = performance.now()
    const doc = this.#newDoc()
    try {
      Y.applyUpdate(doc, this.#state!, 'storage')
    } catch (error) {
      // Only a stored snapshot that was never decoded can fail here (see #startAsleep); skipped, as on a load.
      this.#options.onSkippedStoredUpdate?.(0, error)
    }
    this.#doc = doc
    this.#state = null
    this.#stateVector = null
    this.#restrictions = null
    this.#lastChange = performance.now()
    this.#scheduleHibernation()
    this.#options.onHibernation?.('woke', performance.now() - started)
    return doc
  }

  /** Whether the document holds exactly what storage held at `position` (nothing later, nothing missing). */
  holdsExactly(position: number): boolean {
    return this.#seqs.contiguous === position && !this.#seqs.hasGap()
  }

  /** Whether the room holds its document only as encoded bytes right now. */
  get hibernating(): boolean {
    return this.#doc === null
  }

  /**
   * Drops the Y.Doc and keeps its encoded state, unless something is queued or being stored. Called by the
   * room itself after `hibernateAfterMs` without a change; returns whether it hibernated.
   */
  hibernate(): boolean {
    const doc = this.#doc
    if (!doc || this.#destroyed || this.#queue.length > 0 || this.#inflight.length > 0 || this.#resyncing) {
      return false
    }
    const started = performance.now()
    this.#state = this.#firstVisit?.state ?? Y.encodeStateAsUpdate(doc)
    this.#measuredSize(this.#state.byteLength)
    this.#firstVisit = null
    this.#stateVector = null
    doc.off('update', this.#relayUpdate)
    doc.off('update', this.#forgetFirstVisit)
    doc.destroy()
    this.#doc = null
    this.#options.onHibernation?.('hibernated', performance.now() - started)
    return true
  }

  /** What the room holds beyond `stateVector` (everything when absent), without waking a hibernating room. */
  encodeStateAsUpdate(stateVector?: Uint8Array): Uint8Array {
    if (this.#doc) return Y.encodeStateAsUpdate(this.#doc, stateVector)
    const state = this.#state!
    // A first visit (empty state vector) gets the stored bytes as they are, without decoding them (they are the
    // server's own encoding of what it stored, as the early answer from storage sends them too).
    if (!stateVector || isEmptyStateVector(stateVector)) return state
    return this.#fromState(
      (bytes) => Y.diffUpdate(bytes, stateVector),
      (doc) => Y.encodeStateAsUpdate(doc, stateVector),
    )
  }

  /**
   * A board stored as one update (a compacted board, or a new one) with hibernation on starts asleep: loading
   * it is reading its bytes. Its state vector is read from them when a writer first joins, its document built at
   * the first change. Anything else is built at once.
   */
  #startAsleep(options: RoomOptions): boolean {
    const { snapshot, updates } = options.stored
    if (options.hibernateAfterMs === undefined || (snapshot ? updates.length > 0 : updates.length !== 1)) {
      return false
    }
    this.#state = snapshot ?? updates[0]!.data
    this.#measuredSize(this.#state.byteLength)
    return true
  }

  /** Sends sync step 1 (the server's state vector): the client answers with step 2, what the server lacks. */
  /**
   * Asks a client for what the server lacks, at most once a second per connection (a flood of gap updates must
   * not become a flood of questions); when it asked within the second, once more when the second is over, so a
   * dropped edit is always asked for again.
   */
  #askSoon(socket: RoomSocket): void {
    if (!canWrite(socket.role) || !this.#sockets.has(socket) || this.#askLater.has(socket)) return
    const wait = (this.#askedAt.get(socket) ?? Number.NEGATIVE_INFINITY) + 1000 - performance.now()
    if (wait <= 0) {
      this.#askedAt.set(socket, performance.now())
      this.#askForMissing(socket)
      return
    }
    const timer = setTimeout(() => {
      this.#askLater.delete(socket)
      this.#askSoon(socket)
    }, wait)
    timer.unref?.()
    this.#askLater.set(socket, timer)
  }

  #askForMissing(socket: RoomSocket): void {
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, MessageType.sync)
    encoding.writeVarUint(encoder, SyncMessageType.step1)
    encoding.writeVarUint8Array(encoder, this.#encodeStateVector())
    socket.send(encoding.toUint8Array(encoder))
  }

  #encodeStateVector(): Uint8Array {
    if (this.#doc) return Y.encodeStateVector(this.#doc)
    this.#stateVector ??= this.#fromState(Y.encodeStateVectorFromUpdate, Y.encodeStateVector)
    return this.#stateVector
  }

  /**
   * Reads the sleeping room's bytes. Bytes that do not decode (storage damaged outside the server) wake the room
   * instead: its build skips and reports them, as a load always did, and the answer comes from that document.
   */
  #fromState<T>(read: (state: Uint8Array) => T, fromDoc: (doc: Y.Doc) => T): T {
    try {
      return read(this.#state!)
    } catch {
      return fromDoc(this.doc)
    }
  }

  #newDoc(): Y.Doc {
    const doc = new Y.Doc({ gc: true })
    doc.on('update', this.#relayUpdate)
    doc.on('update', this.#forgetFirstVisit)
    return doc
  }

  #scheduleHibernation(): void {
    const after = this.#options.hibernateAfterMs
    if (after === undefined || this.#hibernateTimer || this.#destroyed) return
    const check = () => {
      this.#hibernateTimer = null
      if (this.#destroyed || !this.#doc) return
      const quietFor = performance.now() - this.#lastChange
      if (quietFor >= after && this.hibernate()) return
      // Changed meanwhile (or busy storing): look again when it could have been quiet long enough.
      this.#hibernateTimer = setTimeout(check, Math.max(after - quietFor, 50))
      this.#hibernateTimer.unref?.()
    }
    this.#hibernateTimer = setTimeout(check, after)
    this.#hibernateTimer.unref?.()
  }

  /**
   * Updates another instance stored together; applied here (what is known already by its position is skipped) in
   * one transaction, so its clients get them as one relayed change, as they would from a group commit here.
   */
  receiveRemoteUpdates(updates: readonly SeqUpdate[]): void {
    if (this.#destroyed) return
    const fresh = updates.filter(({ seq }) => !this.#seqs.has(seq))
    if (fresh.length === 0) return
    this.doc.transact(() => {
      for (const { seq, update } of fresh) {
        try {
          Y.applyUpdate(this.doc, update, REMOTE)
        } catch {
          continue // unreadable: its position stays a gap, and the storage tail brings the stored version
        }
        this.#seqs.add(seq)
      }
    }, REMOTE)
    if (this.#seqs.hasGap()) void this.resync()
  }

  /**
   * Presence of clients on other instances, stamped and clocked there. An id a connection here speaks for keeps its
   * own entry: a remote entry for it is dropped (an instance shows its own connection's state for an id it holds).
   * The role stamped there is remembered as the id's holder's (see `PresenceHolders`).
   */
  receiveRemoteAwareness(update: Uint8Array): void {
    if (this.#destroyed) return
    try {
      for (const entry of readAwarenessEntries(update)) {
        if (this.#owners.has(entry.client)) continue
        if (entry.json.byteLength > this.#limits.presence.maxStateBytes) continue
        const state: unknown = JSON.parse(decodeUtf8(entry.json))
        const role = RoleSchema.safeParse((state as { user?: { role?: unknown } } | null)?.user?.role)
        if (state === null) this.#holders.remote(entry.client, null, ++this.#presenceEpoch)
        else if (role.success) this.#holders.remote(entry.client, role.data, this.#presenceEpoch)
        this.#setPresence(entry.client, entry.clock, state, REMOTE)
      }
    } catch {
      // A malformed peer message is dropped; awareness renews itself.
    }
  }

  /** Applies whatever storage holds beyond the last contiguous position this room has seen. */
  resync(): Promise<void> {
    const peers = this.#options.peers
    if (!peers || this.#destroyed) return Promise.resolve()
    this.#resyncing ??= Promise.all([
      peers.readSince(this.#seqs.contiguous),
      peers.linkGenerations?.() ?? null,
    ])
      .then(([stored, generations]) => {
        if (this.#destroyed) return
        // Nothing new (the usual case) leaves a hibernating room asleep.
        if (stored.snapshot || stored.updates.length > 0) this.#applyStored(this.doc, stored, REMOTE)
        this.#seqs.advanceTo(stored.lastSeq)
        if (generations) {
          this.closeWhere(
            (s) => s.generation < (generations[s.role] ?? 0),
            CloseCodes.FORBIDDEN.code,
            'TOKEN_REVOKED',
          )
        }
      })
      .catch(() => {
        // Storage unreachable: try again at the next interval.
      })
      .finally(() => {
        this.#resyncing = null
      })
    return this.#resyncing
  }

  get size(): number {
    return this.#sockets.size
  }

  /** Resolves when everything queued so far is durable and relayed. */
  flushed(): Promise<void> {
    // Chain a flush now rather than at the scheduled turn, so what is queued is part of what we wait for.
    if (this.#queue.length > 0 && !this.#failed) this.#chain = this.#chain.then(() => this.#flush())
    return this.#chain
  }

  join(socket: RoomSocket): void {
    if (this.#destroyed) throw new Error('room destroyed')
    const { updatesPerSecond, burst } = this.#limits.presence
    this.#sockets.set(socket, {
      client: null,
      offset: 0,
      joinedAt: ++this.#presenceEpoch,
      rate: new TokenBucket(updatesPerSecond, burst),
      flood: new TokenBucket(
        updatesPerSecond * PRESENCE_FLOOD_FACTOR,
        updatesPerSecond * PRESENCE_FLOOD_FACTOR * PRESENCE_FLOOD_SECONDS,
      ),
      pending: null,
      pendingTimer: null,
    })
    // Ask the client for what we miss (writers only: an observer's document state is never taken).
    if (canWrite(socket.role)) this.#askForMissing(socket)
    const states = [...this.awareness.getStates().keys()]
    if (states.length > 0) socket.send(this.#awarenessMessage(states))
  }

  /**
   * The presence message for `changed` as one connection is sent it: without its own entry once the room's clock
   * for it is ahead of the connection's (the stock client would take a newer clock for its own id as its local
   * state, and send it back).
   */
  #awarenessMessageFor(member: Member, changed: number[], shared: Uint8Array): Uint8Array {
    if (member.offset <= 0 || member.client === null || !changed.includes(member.client)) return shared
    return this.#awarenessMessage(changed.filter((id) => id !== member.client))
  }

  /** Removes the connection and its own presence entry (nobody else's). */
  leave(socket: RoomSocket): void {
    const member = this.#sockets.get(socket)
    if (!member) return
    this.#sockets.delete(socket)
    clearTimeout(this.#askLater.get(socket))
    this.#askLater.delete(socket)
    if (member.pendingTimer) clearTimeout(member.pendingTimer)
    const client = member.client
    if (client === null || this.#owners.get(client) !== socket) return
    this.#owners.delete(client)
    this.#holders.freed(client, ++this.#presenceEpoch)
    if (this.awareness.states.has(client))
      awarenessProtocol.removeAwarenessStates(this.awareness, [client], null)
  }

  /**
   * Handles one frame from a socket. Anything malformed closes that socket only (4400); the doc is
   * untouched because updates are fully decoded before they are queued.
   */
  receive(socket: RoomSocket, message: Uint8Array): void {
    if (!this.#sockets.has(socket)) return
    try {
      this.#handle(socket, message)
    } catch {
      this.#closeSocket(socket, CloseCodes.BAD_MESSAGE.code, 'BAD_MESSAGE')
    }
  }

  /** Closes every socket with the given code and releases memory. */
  destroy(code: number = CloseCodes.GOING_AWAY.code, reason = 'GOING_AWAY'): void {
    if (this.#destroyed) return
    this.#destroyed = true
    if (this.#resyncTimer) clearInterval(this.#resyncTimer)
    if (this.#hibernateTimer) clearTimeout(this.#hibernateTimer)
    for (const timer of this.#askLater.values()) clearTimeout(timer)
    this.#askLater.clear()
    for (const socket of [...this.#sockets.keys()]) this.#closeSocket(socket, code, reason)
    this.awareness.off('update', this.#relayAwareness)
    this.awareness.destroy()
    this.#doc?.off('update', this.#relayUpdate)
    this.#doc?.off('update', this.#forgetFirstVisit)
    this.#firstVisit = null
    this.#doc?.destroy()
    this.#doc = null
    this.#state = null
  }

  #handle(socket: RoomSocket, message: Uint8Array): void {
    const decoder = decoding.createDecoder(message)
    const type = decoding.readVarUint(decoder)
    switch (type) {
      case MessageType.sync:
        this.#handleSync(socket, decoder)
        return
      case MessageType.awareness: {
        const update = decoding.readVarUint8Array(decoder)
        if (update.byteLength > (this.#options.maxAwarenessBytes ?? DEFAULT_MAX_AWARENESS_BYTES)) {
          this.#refuse(socket, CloseCodes.MESSAGE_TOO_LARGE.code, 'AWARENESS_TOO_LARGE')
          return
        }
        this.#receivePresence(socket, update)
        return
      }
      case MessageType.queryAwareness: {
        const states = [...this.awareness.getStates().keys()]
        socket.send(
          this.#awarenessMessageFor(this.#sockets.get(socket)!, states, this.#awarenessMessage(states)),
        )
        return
      }
      case MessageType.auth:
        // Authentication happens at connection time from the link token; in-band auth is ignored.
        return
      default:
        throw new Error(`unknown message type ${type}`)
    }
  }

  #handleSync(socket: RoomSocket, decoder: decoding.Decoder): void {
    const subtype = decoding.readVarUint(decoder)
    if (subtype === SyncMessageType.step1) {
      socket.send(this.#syncStep2(decoding.readVarUint8Array(decoder)))
      return
    }
    if (subtype !== SyncMessageType.step2 && subtype !== SyncMessageType.update) {
      throw new Error(`unknown sync message ${subtype}`)
    }
    const update = decoding.readVarUint8Array(decoder)
    if (!canWrite(socket.role)) return // observers' document changes are dropped, never stored or relayed
    if (isEmptyUpdate(update)) return // every client's first sync step 2 to an up-to-date server carries nothing
    // A flood of structs is refused from the update's first header before it is decoded (200,000 take seconds);
    // a header claiming more structs than the update has bytes is garbage, which decoding refuses (4400).
    const declared = declaredStructs(update)
    if (declared > this.#limits.maxUpdateStructs && declared <= update.byteLength) {
      this.#refuse(socket, CloseCodes.MESSAGE_TOO_LARGE.code, 'TOO_MANY_STRUCTS')
      return
    }
    // Decoding throws on a malformed update, before anything is queued.
    const decoded = Y.decodeUpdate(update)
    const tooMany = this.#overUpdateLimits(decoded)
    if (tooMany) {
      this.#refuse(socket, CloseCodes.MESSAGE_TOO_LARGE.code, tooMany)
      return
    }
    // An update that builds on changes the server has not got (sent before the client's own sync step 2, a change
    // of another instance still on its way, or forged) cannot be judged: Yjs would keep it pending and apply it —
    // or its deletions — whenever the rest arrives, and re-try it on every later update. It is dropped, and the
    // client is asked for what the server lacks (sync step 1; its step 2 carries this update with what it builds
    // on); with other instances storage is tailed first, so what it builds on is here when the step 2 comes.
    const needs = this.#buildsOnUnknown(decoded)
    if (needs !== null) {
      this.#options.onDroppedGap?.(socket)
      if (needs === 'others' && this.#options.peers) {
        void this.resync().then(() => this.#askSoon(socket))
      } else this.#askSoon(socket)
      return
    }
    // The paths decide whether it may be stored (judged against the doc and what is being stored or queued).
    let changes = changedPaths(this.doc, decoded)
    if (changes.unresolved && this.#inflight.length + this.#queue.length > 0) {
      changes = changedPaths(
        this.doc,
        decoded,
        [...this.#inflight, ...this.#queue].map((p) => p.update),
      )
    }
    const refusal = judgeUpdate(socket.role, changes, this.#currentRestrictions())
    if (refusal) {
      this.#refuse(socket, CloseCodes.REFUSED_CHANGE.code, refusal)
      return
    }
    // An update that changes nothing — no struct beyond the doc's, deletions only of what is deleted already, or
    // bytes that decode to nothing — is neither stored nor relayed: it would cost storage and everyone's bandwidth
    // for nothing, past the board's budget (which updates without structs always pass).
    if (changes.paths.length === 0 && !this.#bringsStructs(decoded)) return
    if (this.#overBudget(update, decoded)) {
      this.#refuse(socket, CloseCodes.MESSAGE_TOO_LARGE.code, 'BOARD_FULL')
      return
    }
    this.#queue.push({ update, origin: socket, live: subtype === SyncMessageType.update })
    this.#scheduleFlush()
  }

  /** Whether the update has a struct (or part of one) the doc does not have yet. */
  #bringsStructs({ structs }: DecodedUpdate): boolean {
    return structs.some(
      (s) => !(s instanceof Y.Skip) && s.id.clock + s.length > Y.getState(this.doc.store, s.id.client),
    )
  }

  /** Why the update carries more structs or delete ranges than one update may, or null. */
  #overUpdateLimits({ structs, ds }: DecodedUpdate): string | null {
    if (structs.length > this.#limits.maxUpdateStructs) return 'TOO_MANY_STRUCTS'
    let ranges = 0
    for (const clientRanges of ds.clients.values()) ranges += clientRanges.length
    return ranges > this.#limits.maxUpdateDeleteRanges ? 'TOO_MANY_DELETIONS' : null
  }

  /**
   * Whether storing this update would take the board past its size budget. Updates that only delete always pass (a
   * full board can be cleaned up). Near the budget the estimate is replaced by the exact size — at most once per
   * 1% of the budget grown, or after a deletion — by encoding the whole document, which the next first visit is
   * then answered with.
   */
  #overBudget(update: Uint8Array, { structs }: DecodedUpdate): boolean {
    const max = this.#limits.maxBoardBytes
    if (max === null || structs.length === 0) return false
    let queued = update.byteLength
    for (const pending of this.#inflight) queued += pending.update.byteLength
    for (const pending of this.#queue) queued += pending.update.byteLength
    if (this.#sizeBytes + queued <= max) return false
    if (this.#measured === null || this.#shrunk || this.#sizeBytes - this.#measured >= max / 100) {
      this.#syncStep2(EMPTY_STATE_VECTOR)
    }
    return this.#sizeBytes + queued > max
  }

  #measuredSize(bytes: number): void {
    this.#sizeBytes = bytes
    this.#measured = bytes
    this.#shrunk = false
  }

  /** Refuses what a connection sent: reported, and the connection closed (it leaves the room first). */
  #refuse(socket: RoomSocket, code: number, reason: string): void {
    this.#options.onRefused?.(socket, reason)
    this.#closeSocket(socket, code, reason)
  }

  /**
   * Makes a change as the server (facilitator actions over HTTP): built on a copy of the doc, then stored,
   * applied and relayed like any client update. Resolves once it is durable and relayed.
   */
  async applyServerChange(change: (doc: Y.Doc) => void): Promise<void> {
    if (this.#destroyed) throw new Error('room destroyed')
    const fork = new Y.Doc({ gc: true })
    Y.applyUpdate(fork, this.encodeStateAsUpdate())
    // Set after loading: Yjs picks a new id when a remote update brings structs of its own id.
    fork.clientID = this.#serverClientId
    let update: Uint8Array
    try {
      const before = Y.encodeStateVector(fork)
      fork.transact(() => change(fork))
      update = Y.encodeStateAsUpdate(fork, before)
    } finally {
      fork.destroy()
    }
    this.#queue.push({ update, origin: SERVER, live: true })
    await this.flushed()
  }

  /** Closes the sockets that match, e.g. those whose links were revoked. */
  closeWhere(match: (socket: RoomSocket) => boolean, code: number, reason: string): number {
    const matching = [...this.#sockets.keys()].filter(match)
    for (const socket of matching) this.#closeSocket(socket, code, reason)
    return matching.length
  }

  /**
   * What the update needs that the server does not have — in the doc or queued before it: 'own' when it starts
   * after its client's last known clock (the client's sync step 2 brings the rest); 'others' when one of its items
   * sits next to or inside an item never seen, or it deletes one; null when nothing. Alone, the server has every
   * change any client could have seen, so such an update is forged or stale and is dropped.
   */
  #buildsOnUnknown({ structs, ds }: DecodedUpdate): 'own' | 'others' | null {
    const ownStart = new Map<number, number>()
    const ownEnd = new Map<number, number>()
    for (const s of structs) {
      if (s instanceof Y.Skip) continue // a gap inside the update: not something it brings
      const c = s.id.client
      if (!ownStart.has(c) || s.id.clock < ownStart.get(c)!) ownStart.set(c, s.id.clock)
      ownEnd.set(c, Math.max(ownEnd.get(c) ?? 0, s.id.clock + s.length))
    }
    let queued: Map<number, number> | null = null
    /** The end of what the server has of a client's changes: the doc, then what is being stored or queued. */
    const known = (client: number): number => {
      const inDoc = Y.getState(this.doc.store, client)
      if (this.#inflight.length === 0 && this.#queue.length === 0) return inDoc
      if (!queued) {
        queued = new Map()
        for (const pending of [...this.#inflight, ...this.#queue]) {
          for (const [c, to] of Y.parseUpdateMeta(pending.update).to)
            queued.set(c, Math.max(queued.get(c) ?? 0, to))
        }
      }
      return Math.max(inDoc, queued.get(client) ?? 0)
    }
    for (const [client, start] of ownStart) if (start > 0 && start > known(client)) return 'own'
    // A struct after a gap (a Skip over clocks the server lacks) would wait in Yjs' pending store: judged now, applied
    // whenever someone fills the gap — by then under a lock, say. It builds on something unknown, like the above.
    const reach = new Map<number, number>()
    for (const s of structs) {
      if (s instanceof Y.Skip) continue
      const c = s.id.client
      const at = reach.get(c) ?? known(c)
      if (s.id.clock > at) return 'others'
      reach.set(c, Math.max(at, s.id.clock + s.length))
    }
    const has = (id: Y.ID) => id.clock < Math.max(known(id.client), ownEnd.get(id.client) ?? 0)
    for (const s of structs) {
      if (!(s instanceof Y.Item)) continue
      if (s.origin && !has(s.origin)) return 'others'
      if (s.rightOrigin && !has(s.rightOrigin)) return 'others'
      if (s.parent instanceof Y.ID && !has(s.parent)) return 'others'
    }
    for (const [client, ranges] of ds.clients) {
      const end = Math.max(known(client), ownEnd.get(client) ?? 0)
      for (const range of ranges) if (range.clock + range.len > end) return 'others'
    }
    return null
  }

  #currentRestrictions(): Restrictions {
    this.#restrictions ??= restrictionsOf(this.doc)
    return this.#restrictions
  }

  #scheduleFlush(): void {
    if (this.#flushScheduled || this.#queue.length === 0 || this.#failed) return
    this.#flushScheduled = true
    // Group commit: what arrives while the event loop reads its sockets goes to storage together (after the poll
    // phase). A room that has been quiet stores a lone update at once, at the end of the callback it came in: the
    // edit of one person does not wait for the rest of the poll phase. Several at once (a burst) are grouped from
    // the second on, because the first flush was just now.
    const quiet = performance.now() - this.#lastFlushAt > GROUP_COMMIT_QUIET_MS
    if (quiet) process.nextTick(this.#runFlush)
    else setImmediate(this.#runFlush)
  }

  #runFlush = (): void => {
    this.#flushScheduled = false
    this.#lastFlushAt = performance.now()
    this.#chain = this.#chain.then(() => this.#flush())
  }

  async #flush(): Promise<void> {
    const batch = this.#queue
    this.#queue = []
    this.#inflight = batch
    if (batch.length === 0 || this.#failed || this.#destroyed) return
    // Each update is stored as it was received (one row each, one transaction), so replaying storage applies
    // exactly the bytes the live doc applied: a merged row can integrate differently from its parts.
    let seqs: number[]
    try {
      seqs = await this.#options.persist(batch.map((p) => p.update))
    } catch (error) {
      this.#failed = true
      this.destroy(CloseCodes.INTERNAL_ERROR.code, 'STORAGE_FAILED')
      this.#options.onFailure(error)
      return
    }
    if (this.#destroyed) return
    const stored: SeqUpdate[] = []
    batch.forEach(({ update }, i) => {
      const seq = seqs[i]
      if (seq !== undefined) stored.push({ seq, update })
    })
    // Durable now. To the other instances first: one message, cheap to send, and their clients wait longest.
    this.#options.peers?.publishUpdates(stored)
    // Then live changes to the sockets, as received (one merged update for a group): an edit's latency is storage
    // plus relay; the room's doc applies them right after, in this same turn. What the catching-up updates change
    // is relayed once, after all of the batch is applied (see #relayCollected).
    this.#relayCollected(batch.filter((p) => p.live))
    const collected: Array<{ update: Uint8Array; origin: unknown }> = []
    this.#collecting = collected
    try {
      for (const { update, origin, live } of batch) {
        // Unless Yjs holds changes back that wait for what this one brings: then what it integrates is more than
        // was relayed, and goes out with the rest.
        const { pendingStructs, pendingDs } = this.doc.store
        this.#applyingLive = live && pendingStructs === null && pendingDs === null
        try {
          Y.applyUpdate(this.doc, update, origin)
        } catch {
          // Decoded fine but could not be integrated; it is stored, and skipped again on load.
          if (origin !== SERVER) this.#closeSocket(origin, CloseCodes.BAD_MESSAGE.code, 'BAD_UPDATE')
        }
      }
    } finally {
      this.#collecting = null
      this.#applyingLive = false
    }
    this.#relayCollected(collected)
    for (const { seq } of stored) this.#seqs.add(seq)
    if (this.#seqs.hasGap()) void this.resync()
    this.#inflight = []
    this.#options.onPersisted?.(batch.length)
  }

  #applyStored(doc: Y.Doc, stored: StoredDoc, origin: unknown): void {
    const parts = stored.snapshot
      ? [stored.snapshot, ...stored.updates.map((u) => u.data)]
      : stored.updates.map((u) => u.data)
    parts.forEach((update, index) => {
      try {
        Y.applyUpdate(doc, update, origin)
      } catch (error) {
        this.#options.onSkippedStoredUpdate?.(index, error)
      }
    })
  }

  /** Sync step 2 for a client whose document holds `stateVector`: what the room has beyond it. */
  #syncStep2(stateVector: Uint8Array): Uint8Array {
    const firstVisit = isEmptyStateVector(stateVector)
    if (firstVisit && this.#doc && this.#firstVisit) return this.#firstVisit.message
    const update = this.encodeStateAsUpdate(firstVisit ? undefined : stateVector)
    // Header and update in one buffer (an encoder would copy the update twice).
    const header = encoding.createEncoder()
    encoding.writeVarUint(header, MessageType.sync)
    encoding.writeVarUint(header, SyncMessageType.step2)
    encoding.writeVarUint(header, update.byteLength)
    const head = encoding.toUint8Array(header)
    const message = new Uint8Array(head.byteLength + update.byteLength)
    message.set(head)
    message.set(update, head.byteLength)
    if (firstVisit && this.#doc) {
      this.#firstVisit = { message, state: message.subarray(head.byteLength) }
      this.#measuredSize(update.byteLength)
    }
    return message
  }

  #forgetFirstVisit = (): void => {
    this.#firstVisit = null
  }

  #relayUpdate = (update: Uint8Array, origin: unknown, doc: Y.Doc, transaction: Y.Transaction): void => {
    if (origin === 'storage') return // the initial load or waking up: nothing new for anyone
    // The lock or the set of locked records may have changed.
    if (this.#restrictions && mayChangeRestrictions(doc, transaction)) this.#restrictions = null
    this.#lastChange = performance.now()
    // An update without structs only deleted: the board may be smaller now (measured when it matters).
    if (update[0] === 0) this.#shrunk = true
    else this.#sizeBytes += update.byteLength
    if (this.#applyingLive) return // relayed already, as received
    if (this.#collecting) this.#collecting.push({ update, origin })
    else this.#relayCollected([{ update, origin }])
  }

  /**
   * Relays what was applied. One change goes to everyone but its sender. Several changes applied together (a
   * group commit: many people editing in the same moment) go out as ONE merged update to every socket — n
   * frames instead of k × n. A sender then also gets its own change back inside it, which Yjs ignores (it has
   * those items already); only a socket that sent every one of the changes is skipped.
   */
  #relayCollected(collected: Array<{ update: Uint8Array; origin: unknown }>): void {
    if (collected.length === 0) return
    const origins = new Set(collected.map((c) => c.origin))
    const update =
      collected.length === 1 ? collected[0]!.update : Y.mergeUpdates(collected.map((c) => c.update))
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, MessageType.sync)
    syncProtocol.writeUpdate(encoder, update)
    const message = encoding.toUint8Array(encoder)
    const only = origins.size === 1 ? collected[0]!.origin : undefined
    for (const socket of this.#sockets.keys()) if (socket !== only) socket.send(message)
  }

  /**
   * A connection's presence update. Only its own entry counts (see `Member`); others' entries are dropped unread,
   * never closing the connection: the stock client echoes every change it receives, and sends removals of peers it
   * timed out. Over its allowance the update waits (the latest wins); far over it, the connection is closed (4429).
   */
  #receivePresence(socket: RoomSocket, update: Uint8Array): void {
    const member = this.#sockets.get(socket)!
    let own: AwarenessEntry | null = null
    for (const entry of readAwarenessEntries(update)) {
      if (member.client === null && this.#mayClaim(socket, member, entry)) {
        member.client = entry.client
        this.#owners.set(entry.client, socket)
        this.#holders.held(entry.client, socket.role, socket.generation)
      }
      if (entry.client === member.client) own = entry
    }
    if (!own) return
    if (!member.flood.take()) {
      this.#refuse(socket, CloseCodes.RATE_LIMITED.code, 'AWARENESS_RATE')
      return
    }
    if (member.pending || !member.rate.take()) {
      member.pending = own
      this.#schedulePending(socket, member)
      return
    }
    this.#applyOwnPresence(socket, own)
  }

  /**
   * Whether a connection that speaks for no id yet may take this entry's: a state (not a removal), for an id no
   * other connection here holds and with no live entry from another instance, that was last held (if the room
   * remembers it) by a connection of the same role and no newer link generation. A connection that was in the room
   * before the id was freed may have been sent its last state, so from it only a clock newer than the room's counts
   * (never a late echo of someone who just left); one that joined after may take it with any clock (a reconnecting
   * tab keeps its id and its clock, which the room's relayed clocks may have passed).
   */
  #mayClaim(socket: RoomSocket, member: Member, { client, clock, json }: AwarenessEntry): boolean {
    if (isRemoval(json) || this.#owners.has(client) || this.awareness.states.has(client)) return false
    const verdict = this.#holders.mayTake(client, socket.role, socket.generation, member.joinedAt)
    if (verdict !== 'echo-possible') return verdict === 'fresh'
    const meta = this.awareness.meta.get(client)
    return meta === undefined || meta.clock < clock
  }

  #schedulePending(socket: RoomSocket, member: Member): void {
    if (member.pendingTimer) return
    member.pendingTimer = setTimeout(
      () => {
        member.pendingTimer = null
        const entry = member.pending
        if (!entry || this.#destroyed || !this.#sockets.has(socket)) return
        if (!member.rate.take()) {
          this.#schedulePending(socket, member)
          return
        }
        member.pending = null
        try {
          this.#applyOwnPresence(socket, entry)
        } catch {
          this.#closeSocket(socket, CloseCodes.BAD_MESSAGE.code, 'BAD_MESSAGE')
        }
      },
      Math.max(1, Math.ceil(member.rate.msUntilToken())),
    )
    member.pendingTimer.unref?.()
  }

  /**
   * Stamps and applies a connection's own entry (its JSON parsed once, here); throws on JSON that does not parse.
   * The clock relayed is the room's own: one past the last it relayed (or took from another instance) for the id,
   * whatever clock the connection wrote — a forged jump is never relayed, and a reconnecting tab's lower clock is
   * still shown; only for an id the room has never seen, the connection's own clock (at most `MAX_FIRST_CLOCK`).
   */
  #applyOwnPresence(socket: RoomSocket, { client, clock, json }: AwarenessEntry): void {
    const stamped = stampPresence(decodeUtf8(json), socket.role, this.#limits.presence.maxStateBytes)
    if (stamped === 'TOO_LARGE') {
      this.#refuse(socket, CloseCodes.MESSAGE_TOO_LARGE.code, 'AWARENESS_TOO_LARGE')
      return
    }
    if (stamped === 'NOT_AN_OBJECT') return
    const member = this.#sockets.get(socket)!
    const previous = this.awareness.meta.get(client)?.clock
    const relayed = previous === undefined ? Math.min(Math.max(clock, 1), MAX_FIRST_CLOCK) : previous + 1
    member.offset = relayed - clock
    this.#setPresence(client, relayed, stamped.state, socket)
  }

  /**
   * Applies one presence entry as y-protocols' `applyAwarenessUpdate` does (only a newer clock counts; a removal at
   * the same clock too), with the state already parsed; emits the awareness events that relay it.
   */
  #setPresence(client: number, clock: number, state: unknown, origin: unknown): void {
    const { awareness } = this
    const meta = awareness.meta.get(client)
    const had = awareness.states.has(client)
    const current = meta?.clock ?? 0
    if (!(current < clock || (current === clock && state === null && had))) return
    const previous = awareness.states.get(client)
    if (state === null) awareness.states.delete(client)
    else awareness.states.set(client, state as Record<string, unknown>)
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

  #relayAwareness = (
    change: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const local = origin !== REMOTE && this.#options.peers !== undefined
    for (const id of [...change.added, ...change.updated, ...change.removed]) {
      this.#awarenessChanged.add(id)
      if (local) this.#awarenessToPublish.add(id)
    }
    if (this.#awarenessScheduled) return
    this.#awarenessScheduled = true
    setImmediate(this.#flushAwareness)
  }

  /**
   * Presence changes are relayed once per event-loop turn: every state that changed in it, in one message to every
   * socket. Under load (cursors of dozens of people) that is one frame per socket per turn instead of one per
   * change; alone, a change still goes out in the same turn. Sent to everyone, the sender included: it doubles as
   * the keep-alive the y-websocket client expects.
   */
  #flushAwareness = (): void => {
    this.#awarenessScheduled = false
    if (this.#destroyed) return
    const changed = [...this.#awarenessChanged]
    const publish = [...this.#awarenessToPublish]
    this.#awarenessChanged.clear()
    this.#awarenessToPublish.clear()
    if (changed.length > 0) {
      const message = this.#awarenessMessage(changed)
      for (const [socket, member] of this.#sockets)
        socket.send(this.#awarenessMessageFor(member, changed, message))
    }
    if (publish.length > 0) {
      this.#options.peers?.publishAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, publish))
    }
  }

  #awarenessMessage(clients: number[]): Uint8Array {
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, MessageType.awareness)
    encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(this.awareness, clients))
    return encoding.toUint8Array(encoder)
  }

  #closeSocket(socket: RoomSocket, code: number, reason: string): void {
    this.leave(socket)
    socket.close(code, reason)
  }
}

/** An encoded state vector of an empty document (a first visit, no local copy). */
function isEmptyStateVector(stateVector: Uint8Array): boolean {
  return stateVector.byteLength === 1 && stateVector[0] === 0
}
