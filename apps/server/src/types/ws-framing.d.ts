// ws exports its frame builder and reader (ws/lib/sender.js, ws/lib/receiver.js): `Sender.frame` is public for
// broadcasting one frame to many clients; the Receiver reads frames as a client does (used in tests). @types/ws
// declares neither.
import type { Writable } from 'node:stream'
import 'ws'

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
