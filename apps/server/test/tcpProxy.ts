import { connect, createServer, type Socket } from 'node:net'

/**
 * Stands in for a load balancer in front of several instances: each new connection goes to the next
 * backend that accepts it. When an instance dies, its connections drop and clients reconnect elsewhere.
 */
export async function startProxy(
  backends: () => number[],
): Promise<{ port: number; close(): Promise<void> }> {
  let next = 0
  const open = new Set<Socket>()
  const server = createServer((client) => {
    open.add(client)
    client.on('close', () => open.delete(client))
    client.on('error', () => client.destroy())
    client.pause()
    const ports = backends()
    const tryBackend = (attempt: number) => {
      if (attempt >= ports.length) return client.destroy()
      const port = ports[(next + attempt) % ports.length]!
      const upstream = connect(port, '127.0.0.1')
      upstream.once('connect', () => {
        next = (next + attempt + 1) % Math.max(1, ports.length)
        open.add(upstream)
        upstream.on('close', () => {
          open.delete(upstream)
          client.destroy()
        })
        client.on('close', () => upstream.destroy())
        upstream.on('error', () => upstream.destroy())
        client.pipe(upstream)
        upstream.pipe(client)
        client.resume()
      })
      upstream.once('error', () => tryBackend(attempt + 1))
    }
    tryBackend(0)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  if (!address || typeof address === 'string') throw new Error('proxy did not listen')
  return {
    port: address.port,
    close: () =>
      new Promise((resolve) => {
        for (const s of open) s.destroy()
        server.close(() => resolve())
      }),
  }
}
