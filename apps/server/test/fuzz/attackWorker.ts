import WebSocket from 'ws'

// The attacker's process (see attack.ts): receives its scripts over IPC, reports the close codes it saw, and exits
// when the test process lets go of it (or goes away).
const END = Uint8Array.from([42])
type Job = { url: string; scripts: Uint8Array[][]; concurrency: number }

async function run({ url, scripts, concurrency }: Job) {
  const codes = new Map<number, number>()
  let next = 0
  let frames = 0
  const connection = async () => {
    while (next < scripts.length) {
      const script = scripts[next++]!
      const code = await new Promise<number>((resolve) => {
        const ws = new WebSocket(url, { perMessageDeflate: false })
        const timer = setTimeout(() => ws.terminate(), 10_000)
        ws.on('open', () => {
          for (const bytes of script) ws.send(bytes)
          ws.send(END)
          frames += script.length + 1
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
  await Promise.all(Array.from({ length: concurrency }, connection))
  process.send?.({ codes: [...codes], connections: scripts.length, frames })
}

process.once('message', (job: Job) => void run(job))
process.on('disconnect', () => process.exit(0))
