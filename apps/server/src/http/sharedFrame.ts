import type { Writable } from 'node:stream'
import { Sender } from 'ws'

// ws exports its frame builder and reader (ws/lib/sender.js, ws/lib/receiver.js): `Sender.frame` is public for
// broadcasting one frame to many clients; the Receiver reads frames as a client does (used in the tests). @types/ws
// declares neither.
declare module 'ws' {
  export const Sender: {
    frame(
      data: Buffer,
      options: { fin: boolean; opcode: number; mask: boolean; readOnly: boolean; rsv1: boolean },
    ): Buffer[]
  }
  export class Receiver extends Writable {
    constructor(options?: { isServer?: boolean; maxPayload?: number })
  }
}

/**
 * Messages up to this size are framed once and written as one buffer to every connection they go to; larger ones
 * (a first sync of a big board) go through `ws.send`, which writes header and payload without copying the payload.
 */
export const SHARED_FRAME_MAX_BYTES = 64 * 1024

const FRAME_OPTIONS = { fin: true, opcode: 2, mask: false, readOnly: false, rsv1: false } as const

let lastMessage: Uint8Array | null = null
let lastFrame: Buffer | null = null

/**
 * The bytes of one binary WebSocket frame (server to client: unmasked, uncompressed) carrying `message`, built by
 * ws's own framer (`Sender.frame`, public for exactly this: broadcasting one frame to many clients). The room hands
 * the same message object to every socket it relays to, so the frame of the last message is kept: one framing
 * and one small allocation per relay instead of one `ws.send` (Buffer view, header, cork, writev) per socket.
 */
export function sharedFrame(message: Uint8Array): Buffer {
  if (message === lastMessage && lastFrame) return lastFrame
  const data = Buffer.from(message.buffer, message.byteOffset, message.byteLength)
  const [header, payload] = Sender.frame(data, FRAME_OPTIONS)
  const frame = payload ? Buffer.concat([header!, payload]) : header!
  lastMessage = message
  lastFrame = frame
  return frame
}
