import { describe, expect, it } from 'vitest'
import { Receiver } from 'ws'
import { sharedFrame } from './sharedFrame.ts'

/** Reads frames the way a ws client does (ws's own Receiver), returning the binary messages in them. */
function readFrames(bytes: Buffer): Buffer[] {
  const messages: Buffer[] = []
  const receiver = new Receiver({ isServer: false })
  receiver.on('message', (data: Buffer, isBinary: boolean) => {
    expect(isBinary).toBe(true)
    messages.push(data)
  })
  receiver.write(bytes)
  return messages
}

describe('sharedFrame', () => {
  it('frames a message once for every socket it goes to, as one binary WebSocket frame of any length class', () => {
    for (const length of [1, 125, 126, 65_535, 65_536]) {
      const message = new Uint8Array(length).map((_, i) => i % 251)
      const frame = sharedFrame(message)
      expect(sharedFrame(message), 'the same frame for the same message').toBe(frame)
      expect(readFrames(frame)).toEqual([Buffer.from(message)])
    }
  })

  it('frames a message that sits inside a larger buffer by its own bytes only', () => {
    const backing = new Uint8Array(64).fill(1)
    const message = backing.subarray(10, 20).fill(7)
    expect(readFrames(sharedFrame(message))).toEqual([Buffer.from(message)])
  })
})
