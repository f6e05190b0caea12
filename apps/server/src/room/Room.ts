import { CloseCodes, canWrite, MessageType, SyncMessageType } from '@waardentafel/protocol'
import * as decoding from 'lib0/decoding'
import * as Y from 'yjs'
import type { SeqUpdate } from '../fanout/BoardFanout.ts'
import { mayChangeRestrictions, restrictionsOf } from '../policy/restrictionsOf.ts'
import type { Restrictions } from '../policy/updatePolicy.ts'
import { realClock, realScheduler } from '../time/Clock.ts'
import { AskThrottle } from './AskThrottle.ts'
import { type AdmissionContext, admitUpdate, refusalCode } from './admitUpdate.ts'
import { CommitQueue } from './CommitQueue.ts'
import { DocHolder } from './DocHolder.ts'
import { syncStep1Message } from './messages.ts'
import { PeerSync } from './PeerSync.ts'
import { PresenceRelay } from './PresenceRelay.ts'
import { DEFAULT_ROOM_LIMITS, type RoomLimits } from './RoomLimits.ts'
import type { RoomOptions } from './RoomOptions.ts'
import type { RoomSocket } from './RoomSocket.ts'
import { type AppliedChange, relayUpdates } from './relayUpdates.ts'
import { serverChange } from './serverChange.ts'

export type { Clock, Scheduler } from '../time/Clock.ts'
export type { RoomPeers } from './PeerSync.ts'
export type { PersistUpdates, RoomOptions } from './RoomOptions.ts'
export type { RoomSocket } from './RoomSocket.ts'

const DEFAULT_MAX_AWARENESS_BYTES = 64 * 1024

/** Origin of changes the server makes itself (facilitator actions arriving over HTTP). */
const SERVER = Symbol('server')

/** Transaction origin of changes that came from another server instance. */
const REMOTE = Symbol('remote-instance')

/**
 * An accepted update waiting to be stored. `live`: a change as it is made (a sync update message, or the server's
 * own), relayed as received once durable. Otherwise a client's sync step 2 (catching up after a reconnect), which
 * repeats much the room has (its whole delete set): only what it changes is relayed, after it is applied.
 */
type Pending = { update: Uint8Array; origin: RoomSocket | typeof SERVER; live: boolean }

/**
 * One board in memory, coordinating its parts: the document (`DocHolder`: load, hibernation, size), the group-commit
 * queue (`CommitQueue`), presence (`PresenceRelay`), positions and the storage tail (`PeerSync`), questions after a
 * gap (`AskThrottle`), and the pure judgement of an update (`admitUpdate`). Pure: no ws, http or storage imports.
 *
 * Order of an edit: decode and check the update → queue → persist the batch (group commit) →
 * apply to the doc → relay to the other sockets. So every byte any client can receive is durable.
 */
export class Room {
  readonly boardId: string
  readonly #options: Omit<RoomOptions, 'stored'>
  readonly #limits: RoomLimits
  readonly #holder: DocHolder
  readonly #queue: CommitQueue<Pending>
  readonly #presence: PresenceRelay
  readonly #sockets = new Set<RoomSocket>()
  readonly #sync: PeerSync
  readonly #asks: AskThrottle<RoomSocket>
  readonly #admission: AdmissionContext
  /** The write policy's view of the doc (locks, locked records), worked out again when a change may alter it. */
  #restrictions: { doc: Y.Doc; value: Restrictions } | null = null
  // One client id per room and process for the server's own writes: its clock continues from the doc.
  readonly #serverClientId = Math.floor(Math.random() * 0x7fffffff)
  /** While a stored batch is applied: what it changed, relayed together afterwards. */
  #collecting: AppliedChange[] | null = null
  /** While a live update of a stored batch is applied (relayed already). */
  #applyingLive = false
  #destroyed = false

  constructor(options: RoomOptions) {
    const { stored, ...rest } = options
    this.#options = rest
    this.boardId = options.boardId
    this.#limits = {
      ...DEFAULT_ROOM_LIMITS,
      ...options.limits,
      presence: { ...DEFAULT_ROOM_LIMITS.presence, ...options.limits?.presence },
    }
    const time = { clock: options.clock ?? realClock, scheduler: options.scheduler ?? realScheduler }
    this.#sync = new PeerSync({
      peers: options.peers,
      lastSeq: stored.lastSeq,
      scheduler: time.scheduler,
      applyStored: (update) => this.#holder.applyStored(update, REMOTE),
      revoke: (generations) =>
        this.closeWhere(
          (s) => s.generation < (generations[s.role] ?? 0),
          CloseCodes.FORBIDDEN.code,
          'TOKEN_REVOKED',
        ),
    })
    this.#asks = new AskThrottle<RoomSocket>({
      ...time,
      // Writers only, while connected: an observer's document state is never taken.
      mayAsk: (socket) => canWrite(socket.role) && this.#sockets.has(socket),
      ask: (socket) => socket.send(syncStep1Message(this.#holder.encodeStateVector())),
    })
    this.#queue = new CommitQueue<Pending>({
      ...time,
      persist: options.persist,
      apply: (batch, seqs) => this.#applyBatch(batch, seqs),
      onPersisted: options.onPersisted,
      onFailure: (error) => {
        this.destroy(CloseCodes.INTERNAL_ERROR.code, 'STORAGE_FAILED')
        this.#options.onFailure(error)
      },
    })
    this.#holder = new DocHolder({
      ...time,
      stored,
      hibernateAfterMs: options.hibernateAfterMs,
      onSkippedStoredUpdate: options.onSkippedStoredUpdate,
      onHibernation: options.onHibernation,
      onChange: this.#onChange,
      busy: () => this.#queue.busy || this.#sync.resyncing,
    })
    const holder = this.#holder
    this.#admission = {
      get doc() {
        return holder.doc
      },
      limits: this.#limits,
      pending: this.#queue,
      restrictions: () => this.#currentRestrictions(),
      overBudget: (update, structs) => this.#overBudget(update, structs),
    }
    this.#presence = new PresenceRelay({
      ...time,
      limits: this.#limits.presence,
      maxAwarenessBytes: options.maxAwarenessBytes ?? DEFAULT_MAX_AWARENESS_BYTES,
      publish: options.peers ? (update) => options.peers?.publishAwareness(update) : undefined,
      refuse: (socket, code, reason) => this.#refuse(socket, code, reason),
      close: (socket, code, reason) => this.#closeSocket(socket, code, reason),
    })
  }

  /** The shared document, rebuilt from its encoded state first if the room hibernates. */
  get doc(): Y.Doc {
    return this.#holder.doc
  }

  /** The presence of everyone on the board. */
  get awareness(): PresenceRelay['awareness'] {
    return this.#presence.awareness
  }

  /** Whether the document holds exactly what storage held at `position` (nothing later, nothing missing). */
  holdsExactly(position: number): boolean {
    return this.#sync.holdsExactly(position)
  }

  /** Whether the room holds its document only as encoded bytes right now. */
  get hibernating(): boolean {
    return this.#holder.hibernating
  }

  /**
   * Drops the Y.Doc and keeps its encoded state, unless something is queued or being stored. Called by the
   * room itself after `hibernateAfterMs` without a change; returns whether it hibernated.
   */
  hibernate(): boolean {
    return this.#holder.hibernate()
  }

  /** What the room holds beyond `stateVector` (everything when absent), without waking a hibernating room. */
  encodeStateAsUpdate(stateVector?: Uint8Array): Uint8Array {
    return this.#holder.encodeStateAsUpdate(stateVector)
  }

  get size(): number {
    return this.#sockets.size
  }

  /** Resolves when everything queued so far is durable and relayed. */
  flushed(): Promise<void> {
    return this.#queue.flushed()
  }

  join(socket: RoomSocket): void {
    if (this.#destroyed) throw new Error('room destroyed')
    this.#sockets.add(socket)
    this.#presence.join(socket)
    // Ask the client for what we miss (writers only: an observer's document state is never taken).
    if (canWrite(socket.role)) socket.send(syncStep1Message(this.#holder.encodeStateVector()))
    this.#presence.sendStates(socket)
  }

  /** Removes the connection and its own presence entry (nobody else's). */
  leave(socket: RoomSocket): void {
    if (!this.#sockets.delete(socket)) return
    this.#asks.forget(socket)
    this.#presence.leave(socket)
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

  /** Closes the sockets that match, e.g. those whose links were revoked. */
  closeWhere(match: (socket: RoomSocket) => boolean, code: number, reason: string): number {
    const matching = [...this.#sockets].filter(match)
    for (const socket of matching) this.#closeSocket(socket, code, reason)
    return matching.length
  }

  /** Closes every socket with the given code and releases memory. */
  destroy(code: number = CloseCodes.GOING_AWAY.code, reason = 'GOING_AWAY'): void {
    if (this.#destroyed) return
    this.#destroyed = true
    this.#queue.close()
    this.#sync.close()
    this.#asks.close()
    for (const socket of [...this.#sockets]) this.#closeSocket(socket, code, reason)
    this.#presence.destroy()
    this.#holder.destroy()
  }

  /**
   * Makes a change as the server (facilitator actions over HTTP): built on a copy of the doc, then stored,
   * applied and relayed like any client update. Resolves once it is durable and relayed.
   */
  async applyServerChange(change: (doc: Y.Doc) => void): Promise<void> {
    if (this.#destroyed) throw new Error('room destroyed')
    const update = serverChange(this.encodeStateAsUpdate(), this.#serverClientId, change)
    this.#queue.push({ update, origin: SERVER, live: true })
    await this.flushed()
  }

  /**
   * Updates another instance stored together; applied here (what is known already by its position is skipped) in
   * one transaction, so its clients get them as one relayed change, as they would from a group commit here.
   */
  receiveRemoteUpdates(updates: readonly SeqUpdate[]): void {
    if (this.#destroyed) return
    const fresh = updates.filter(({ seq }) => !this.#sync.has(seq))
    if (fresh.length === 0) return
    this.doc.transact(() => {
      for (const { seq, update } of fresh) {
        try {
          Y.applyUpdate(this.doc, update, REMOTE)
        } catch {
          continue // unreadable: its position stays a gap, and the storage tail brings the stored version
        }
        this.#sync.add(seq)
      }
    }, REMOTE)
    this.#sync.repairGaps()
  }

  /** Presence of clients on other instances, stamped and clocked there (see `PresenceRelay.receiveRemote`). */
  receiveRemoteAwareness(update: Uint8Array): void {
    if (this.#destroyed) return
    this.#presence.receiveRemote(update)
  }

  /** Applies whatever storage holds beyond the last contiguous position this room has seen. */
  resync(): Promise<void> {
    return this.#sync.resync()
  }

  #handle(socket: RoomSocket, message: Uint8Array): void {
    const decoder = decoding.createDecoder(message)
    const type = decoding.readVarUint(decoder)
    switch (type) {
      case MessageType.sync:
        this.#handleSync(socket, decoder)
        return
      case MessageType.awareness:
        this.#presence.receive(socket, decoding.readVarUint8Array(decoder))
        return
      case MessageType.queryAwareness:
        this.#presence.sendStates(socket, true)
        return
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
      socket.send(this.#holder.syncStep2(decoding.readVarUint8Array(decoder)))
      return
    }
    if (subtype !== SyncMessageType.step2 && subtype !== SyncMessageType.update) {
      throw new Error(`unknown sync message ${subtype}`)
    }
    const update = decoding.readVarUint8Array(decoder)
    if (!canWrite(socket.role)) return // observers' document changes are dropped, never stored or relayed
    const admission = admitUpdate(socket.role, update, this.#admission)
    switch (admission) {
      case 'STORE':
        this.#queue.push({ update, origin: socket, live: subtype === SyncMessageType.update })
        this.#queue.schedule()
        return
      case 'DROP':
        return
      case 'GAP_OWN':
      case 'GAP_OTHERS':
        // Dropped, and the client is asked for what the server lacks (sync step 1; its step 2 carries this update
        // with what it builds on); with other instances storage is tailed first, so what it builds on by someone
        // else is here when the step 2 comes.
        this.#options.onDroppedGap?.(socket)
        if (admission === 'GAP_OTHERS' && this.#options.peers) {
          void this.resync().then(() => this.#asks.soon(socket))
        } else this.#asks.soon(socket)
        return
      default:
        this.#refuse(socket, refusalCode(admission), admission)
    }
  }

  /**
   * Whether storing this update would take the board past its size budget. Updates that only delete always pass (a
   * full board can be cleaned up); see `DocHolder.exceedsBudget` for how the size is known.
   */
  #overBudget(update: Uint8Array, structs: number): boolean {
    const max = this.#limits.maxBoardBytes
    if (max === null || structs === 0) return false
    return this.#holder.exceedsBudget(update.byteLength + this.#queue.pendingBytes, max)
  }

  #currentRestrictions(): Restrictions {
    const doc = this.doc
    if (this.#restrictions?.doc !== doc) this.#restrictions = { doc, value: restrictionsOf(doc) }
    return this.#restrictions.value
  }

  /** A stored batch: to the other instances, applied to the doc, relayed (called by the commit queue). */
  #applyBatch(batch: Pending[], seqs: number[]): void {
    const stored: SeqUpdate[] = []
    batch.forEach(({ update }, i) => {
      const seq = seqs[i]
      if (seq !== undefined) stored.push({ seq, update })
    })
    // Durable now. To the other instances first: one message, cheap to send, and their clients wait longest.
    this.#options.peers?.publishUpdates(stored)
    // Then live changes to the sockets, as received (one merged update for a group): an edit's latency is storage
    // plus relay; the room's doc applies them right after, in this same turn. What the catching-up updates change
    // is relayed once, after all of the batch is applied (see `relayUpdates`).
    relayUpdates(
      this.#sockets,
      batch.filter((p) => p.live),
    )
    const collected: AppliedChange[] = []
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
    relayUpdates(this.#sockets, collected)
    for (const { seq } of stored) this.#sync.add(seq)
    this.#sync.repairGaps()
  }

  /** A change applied to the doc (see `DocHolder`): relayed now, collected for a batch, or relayed already. */
  #onChange = (update: Uint8Array, origin: unknown, doc: Y.Doc, transaction: Y.Transaction): void => {
    // The lock or the set of locked records may have changed.
    if (this.#restrictions && mayChangeRestrictions(doc, transaction)) this.#restrictions = null
    if (this.#applyingLive) return // relayed already, as received
    if (this.#collecting) this.#collecting.push({ update, origin })
    else relayUpdates(this.#sockets, [{ update, origin }])
  }

  /** Refuses what a connection sent: reported, and the connection closed (it leaves the room first). */
  #refuse(socket: RoomSocket, code: number, reason: string): void {
    this.#options.onRefused?.(socket, reason)
    this.#closeSocket(socket, code, reason)
  }

  #closeSocket(socket: RoomSocket, code: number, reason: string): void {
    this.leave(socket)
    socket.close(code, reason)
  }
}
