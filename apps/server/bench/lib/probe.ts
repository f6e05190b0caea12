import { wallNow } from './stats.ts'

/** A request from the bench to a child process over IPC, answered with `{ id, ok, result | error }`. */
export type ProbeRequest = { id: number; type: string; arg?: unknown }
export type ProbeHandler = (arg: unknown) => unknown

/**
 * Lets the bench ask a child process (our server or the reference server) for its own
 * `process.cpuUsage()` and memory, and collect garbage first when run with --expose-gc.
 */
export function installProbe(handlers: Record<string, ProbeHandler> = {}): void {
  const all: Record<string, ProbeHandler> = {
    stats: () => ({ cpu: process.cpuUsage(), memory: process.memoryUsage(), at: wallNow() }),
    gc: () => {
      const gc = (globalThis as { gc?: () => void }).gc
      if (!gc) throw new Error('run with --expose-gc')
      for (let i = 0; i < 3; i++) gc()
      return { memory: process.memoryUsage(), at: wallNow() }
    },
    ...handlers,
  }
  process.on('message', (raw) => {
    const msg = raw as ProbeRequest
    if (typeof msg?.id !== 'number') return
    Promise.resolve()
      .then(() => {
        const handler = all[msg.type]
        if (!handler) throw new Error(`unknown probe request ${msg.type}`)
        return handler(msg.arg)
      })
      .then(
        (result) => process.send?.({ id: msg.id, ok: true, result }),
        (error: unknown) => process.send?.({ id: msg.id, ok: false, error: String(error) }),
      )
  })
}

export function emit(event: string, data: Record<string, unknown>): void {
  process.send?.({ event, at: wallNow(), ...data })
}
