import * as Y from 'yjs'
import { syncUpdateMessage } from './messages.ts'
import type { RoomSocket } from './RoomSocket.ts'

/** A change applied to the room's doc, and where it came from (a socket, the server, another instance). */
export type AppliedChange = { update: Uint8Array; origin: unknown }

/**
 * Relays what was applied. One change goes to everyone but its sender. Several changes applied together (a
 * group commit: many people editing in the same moment) go out as ONE merged update to every socket — n
 * frames instead of k × n. A sender then also gets its own change back inside it, which Yjs ignores (it has
 * those items already); only a socket that sent every one of the changes is skipped.
 */
export function relayUpdates(sockets: Iterable<RoomSocket>, collected: readonly AppliedChange[]): void {
  if (collected.length === 0) return
  const origins = new Set(collected.map((c) => c.origin))
  const update =
    collected.length === 1 ? collected[0]!.update : Y.mergeUpdates(collected.map((c) => c.update))
  const message = syncUpdateMessage(update)
  const only = origins.size === 1 ? collected[0]!.origin : undefined
  for (const socket of sockets) if (socket !== only) socket.send(message)
}
