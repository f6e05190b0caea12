import type { IncomingMessage } from 'node:http'
import { CloseCodes } from '@waardentafel/protocol'
import type { Logger } from 'pino'
import type { RawData, WebSocket } from 'ws'
import type { BoardService } from '../BoardService.ts'
import type { Config } from '../config.ts'
import { closeCodeFor } from '../errors.ts'
import { RateLimiter } from '../room/RateLimiter.ts'
import type { Room, RoomSocket } from '../room/Room.ts'
import type { RoomManager } from '../room/RoomManager.ts'
import { catchUpMessage, isFreshSyncStep1, storedAsSyncStep2 } from './earlyAnswer.ts'

export type SyncDeps = {
  config: Config
  boards: BoardService
  rooms: RoomManager
  log: Logger
}

let nextSocketId = 0

/** A connection more than this far ahead of its message/byte allowance is flooding and is closed (4429). */
const FLOOD_BACKLOG_MS = 5000

/** How long a connection to a board not in memory waits for the client's sync step 1 before building the room. */
const FIRST_MESSAGE_WAIT_MS = 100

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data))
  if (data instanceof ArrayBuffer) return new Uint8Array(data)
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
}

/**
 * Adapts one `ws` connection on `/sync/:boardId?token=…` to a Room. The token is checked before
 * anything is sent; frames that arrive while the board loads are kept and handled in order after.
 */
export function handleSyncConnection(ws: WebSocket, req: IncomingMessage, deps: SyncDeps): void {
  const { config, boards, rooms, log } = deps
  const url = new URL(req.url ?? '/', 'http://localhost')
  const boardId = decodeURIComponent(url.pathname.slice('/sync/'.length))
  const token = url.searchParams.get('token')
  const limiter = new RateLimiter(config.maxMessagesPerSecond, config.maxBytesPerSecond)
  const backlog: Uint8Array[] = []
  let room: Room | null = null
  let closed = false
  let socket: RoomSocket | null = null
  let resumeTimer: ReturnType<typeof setTimeout> | null = null
  const pauseFor = (ms: number) => {
    if (resumeTimer) return
    req.socket.pause()
    resumeTimer = setTimeout(() => {
      resumeTimer = null
      req.socket.resume()
    }, ms)
  }

  const close = (code: number, reason: string) => {
    if (ws.readyState === ws.OPEN || ws.readyState === ws.CONNECTING) ws.close(code, reason)
  }

  ws.on('error', (error) => log.warn({ err: error, boardId }, 'socket error'))
  ws.on('message', (data, isBinary) => {
    const bytes = toBytes(data)
    if (!isBinary) return close(CloseCodes.BAD_MESSAGE.code, 'TEXT_FRAME')
    if (bytes.byteLength > config.maxMessageBytes)
      return close(CloseCodes.MESSAGE_TOO_LARGE.code, 'TOO_LARGE')
    // Ahead of its allowance: stop reading from this connection until it is back within it (TCP backpressure
    // slows the sender); only a backlog of several seconds is treated as a flood.
    const aheadMs = limiter.take(bytes.byteLength)
    if (aheadMs > FLOOD_BACKLOG_MS) return close(CloseCodes.RATE_LIMITED.code, 'RATE_LIMITED')
    if (aheadMs > 0) pauseFor(aheadMs)
    if (room && socket) room.receive(socket, bytes)
    else {
      backlog.push(bytes)
      firstMessage?.()
      answerEarly()
    }
  })

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
    if (ws.readyState === ws.OPEN) ws.send(early.message)
    answered = early
  }

  let held = false
  ws.on('close', () => {
    closed = true
    if (resumeTimer) clearTimeout(resumeTimer)
    if (room && socket) room.leave(socket)
    if (held) rooms.release(boardId)
  })

  void (async () => {
    try {
      const { payload } = await boards.authorize(boardId, token)
      if (closed) return
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
        if (closed) return
      }
      held = true
      const loaded = await rooms.acquire(boardId)
      const role = payload.r
      socket = {
        id: `s${++nextSocketId}`,
        role,
        generation: payload.g,
        send: (message) => {
          if (ws.readyState === ws.OPEN) ws.send(message)
        },
        close,
      }
      if (closed) return
      room = loaded
      loaded.join(socket)
      const first = answered as ReturnType<typeof storedAsSyncStep2> | null
      // Nothing to catch up when the room holds exactly what was read for the first answer (saves two decodes).
      const catchUp =
        first && !loaded.holdsExactly(first.position) ? catchUpMessage(loaded, first.covers()) : null
      if (catchUp) socket.send(catchUp)
      for (const message of backlog.splice(0)) loaded.receive(socket, message)
      log.debug({ boardId, role, socket: socket.id }, 'joined')
    } catch (error) {
      const { code, reason } = closeCodeFor(error)
      if (code === CloseCodes.INTERNAL_ERROR.code)
        log.error({ err: error, boardId }, 'sync connection failed')
      else log.info({ boardId, reason }, 'sync connection refused')
      close(code, reason)
    }
  })()
}
