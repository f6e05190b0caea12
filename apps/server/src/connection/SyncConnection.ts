import { CloseCodes, type Frame, readFrame, type TokenPayload } from '@waardentafel/protocol'
import { closeCodeFor } from '../errors.ts'
import { RateLimiter } from '../room/RateLimiter.ts'
import type { RoomSocket } from '../room/Room.ts'
import { ConnectionWriter } from './ConnectionWriter.ts'
import {
  FIRST_MESSAGE_WAIT_MS,
  FLOOD_BACKLOG_MS,
  MAX_EARLY_FRAMES,
  MAX_NEW_AWARENESS_CLIENTS,
  MAX_TIMER_MS,
  VIOLATIONS,
} from './connectionLimits.ts'
import type { ConnectionRoom, ConnectionState, SyncConnectionOptions } from './SyncConnectionOptions.ts'
import type { TimerHandle } from './scheduler.ts'
import { isFirstVisit, StoredAnswer } from './storedAnswer.ts'

export type {
  ConnectionRoom,
  ConnectionRooms,
  ConnectionState,
  SyncConnectionOptions,
} from './SyncConnectionOptions.ts'

/**
 * The server side of one `/sync/:boardId?token=…` WebSocket: checks the link before anything is sent, loads the board
 * while keeping what the client sends, then relays frames between the client and the board's room. It owns the
 * framing check, the rate limits and the writes; a client that breaks the protocol is closed with a documented code
 * and counted against its address. Every entry point (`start`, `receive`, `socketClosed`, timers) is an error
 * boundary: whatever throws closes this connection alone.
 */
export class SyncConnection {
  readonly #o: SyncConnectionOptions
  readonly #writer: ConnectionWriter
  readonly #limiter: RateLimiter
  #state: ConnectionState = 'authenticating'
  /** Frames that arrived before the connection joined the room, in order. */
  readonly #backlog: Array<{ bytes: Uint8Array; frame: Frame }> = []
  #room: ConnectionRoom | null = null
  #roomSocket: RoomSocket | null = null
  /** Whether this connection holds the board's room (acquired, to be released when the socket closes). */
  #holdsRoom = false
  #violated = false
  #resumeTimer: TimerHandle | null = null
  #expiryTimer: TimerHandle | null = null
  /** A first visit's answer read from storage while the room is built; dropped once joined (it may be large). */
  #stored: StoredAnswer | null = null
  #storedSent = false
  #firstFrame: (() => void) | null = null
  readonly #newAwarenessClients = new Set<number>()
  readonly #heldPresence: Uint8Array[] = []

  constructor(options: SyncConnectionOptions) {
    this.#o = options
    this.#writer = new ConnectionWriter(options.socket, options.turns, options.scheduler)
    const { limits, scheduler } = options
    this.#limiter = new RateLimiter(limits.maxMessagesPerSecond, limits.maxBytesPerSecond, () =>
      scheduler.now(),
    )
  }

  get state(): ConnectionState {
    return this.#state
  }

  /** Checks the link and joins the board's room; resolves when it has joined, or was refused or closed. */
  start(): Promise<void> {
    return this.#load().catch((error: unknown) => this.#guard('sync connection', () => this.#refused(error)))
  }

  /** One message from the client (the hot path: its error boundary is written out, no closure per frame). */
  receive(bytes: Uint8Array, isBinary: boolean): void {
    try {
      this.#receive(bytes, isBinary)
    } catch (error) {
      this.#fail(error, 'sync frame')
    }
  }

  /** The WebSocket reported an error (it closes itself after one). */
  socketError(error: Error & { code?: string }): void {
    const { refusals, address, boardId } = this.#o
    // ws refuses a frame it cannot read (too large for it, bad framing, invalid UTF-8) with an error, then closes.
    if (error.code?.startsWith('WS_ERR_')) this.#violates()
    refusals.note('warn', error.code ?? 'SOCKET_ERROR', address, `socket error: ${error.message}`, {
      boardId,
    })
  }

  /** The WebSocket is closed: leave the room, stop the timers, let go of the board. */
  socketClosed(): void {
    this.#guard('sync close', () => {
      this.#state = 'closed'
      this.#backlog.length = 0
      this.#stored = null
      const { scheduler, rooms, boardId } = this.#o
      if (this.#resumeTimer) scheduler.clearTimeout(this.#resumeTimer)
      if (this.#expiryTimer) scheduler.clearTimeout(this.#expiryTimer)
      this.#firstFrame?.()
      this.#leaveRoom()
      if (this.#holdsRoom) rooms.release(boardId)
    })
  }

  get #over(): boolean {
    return this.#state === 'closing' || this.#state === 'closed'
  }

  #receive(bytes: Uint8Array, isBinary: boolean): void {
    // Frames already read after the connection was closed or broke the protocol are dropped unlooked-at.
    if (this.#over || !this.#o.socket.open) return
    if (!isBinary) {
      this.#refuse(CloseCodes.BAD_MESSAGE.code, 'TEXT_FRAME')
      return
    }
    if (bytes.byteLength > this.#o.limits.maxMessageBytes) {
      this.#refuse(CloseCodes.MESSAGE_TOO_LARGE.code, 'TOO_LARGE')
      return
    }
    // Ahead of its allowance: stop reading from this connection until it is back within it (TCP backpressure
    // slows the sender); only a backlog of several seconds is treated as a flood.
    const aheadMs = this.#limiter.take(bytes.byteLength)
    if (aheadMs > FLOOD_BACKLOG_MS) {
      this.#refuse(CloseCodes.RATE_LIMITED.code, 'RATE_LIMITED')
      return
    }
    if (aheadMs > 0) this.#pauseFor(aheadMs)
    // Framing is checked before anything is decoded: junk costs a few byte reads, not a decode in the room.
    const read = readFrame(bytes)
    if (!read.ok) {
      this.#refuse(CloseCodes.BAD_MESSAGE.code, read.problem)
      return
    }
    const frame = read.value
    if (frame.type === 'auth') return // authorisation is the link token; in-band auth is ignored
    if (this.#state === 'live') {
      this.#deliver(bytes, frame)
      return
    }
    if (this.#backlog.length >= MAX_EARLY_FRAMES) {
      this.#refuse(CloseCodes.RATE_LIMITED.code, 'RATE_LIMITED')
      return
    }
    this.#backlog.push({ bytes, frame })
    this.#firstFrame?.()
    this.#answerStep1()
  }

  /**
   * The one place a client's sync step 1 is answered before the room: a first visit (empty state vector) to a board
   * not in memory, from the stored board, as soon as both are there. Every other step 1 is answered by the room once
   * the connection joins it (from the backlog, in order); the room then also sends what it holds beyond the stored
   * answer (`#join`). Building a large board's document takes a while: this is how a joining client gets it fast.
   */
  #answerStep1(): void {
    if (!this.#stored || this.#storedSent || this.#state !== 'syncing') return
    const index = this.#backlog.findIndex(
      ({ frame }) => frame.type === 'sync' && frame.subtype === 'step1' && isFirstVisit(frame.stateVector),
    )
    if (index < 0) return
    this.#backlog.splice(index, 1)
    this.#writer.send(this.#stored.message)
    this.#storedSent = true
  }

  async #load(): Promise<void> {
    const { boardId, rooms } = this.#o
    const { payload } = await this.#o.authorize(boardId, this.#o.token)
    if (this.#over) return
    this.#state = 'syncing'
    this.#expireAt(payload.exp)
    if (this.#over) return
    if (!rooms.isInMemory(boardId)) {
      this.#stored = new StoredAnswer(await rooms.readStored(boardId))
      // A first visit's sync step 1 follows the upgrade within a moment: wait briefly for it before building.
      if (this.#backlog.length === 0) await this.#firstFrameOrTimeout()
      this.#answerStep1()
      if (this.#over) return
    }
    this.#holdsRoom = true
    const room = await rooms.acquire(boardId)
    if (this.#over) return
    this.#join(room, payload)
  }

  #join(room: ConnectionRoom, payload: TokenPayload): void {
    const socket: RoomSocket = {
      id: this.#o.socketId,
      role: payload.r,
      generation: payload.g,
      send: (message) => this.#writer.send(message),
      // A full board (4413 BOARD_FULL) is no protocol violation: a real user's edit can meet it.
      close: (code, reason) =>
        VIOLATIONS.has(code) && reason !== 'BOARD_FULL'
          ? this.#refuse(code, reason)
          : this.#close(code, reason),
    }
    this.#room = room
    this.#roomSocket = socket
    this.#state = 'live'
    room.join(socket)
    const catchUp = this.#storedSent ? this.#stored?.catchUp(room) : null
    if (catchUp) socket.send(catchUp)
    // The stored board read for the first answer is not needed any more; this connection may live for hours.
    this.#stored = null
    for (const { bytes, frame } of this.#backlog.splice(0)) this.#deliver(bytes, frame)
    this.#o.log.debug({ boardId: this.#o.boardId, role: payload.r, socket: socket.id }, 'joined')
  }

  #firstFrameOrTimeout(): Promise<void> {
    return new Promise((resolve) => {
      const timer = this.#o.scheduler.setTimeout(() => {
        this.#firstFrame = null
        resolve()
      }, FIRST_MESSAGE_WAIT_MS)
      this.#firstFrame = () => {
        this.#firstFrame = null
        this.#o.scheduler.clearTimeout(timer)
        resolve()
      }
    })
  }

  /** Hands a checked frame to the room, unless it floods the board's presence with client ids it never had. */
  #deliver(bytes: Uint8Array, frame: Frame): void {
    const room = this.#room
    const socket = this.#roomSocket
    if (this.#over || !room || !socket) return
    if (frame.type !== 'awareness') {
      room.receive(socket, bytes)
      return
    }
    const known = room.awareness.meta
    let flood = false
    readFrame(bytes, (client, removal) => {
      if (removal || known.has(client) || this.#newAwarenessClients.has(client)) return
      this.#newAwarenessClients.add(client)
      if (this.#newAwarenessClients.size > MAX_NEW_AWARENESS_CLIENTS) flood = true
    })
    if (flood) {
      this.#refuse(CloseCodes.RATE_LIMITED.code, 'AWARENESS_FLOOD')
      return
    }
    // Presence is relayed to everyone on the board: held until this read of the connection is handled, so that
    // a connection that breaks the protocol in the same burst (as junk senders do) never shows up — nor its
    // removal — in everyone's presence. A client's presence goes out one event-loop turn later.
    this.#heldPresence.push(bytes)
    if (this.#heldPresence.length === 1) this.#o.scheduler.afterIo(() => this.#releasePresence(room, socket))
  }

  #releasePresence(room: ConnectionRoom, socket: RoomSocket): void {
    const held = this.#heldPresence.splice(0)
    if (this.#over) return
    for (const bytes of held) room.receive(socket, bytes)
  }

  #pauseFor(ms: number): void {
    if (this.#resumeTimer) return
    const { socket, scheduler } = this.#o
    socket.pauseReading()
    this.#resumeTimer = scheduler.setTimeout(() => {
      this.#resumeTimer = null
      socket.resumeReading()
    }, ms)
  }

  /**
   * A link's expiry applies to the sockets opened with it: at `exp` the connection is closed with 4410 (final), and
   * frames that arrive after that are dropped unread.
   */
  #expireAt(exp: number): void {
    const { scheduler } = this.#o
    const left = exp * 1000 - scheduler.wallNow()
    if (left <= 0) {
      this.#leaveRoom()
      this.#close(CloseCodes.TOKEN_EXPIRED.code, 'TOKEN_EXPIRED')
      return
    }
    this.#expiryTimer = scheduler.setTimeout(
      () =>
        this.#guard('link expiry', () => {
          this.#expiryTimer = null
          if (this.#state !== 'closed') this.#expireAt(exp)
        }),
      Math.min(left, MAX_TIMER_MS),
    )
  }

  #leaveRoom(): void {
    if (this.#room && this.#roomSocket) this.#room.leave(this.#roomSocket)
  }

  #close(code: number, reason: string): void {
    if (this.#state !== 'closed') this.#state = 'closing'
    this.#writer.close(code, reason)
  }

  /** Closes a connection that broke the protocol at once: it leaves the room now (nothing more is relayed to it). */
  #refuse(code: number, reason: string): void {
    this.#violates()
    this.#backlog.length = 0
    this.#leaveRoom()
    this.#close(code, reason)
  }

  #violates(): void {
    if (this.#violated) return
    this.#violated = true
    this.#o.violation?.()
  }

  #guard(where: string, handler: () => void): void {
    try {
      handler()
    } catch (error) {
      this.#fail(error, where)
    }
  }

  /**
   * Loading the connection failed: the link or the board was refused (closed with the AppError's code, logged once
   * per kind and address), or loading broke (4500).
   */
  #refused(error: unknown): void {
    const { refusals, address, boardId } = this.#o
    const { code, reason } = closeCodeFor(error)
    if (code === CloseCodes.INTERNAL_ERROR.code)
      refusals.report(error, address, 'sync connection', { boardId })
    else refusals.note('info', reason, address, 'sync connection refused', { boardId, reason })
    // A forged or mangled token is what guessing looks like; an expired or revoked link is not held against anyone.
    if (reason === 'TOKEN_INVALID') this.#violates()
    this.#close(code, reason)
  }

  /**
   * The error boundary of every handler: whatever one of them throws closes this connection alone (4400 for bad
   * input, 4500 for our own failure), logged once per kind and address.
   */
  #fail(error: unknown, where: string): void {
    const { refusals, address, boardId } = this.#o
    refusals.report(error, address, where, { boardId })
    const { code, reason } = closeCodeFor(error)
    try {
      if (code === CloseCodes.BAD_MESSAGE.code) this.#refuse(code, reason)
      else this.#close(code, reason)
    } catch (closing) {
      refusals.report(closing, address, 'closing a sync connection', { boardId })
      this.#o.socket.terminate()
    }
  }
}
