import type { SyncSocket } from '../SyncSocket.ts'

/**
 * A SyncSocket that records what a connection does to it, in order: messages sent (whether through the library's
 * framing or as a pre-built frame, unwrapped again), corks, pauses and the close.
 */
export class FakeSyncSocket implements SyncSocket {
  readyState: 'open' | 'closing' | 'closed' = 'open'
  /** Every message sent, as the client would read it. */
  readonly sent: Uint8Array[] = []
  /** What happened, in order: 'send', 'cork', 'uncork', 'pause', 'resume', 'close', 'terminate'. */
  readonly events: string[] = []
  closed: { code: number; reason: string } | null = null

  get open(): boolean {
    return this.readyState === 'open'
  }

  get closable(): boolean {
    return this.readyState === 'open'
  }

  send(message: Uint8Array): void {
    this.events.push('send')
    this.sent.push(message)
  }

  writeFrame(frame: Uint8Array): void {
    this.events.push('send')
    this.sent.push(payloadOf(frame))
  }

  cork(): void {
    this.events.push('cork')
  }

  uncork(): void {
    this.events.push('uncork')
  }

  pauseReading(): void {
    this.events.push('pause')
  }

  resumeReading(): void {
    this.events.push('resume')
  }

  close(code: number, reason: string): void {
    this.events.push('close')
    this.closed = { code, reason }
    this.readyState = 'closing'
  }

  terminate(): void {
    this.events.push('terminate')
    this.readyState = 'closed'
  }
}

/** The payload of an unmasked binary WebSocket frame, as the server writes them (RFC 6455 §5.2). */
function payloadOf(frame: Uint8Array): Uint8Array {
  if (frame[0] !== 0x82) throw new Error(`not a final binary frame: ${frame[0]}`)
  const short = frame[1]! & 0x7f
  if (short < 126) return frame.subarray(2, 2 + short)
  if (short === 126) return frame.subarray(4, 4 + ((frame[2]! << 8) | frame[3]!))
  throw new Error('frame too large for a shared frame')
}
