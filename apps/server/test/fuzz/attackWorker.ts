import { parentPort, workerData } from 'node:worker_threads'
import WebSocket from 'ws'

// Runs in its own thread, so the attacker's own work (opening sockets, sending frames) does not share an event loop
// with the server and the honest clients being measured — as with a real attacker on another machine.
const END = Uint8Array.from([42])
const { url, scripts, concurrency } = workerData as {
  url: string
  scripts: Uint8Array[][]
  concurrency: number
}
const codes = new Map<number, number>()
let next = 0
const run = async () => {
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
await Promise.all(Array.from({ length: concurrency }, run))
parentPort?.postMessage([...codes])
