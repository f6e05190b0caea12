import WebSocket from 'ws'

// The attacker's process (see attack.ts): receives its scripts over IPC, reports the close codes it saw, and exits
// when the test process lets go of it (or goes away).
const END = Uint8Array.from([42])
type Job = { url: string; scripts: Uint8Array[][]; concurrency: number }

async function run({ url, scripts, concurrency }: Job) {
  const codes = new Map<number, number>()
  let next = 0
  let frames = 0
  let refusals = 0
  const connection = async () => {
    while (next < scripts.length) {
      const script = scripts[next++]!
      // Refused before the upgrade (HTTP 429, the server's admission control): wait as told, then try again, so
      // that every frame still reaches the server.
      let code = await once(url, script, () => (frames += script.length + 1))
      while (code === 'retry') {
        refusals++
        code = await once(url, script, () => (frames += script.length + 1))
      }
      codes.set(code, (codes.get(code) ?? 0) + 1)
    }
  }
  await Promise.all(Array.from({ length: concurrency }, connection))
  process.send?.({ codes: [...codes], connections: scripts.length, frames, refusals })
}

/** One connection sending `script`; resolves with its close code, or 'retry' after waiting out a 429. */
function once(url: string, script: Uint8Array[], sent: () => void): Promise<number | 'retry'> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, { perMessageDeflate: false })
    const timer = setTimeout(() => ws.terminate(), 10_000)
    ws.on('unexpected-response', (req, res) => {
      clearTimeout(timer)
      const retryAfter = Number(res.headers['retry-after'] ?? 1)
      req.destroy()
      if (res.statusCode !== 429) return resolve(res.statusCode ?? 0)
      setTimeout(() => resolve('retry'), retryAfter * 1000)
    })
    ws.on('open', () => {
      for (const bytes of script) ws.send(bytes)
      ws.send(END)
      sent()
    })
    ws.on('error', () => {})
    ws.on('close', (c) => {
      clearTimeout(timer)
      resolve(c)
    })
  })
}

// The job first (answered with 'ready' once it is here), then 'go'.
process.once('message', (job: Job) => {
  process.once('message', () => void run(job))
  process.send?.('ready')
})
process.on('disconnect', () => process.exit(0))
