import { CloseCodes } from '@waardentafel/protocol'

/** setTimeout takes at most 2^31-1 ms (~24.8 days); a link's expiry further out is re-armed when that passes. */
export const MAX_TIMER_MS = 2 ** 31 - 1

/** Close codes that mean the client broke the protocol (as opposed to a refused link or a server problem). */
export const VIOLATIONS: ReadonlySet<number> = new Set([
  CloseCodes.BAD_MESSAGE.code,
  CloseCodes.MESSAGE_TOO_LARGE.code,
  CloseCodes.RATE_LIMITED.code,
])

/** A connection more than this far ahead of its message/byte allowance is flooding and is closed (4429). */
export const FLOOD_BACKLOG_MS = 5000

/** How long a connection to a board not in memory waits for the client's sync step 1 before building the room. */
export const FIRST_MESSAGE_WAIT_MS = 100

/**
 * Frames kept while the board loads. A y-websocket client sends two or three (sync step 1, awareness, perhaps an
 * update) before it hears from the server; a connection that sends far more before it has joined is flooding (4429).
 */
export const MAX_EARLY_FRAMES = 64

/**
 * Presence entries a connection may introduce that the board has never seen. A y-websocket client has one (its own
 * client id); it also echoes the entries of others, which the board already knows and which are not counted. A
 * connection that keeps inventing client ids is flooding everyone's presence (4429, its frame is not relayed).
 */
export const MAX_NEW_AWARENESS_CLIENTS = 4
