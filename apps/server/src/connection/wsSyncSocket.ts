import type { Socket } from 'node:net'
import type { RawData, WebSocket } from 'ws'
import type { SyncSocket } from './SyncSocket.ts'

/** A `ws` WebSocket and the TCP socket under it, as a SyncConnection sees them. */
export function wsSyncSocket(ws: WebSocket, tcp: Socket): SyncSocket {
  return {
    get open() {
      return ws.readyState === ws.OPEN
    },
    get closable() {
      return ws.readyState === ws.OPEN || ws.readyState === ws.CONNECTING
    },
    send: (message) => ws.send(message),
    // In order with ws's own frames: ws's sender writes synchronously, because this server sends no Blobs and has
    // compression off (server.ts).
    writeFrame: (frame) => tcp.write(frame),
    cork: () => tcp.cork(),
    uncork: () => tcp.uncork(),
    pauseReading: () => tcp.pause(),
    resumeReading: () => tcp.resume(),
    close: (code, reason) => ws.close(code, reason),
    terminate: () => ws.terminate(),
  }
}

/** The bytes of a message as ws hands it over (one Buffer, a list of fragments, or an ArrayBuffer), without a copy. */
export function messageBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data))
  if (data instanceof ArrayBuffer) return new Uint8Array(data)
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
}
