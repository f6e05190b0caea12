import type { IncomingMessage } from 'node:http'
import { CloseCodes, MessageType, SyncMessageType } from '@waardentafel/protocol'
import type { Logger } from 'pino'
import type { RawData, WebSocket } from 'ws'
import type { BoardService } from '../BoardService.ts'
import type { Config } from '../config.ts'
import { closeCodeFor } from '../errors.ts'
import { RateLimiter } from '../room/RateLimiter.ts'
import type { Room, RoomSocket } from '../room/Room.ts'
import type { RoomManager } from '../room/RoomManager.ts'
import { catchUpMessage, isFreshSyncStep1, storedAsSyncStep2 } from './earlyAnswer.ts'
import type { RefusalLog } from './RefusalLog.ts'
import { SHARED_FRAME_MAX_BYTES, sharedFrame } from './sharedFrame.ts'

export type SyncDeps = {
  config: Config
  boards: BoardService
  rooms: RoomManager
  log: Logger
  /** Told when this connection breaks the protocol (admission control counts it against the client's address). */
  violation?: (req: IncomingMessage) => void
  /** Where this connection's error boundaries log what they catch (throttled per client address). */
  refusals: RefusalLog
  /** The client's address, for the log. */
  address: string
  now?: () => number
}

/** What the upgrade request asked for, already decoded and checked by the upgrade handler. */
export type SyncTarget = { boardId: string; token: string | null }

/** setTimeout takes at most 2^31-1 ms (~24.8 days); a link's expiry further out is re-armed when that passes. */
const MAX_TIMER_MS = 2 ** 31 - 1

/** Close codes that mean the client broke the protocol (as opposed to a refused link or a server problem). */
const VIOLATIONS: ReadonlySet<number> = new Set([
  CloseCodes.BAD_MESSAGE.code,
  CloseCodes.MESSAGE_TOO_LARGE.code,
  CloseCodes.RATE_LIMITED.code,
])

let nextSocketId = 0

/** A number for the current turn of the event loop (for "sent already in this turn"), counted once per turn. */
let turn = 0
let turnEnding = false
const endTurn = () => {
  turn++
  turnEnding = false
}
function currentTurn(): number {
  if (!turnEnding) {
    turnEnding = true
    process.nextTick(endTurn)
  }
  return turn
}

/** A connection more than this far ahead of its message/byte allowance is flooding and is closed (4429). */
const FLOOD_BACKLOG_MS = 5000

/** How long a connection to a board not in memory waits for the client's sync step 1 before building the room. */
const FIRST_MESSAGE_WAIT_MS = 100

/**
 * Frames kept while the board loads. A y-websocket client sends two or three (sync step 1, awareness, perhaps an
 * update) before it hears from the server; a connection that sends far more before it has joined is flooding (4429).
 */
const MAX_EARLY_FRAMES = 64

/**
 * Presence entries a connection may introduce that the board has never seen. A y-websocket client has one (its own
 * client id); it also echoes the entries of others, which the board already knows and which are not counted. A
 * connection that keeps inventing client ids is flooding everyone's presence (4429, its frame is not relayed).
 */
const MAX_NEW_AWARENESS_CLIENTS = 4

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data))
  if (data instanceof ArrayBuffer) return new Uint8Array(data)
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
}

/**
 * Adapts one `ws` connection on `/sync/:boardId?token=…` to a Room. The token is checked before
 * anything is sent; frames that arrive while the board loads are kept and handled in order after.
 */
export function handleSyncConnection(
  ws: WebSocket,
  req: IncomingMessage,
  target: SyncTarget,
  deps: SyncDeps,
): void {
  const { config, boards, rooms, log, refusals, address } = deps
  const { boardId, token } = target
  const now = deps.now ?? Date.now
  const limiter = new RateLimiter(config.maxMessagesPerSecond, config.maxBytesPerSecond)
  const backlog: Uint8Array[] = []
  let room: Room | null = null
  let closed = false
  let socket: RoomSocket | null = null
  let resumeTimer: ReturnType<typeof setTimeout> | null = null
  let expiryTimer: ReturnType<typeof setTimeout> | null = null
  /** Set once this connection broke the protocol: it is being closed and nothing more it sends is looked at. */
  let refused = false
  /** Counted once against the client's address, however the connection broke the protocol. */
  let violated = false
  const violates = () => {
    if (violated) return
    violated = true
    deps.violation?.(req)
  }
  const newAwarenessClients = new Set<number>()
  const pauseFor = (ms: number) => {
    if (resumeTimer) return
    req.socket.pause()
    resumeTimer = setTimeout(() => {
      resumeTimer = null
      req.socket.resume()
    }, ms)
  }

  // What is sent to this connection in one turn of the event loop after its first frame leaves in one write: joining
  // sends sync step 1 and the presence states, a burst of frames may be answered several times and end in a close
  // frame — one system call for the rest instead of one per frame (on a loopback or a VM a write costs about as much
  // as handling a small frame). A lone frame, as a relay is, is written at once: corking it would only add work.
  let corked = false
  let sentInTurn = -1
  const uncork = () => {
    corked = false
    req.socket.uncork()
  }
  const corkIfSentThisTurn = () => {
    const now = currentTurn()
    if (sentInTurn === now && !corked) {
      corked = true
      req.socket.cork()
      process.nextTick(uncork)
    }
    sentInTurn = now
  }
  const send = (message: Uint8Array) => {
    if (ws.readyState !== ws.OPEN) return
    corkIfSentThisTurn()
    // Small messages (relays, presence) are framed once for every connection they go to (see sharedFrame). Written
    // to the TCP socket ws writes to, in order with ws's own frames: ws's sender writes synchronously, because this
    // server sends no Blobs and has compression off (server.ts).
    if (message.byteLength <= SHARED_FRAME_MAX_BYTES) req.socket.write(sharedFrame(message))
    else ws.send(message)
  }
  const close = (code: number, reason: string) => {
    if (ws.readyState !== ws.OPEN && ws.readyState !== ws.CONNECTING) return
    if (ws.readyState === ws.OPEN) corkIfSentThisTurn()
    ws.close(code, reason)
  }
  /** Closes a connection that broke the protocol at once: it leaves the room now (nothing more is relayed to it). */
  const refuse = (code: number, reason: string) => {
    violates()
    refused = true
    backlog.length = 0
    if (room && socket) room.leave(socket)
    close(code, reason)
  }
  /** Hands a checked frame to the room, unless it floods the board's presence with client ids it never had. */
  const deliver = (joined: Room, to: RoomSocket, bytes: Uint8Array) => {
    if (refused) return
    if (bytes[0] === MessageType.awareness) {
      const known = joined.awareness.meta
      let flood = false
      frameProblem(bytes, (client, removal) => {
        if (removal || known.has(client) || newAwarenessClients.has(client)) return
        newAwarenessClients.add(client)
        if (newAwarenessClients.size > MAX_NEW_AWARENESS_CLIENTS) flood = true
      })
      if (flood) return refuse(CloseCodes.RATE_LIMITED.code, 'AWARENESS_FLOOD')
      // Presence is relayed to everyone on the board: held until this read of the connection is handled, so that
      // a connection that breaks the protocol in the same burst (as junk senders do) never shows up — nor its
      // removal — in everyone's presence. A client's presence goes out one event-loop turn later.
      heldPresence.push(bytes)
      if (heldPresence.length === 1) setImmediate(releasePresence, joined, to)
      return
    }
    joined.receive(to, bytes)
  }
  const heldPresence: Uint8Array[] = []
  const releasePresence = (joined: Room, to: RoomSocket) => {
    const held = heldPresence.splice(0)
    if (refused || closed) return
    for (const bytes of held) joined.receive(to, bytes)
  }

  /**
   * The error boundary of this connection's handlers: whatever one of them throws closes this connection alone
   * (4400 for bad input, 4500 for our own failure), logged once per kind and address.
   */
  const fail = (error: unknown, where: string) => {
    refusals.report(error, address, where, { boardId })
    const { code, reason } = closeCodeFor(error)
    try {
      if (code === CloseCodes.BAD_MESSAGE.code) refuse(code, reason)
      else close(code, reason)
    } catch (closing) {
      refusals.report(closing, address, 'closing a sync connection', { boardId })
      ws.terminate()
    }
  }
  const guarded =
    <A extends unknown[]>(where: string, handler: (...args: A) => void) =>
    (...args: A) => {
      try {
        handler(...args)
      } catch (error) {
        fail(error, where)
      }
    }

  ws.on('error', (error) => {
    // ws refuses a frame it cannot read (too large for it, bad framing, invalid UTF-8) with an error, then closes.
    const code = (error as { code?: string }).code
    if (code?.startsWith('WS_ERR_')) violates()
    refusals.note('warn', code ?? 'SOCKET_ERROR', address, `socket error: ${error.message}`, { boardId })
  })
  ws.on(
    'message',
    guarded('sync frame', (data: RawData, isBinary: boolean) => {
      // Frames already read after the connection broke the protocol are dropped unlooked-at.
      if (refused || ws.readyState !== ws.OPEN) return
      if (!isBinary) return refuse(CloseCodes.BAD_MESSAGE.code, 'TEXT_FRAME')
      const bytes = toBytes(data)
      if (bytes.byteLength > config.maxMessageBytes)
        return refuse(CloseCodes.MESSAGE_TOO_LARGE.code, 'TOO_LARGE')
      // Ahead of its allowance: stop reading from this connection until it is back within it (TCP backpressure
      // slows the sender); only a backlog of several seconds is treated as a flood.
      const aheadMs = limiter.take(bytes.byteLength)
      if (aheadMs > FLOOD_BACKLOG_MS) return refuse(CloseCodes.RATE_LIMITED.code, 'RATE_LIMITED')
      if (aheadMs > 0) pauseFor(aheadMs)
      // Framing is checked before anything is decoded: junk costs a few byte comparisons, not a decode in the room.
      const problem = frameProblem(bytes)
      if (problem) return refuse(CloseCodes.BAD_MESSAGE.code, problem)
      if (bytes[0] === MessageType.auth) return // authorisation is the link token; in-band auth is ignored
      if (room && socket) deliver(room, socket, bytes)
      else {
        if (backlog.length >= MAX_EARLY_FRAMES) return refuse(CloseCodes.RATE_LIMITED.code, 'RATE_LIMITED')
        backlog.push(bytes)
        firstMessage?.()
        answerEarly()
      }
    }),
  )

  // A first visit (empty sync step 1) to a board that is not in memory is answered from storage straight away;
  // the room, once built, sends whatever it holds beyond that.
  let firstMessage: (() => void) | null = null
  let early: ReturnType<typeof storedAsSyncStep2> | null = null
  let answered: ReturnType<typeof storedAsSyncStep2> | null = null
  const answerEarly = () => {
    if (!early || answered || room) return
    const index = backlog.findIndex(isFreshSyncStep1)
    if (index < 0) return
    backlog.splice(index, 1)
    send(early.message)
    answered = early
  }

  let held = false
  ws.on(
    'close',
    guarded('sync close', () => {
      closed = true
      if (resumeTimer) clearTimeout(resumeTimer)
      if (expiryTimer) clearTimeout(expiryTimer)
      if (room && socket) room.leave(socket)
      if (held) rooms.release(boardId)
    }),
  )

  /**
   * A link's expiry applies to the sockets opened with it: at `exp` the connection is closed with 4410 (final), and
   * frames that arrive after that are dropped unread (the message handler only reads an OPEN socket).
   */
  const expireAt = (exp: number) => {
    const left = exp * 1000 - now()
    if (left <= 0) {
      if (room && socket) room.leave(socket)
      return close(CloseCodes.TOKEN_EXPIRED.code, 'TOKEN_EXPIRED')
    }
    expiryTimer = setTimeout(
      guarded('link expiry', () => {
        expiryTimer = null
        if (!closed) expireAt(exp)
      }),
      Math.min(left, MAX_TIMER_MS),
    )
  }

  void (async () => {
    try {
      const { payload } = await boards.authorize(boardId, token)
      if (closed || refused) return
      expireAt(payload.exp)
      if (!rooms.isInMemory(boardId)) {
        // Building a large board's document takes a while; a first visit is answered from storage meanwhile.
        // Its sync step 1 follows the upgrade within a moment, so wait briefly for it before building.
        early = storedAsSyncStep2(await rooms.readStored(boardId))
        if (backlog.length === 0) {
          await new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, FIRST_MESSAGE_WAIT_MS)
            firstMessage = () => {
              clearTimeout(timer)
              resolve()
            }
          })
        }
        answerEarly()
        if (closed || refused) return
      }
      held = true
      const loaded = await rooms.acquire(boardId)
      const role = payload.r
      socket = {
        id: `s${++nextSocketId}`,
        role,
        generation: payload.g,
        send,
        // A full board (4413 BOARD_FULL) is no protocol violation: a real user's edit can meet it.
        close: (code, reason) =>
          VIOLATIONS.has(code) && reason !== 'BOARD_FULL' ? refuse(code, reason) : close(code, reason),
      }
      if (closed || refused) return
      room = loaded
      loaded.join(socket)
      const first = answered as ReturnType<typeof storedAsSyncStep2> | null
      // Nothing to catch up when the room holds exactly what was read for the first answer (saves two decodes).
      const catchUp =
        first && !loaded.holdsExactly(first.position) ? catchUpMessage(loaded, first.covers()) : null
      if (catchUp) socket.send(catchUp)
      // The stored board read for the first answer is not needed any more; this connection may live for hours.
      early = null
      answered = null
      for (const message of backlog.splice(0)) deliver(loaded, socket, message)
      log.debug({ boardId, role, socket: socket.id }, 'joined')
    } catch (error) {
      const { code, reason } = closeCodeFor(error)
      if (code === CloseCodes.INTERNAL_ERROR.code)
        refusals.report(error, address, 'sync connection', { boardId })
      else refusals.note('info', reason, address, 'sync connection refused', { boardId, reason })
      // A forged or mangled token is what guessing looks like; an expired or revoked link is not held against anyone.
      if (reason === 'TOKEN_INVALID') violates()
      close(code, reason)
    }
  })().catch((error: unknown) => fail(error, 'sync connection'))
}

/**
 * Why a frame is refused by its framing alone, or null: the message type, the sync sub-type, and every length prefix
 * must match the bytes that follow exactly, as the y-websocket client writes them (a state vector and a presence
 * update are walked entry by entry). Nothing is decoded or allocated, so junk costs a few byte reads; the content of
 * a document update is left to the room. `onAwarenessClient` sees each presence entry's client id (and whether it
 * is a removal, state `null`).
 */
export function frameProblem(
  bytes: Uint8Array,
  onAwarenessClient?: (client: number, removal: boolean) => void,
): string | null {
  const end = bytes.length
  let at = 0
  // A varuint as lib0 writes it; -1 when it runs past the end or past 2^53.
  const varUint = (): number => {
    let value = 0
    let mult = 1
    while (at < end) {
      const byte = bytes[at++]!
      value += (byte & 0x7f) * mult
      if (byte < 0x80) return value
      mult *= 128
      if (mult > Number.MAX_SAFE_INTEGER) return -1
    }
    return -1
  }
  // The type is one byte (0–3): a longer encoding of the same number would read alike but is never written.
  if (end === 0) return 'EMPTY'
  const type = bytes[at++]!
  if (type === MessageType.sync) {
    const subtype = varUint()
    if (
      subtype !== SyncMessageType.step1 &&
      subtype !== SyncMessageType.step2 &&
      subtype !== SyncMessageType.update
    )
      return 'UNKNOWN_SYNC_TYPE'
    const length = varUint()
    if (length < 0 || at + length !== end) return 'BAD_LENGTH'
    if (subtype !== SyncMessageType.step1) return length === 0 ? 'BAD_UPDATE' : null
    // A state vector: a count, then that many (client, clock) pairs.
    let entries = varUint()
    if (entries < 0) return 'BAD_STATE_VECTOR'
    while (entries-- > 0) if (varUint() < 0 || varUint() < 0) return 'BAD_STATE_VECTOR'
    return at === end ? null : 'BAD_STATE_VECTOR'
  }
  if (type === MessageType.awareness) {
    const length = varUint()
    if (length < 0 || at + length !== end) return 'BAD_LENGTH'
    // A presence update: a count, then that many (client, clock, JSON state as a length-prefixed string).
    let entries = varUint()
    if (entries < 0) return 'BAD_AWARENESS'
    while (entries-- > 0) {
      const client = varUint()
      if (client < 0 || varUint() < 0) return 'BAD_AWARENESS'
      const size = varUint()
      if (size < 0 || at + size > end) return 'BAD_AWARENESS'
      // `null` (4 bytes) is how a removed client is written.
      const removal =
        size === 4 &&
        bytes[at] === 0x6e &&
        bytes[at + 1] === 0x75 &&
        bytes[at + 2] === 0x6c &&
        bytes[at + 3] === 0x6c
      at += size
      onAwarenessClient?.(client, removal)
    }
    return at === end ? null : 'BAD_AWARENESS'
  }
  if (type === MessageType.auth) return null
  if (type === MessageType.queryAwareness) return at === end ? null : 'BAD_LENGTH'
  return 'UNKNOWN_TYPE'
}
