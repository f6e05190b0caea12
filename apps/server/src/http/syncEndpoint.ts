import type { IncomingMessage } from 'node:http'
import type { Logger } from 'pino'
import type { WebSocket } from 'ws'
import type { BoardService } from '../BoardService.ts'
import type { Config } from '../config.ts'
import { SyncConnection } from '../connection/SyncConnection.ts'
import { type ConnectionScheduler, realConnectionScheduler, TurnCounter } from '../connection/scheduler.ts'
import { messageBytes, wsSyncSocket } from '../connection/wsSyncSocket.ts'
import type { RoomManager } from '../room/RoomManager.ts'
import type { RefusalLog } from './RefusalLog.ts'

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
  /** Wall-clock milliseconds (a link's expiry); tests move it. */
  now?: () => number
  /** Whether a board is read-only for every link (archived or deleted, `src/org/workspaces`): links connect as observers. */
  readOnly?: (boardId: string) => Promise<boolean>
}

/** What the upgrade request asked for, already decoded and checked by the upgrade handler. */
export type SyncTarget = { boardId: string; token: string | null }

/**
 * What the connections of one server share: the event-loop turn counter (one end-of-turn callback per turn for all
 * of them) and the socket ids. Kept per room manager (one per server), so two servers in one process (the tests)
 * share nothing.
 */
type Shared = { turns: TurnCounter; nextSocketId: number }
const sharedByServer = new WeakMap<RoomManager, Shared>()

function sharedOf(rooms: RoomManager): Shared {
  let shared = sharedByServer.get(rooms)
  if (!shared) {
    shared = { turns: new TurnCounter(realConnectionScheduler), nextSocketId: 0 }
    sharedByServer.set(rooms, shared)
  }
  return shared
}

/**
 * Binds one `ws` connection on `/sync/:boardId?token=…` to a SyncConnection (connection/SyncConnection.ts), which
 * checks the token before anything is sent and keeps frames that arrive while the board loads.
 */
export function handleSyncConnection(
  ws: WebSocket,
  req: IncomingMessage,
  target: SyncTarget,
  deps: SyncDeps,
): void {
  const { config, boards, rooms, log, refusals, address } = deps
  const shared = sharedOf(rooms)
  const scheduler: ConnectionScheduler = deps.now
    ? { ...realConnectionScheduler, wallNow: deps.now }
    : realConnectionScheduler
  const violation = deps.violation
  const connection = new SyncConnection({
    socket: wsSyncSocket(ws, req.socket),
    boardId: target.boardId,
    token: target.token,
    authorize: async (boardId, token) => {
      const granted = await boards.authorize(boardId, token)
      if (!deps.readOnly || !(await deps.readOnly(boardId))) return granted
      return { ...granted, payload: { ...granted.payload, r: 'observer' as const } }
    },
    rooms,
    limits: config,
    refusals,
    log,
    address,
    violation: violation ? () => violation(req) : undefined,
    scheduler,
    turns: shared.turns,
    socketId: `s${++shared.nextSocketId}`,
  })
  ws.on('error', (error) => connection.socketError(error))
  ws.on('message', (data, isBinary) => connection.receive(messageBytes(data), isBinary))
  ws.on('close', () => connection.socketClosed())
  void connection.start()
}
