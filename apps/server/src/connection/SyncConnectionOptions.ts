import type { TokenPayload } from '@waardentafel/protocol'
import type { RefusalLog } from '../http/RefusalLog.ts'
import type { Room } from '../room/Room.ts'
import type { SyncSocket } from './SyncSocket.ts'
import type { ConnectionScheduler, TurnCounter } from './scheduler.ts'
import type { StoredBoard } from './storedAnswer.ts'

/**
 * Where a connection is. `authenticating`: its link token is being checked, nothing is sent. `syncing`: the board
 * is being loaded; frames are kept (a first visit may be answered from storage). `live`: it is in the board's room,
 * its frames go there. `closing`: it was closed or broke the protocol, nothing it sends is looked at. `closed`: its
 * socket is gone and it has left the room.
 */
export type ConnectionState = 'authenticating' | 'syncing' | 'live' | 'closing' | 'closed'

/** What a connection needs of a board's room: its public methods, nothing more (the room is unit-tested alone). */
export type ConnectionRoom = Pick<
  Room,
  'join' | 'leave' | 'receive' | 'holdsExactly' | 'encodeStateAsUpdate'
> & { readonly awareness: { readonly meta: ReadonlyMap<number, unknown> } }

/** What a connection needs of the room manager. */
export type ConnectionRooms = {
  isInMemory(boardId: string): boolean
  readStored(boardId: string): Promise<StoredBoard>
  /** Takes a hold on the board's room, loading it if needed; paired with one `release`. */
  acquire(boardId: string): Promise<ConnectionRoom>
  release(boardId: string): void
}

export type ConnectionLimits = {
  maxMessageBytes: number
  maxMessagesPerSecond: number
  maxBytesPerSecond: number
}

export type SyncConnectionOptions = {
  socket: SyncSocket
  boardId: string
  token: string | null
  /** Checks the link (signature, board, expiry, revocation); throws an AppError when it is refused. */
  authorize(boardId: string, token: string | null): Promise<{ payload: TokenPayload }>
  rooms: ConnectionRooms
  limits: ConnectionLimits
  /** Where the error boundaries log what they catch (throttled per client address). */
  refusals: Pick<RefusalLog, 'report' | 'note'>
  log: { debug(context: object, message: string): void }
  /** The client's address, for the log. */
  address: string
  /** Told (once) when this connection breaks the protocol: admission control counts it against the address. */
  violation?: () => void
  scheduler: ConnectionScheduler
  turns: TurnCounter
  /** Unique among this server's connections (the room tells its sockets apart by it). */
  socketId: string
}
