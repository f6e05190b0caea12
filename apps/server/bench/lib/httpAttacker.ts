import { readFileSync } from 'node:fs'

// Child-process entry of the attack bench: sends HTTP requests at the server the way an anonymous attacker would,
// from its own process (and session), and reports how the server answered. `spoof`: each request claims another
// address in X-Forwarded-For (the bench server trusts it), standing in for many machines.

type Order =
  | { kind: 'create'; url: string; count: number; concurrency: number; spoof: boolean }
  | { kind: 'import'; url: string; file: string; copies: number; spoof: boolean }

let nextAddress = 1
const address = () => {
  const n = nextAddress++
  return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`
}

async function send(url: string, body: string | Buffer, spoof: boolean): Promise<number> {
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(spoof ? { 'x-forwarded-for': address() } : {}) },
      body,
    })
    await res.arrayBuffer()
    return res.status
  } catch {
    return 0 // the server closed the connection (e.g. after refusing a body at its byte cap)
  }
}

async function run(order: Order): Promise<Record<number, number>> {
  const statuses: Record<number, number> = {}
  const count = (status: number) => {
    statuses[status] = (statuses[status] ?? 0) + 1
  }
  if (order.kind === 'create') {
    let left = order.count
    const worker = async () => {
      while (left-- > 0) count(await send(`${order.url}/api/boards`, '{"title":"flood"}', order.spoof))
    }
    await Promise.all(Array.from({ length: order.concurrency }, worker))
  } else {
    const body = readFileSync(order.file)
    const all = Array.from({ length: order.copies }, () =>
      send(`${order.url}/api/boards/import`, body, order.spoof),
    )
    for (const status of await Promise.all(all)) count(status)
  }
  return statuses
}

process.on('message', (order: Order) => {
  const t0 = performance.now()
  run(order).then(
    (statuses) => process.send?.({ statuses, ms: performance.now() - t0 }),
    (error) => process.send?.({ error: String(error) }),
  )
})
process.send?.('ready')
