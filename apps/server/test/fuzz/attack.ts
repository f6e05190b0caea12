import WebSocket from 'ws'
import type { Frame } from './frames.ts'

/** Frames sent per connection; each connection ends with a frame of unknown type so the server closes it. */
const PER_CONNECTION = 40
const END = Uint8Array.from([42])

/** Sends the frames over many connections (`concurrency` open at a time); resolves with the close codes seen. */
export async function attack(url: string, frames: Frame[], concurrency = 16): Promise<Map<number, number>> {
  const codes = new Map<number, number>()
  const scripts: Uint8Array[][] = []
  for (let i = 0; i < frames.length; i += PER_CONNECTION)
    scripts.push(frames.slice(i, i + PER_CONNECTION).map((f) => f.bytes))
  let next = 0
  const worker = async () => {
    while (next < scripts.length) {
      const script = scripts[next++]!
      const code = await new Promise<number>((resolve) => {
        const ws = new WebSocket(url, { perMessageDeflate: false })
        const timer = setTimeout(() => ws.terminate(), 10_000)
        ws.on('open', () => {
          for (const bytes of script) ws.send(bytes)
          ws.send(END)
        })
        ws.on('error', () => {})
        ws.on('close', (c) => {
          clearTimeout(timer)
          resolve(c)
        })
      })
      codes.set(code, (codes.get(code) ?? 0) + 1)
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker))
  return codes
}
