import { fork } from 'node:child_process'
import { join } from 'node:path'
import type { Frame } from './frames.ts'

/** Frames sent per connection; each connection ends with a frame of unknown type so the server closes it. */
const PER_CONNECTION = 40

export type AttackOutcome = {
  /** How the server closed the connections: close code → count (1006: refused or cut without a close frame). */
  codes: Map<number, number>
  connections: number
  frames: number
  /** Upgrades refused with HTTP 429 (admission control) and tried again after its Retry-After. */
  refusals: number
}

/**
 * Sends the frames over many connections (`concurrency` open at a time) from a process of its own, in a session of
 * its own: like an attacker on another machine, its CPU time is not taken from the server or the honest clients
 * where the kernel shares CPU between sessions (autogroup scheduling).
 */
export function attack(url: string, frames: Frame[], concurrency = 16): Promise<AttackOutcome> {
  return prepareAttack(url, frames, concurrency).then((attacker) => attacker.start())
}

/**
 * Starts the attacker's process and hands it its frames; resolves once it is ready, with `start()` to set it
 * going. Starting a process (compiling the worker, loading `ws`) and copying megabytes of frames to it is the
 * test's own work, not the attack's: done before the honest clients' measurement begins, it is not charged to the
 * server (an attacker on another machine costs this machine nothing of that either).
 */
export function prepareAttack(
  url: string,
  frames: Frame[],
  concurrency = 16,
): Promise<{ start(): Promise<AttackOutcome> }> {
  const scripts: Uint8Array[][] = []
  for (let i = 0; i < frames.length; i += PER_CONNECTION)
    scripts.push(frames.slice(i, i + PER_CONNECTION).map((f) => f.bytes))
  const child = fork(join(import.meta.dirname, 'attackWorker.ts'), [], {
    detached: true,
    serialization: 'advanced',
    execArgv: ['--no-warnings'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
  const exited = new Promise<never>((_, reject) => {
    child.once('error', reject)
    child.once('exit', (code) => reject(new Error(`attacker exited (${code})`)))
  })
  exited.catch(() => {})
  const message = <T>() =>
    Promise.race([new Promise<T>((resolve) => child.once('message', (m: T) => resolve(m))), exited])
  child.send({ url, scripts, concurrency })
  return message<'ready'>().then(() => ({
    start: async () => {
      const done = message<{
        codes: Array<[number, number]>
        connections: number
        frames: number
        refusals: number
      }>()
      child.send('go')
      const outcome = await done
      child.disconnect()
      return { ...outcome, codes: new Map(outcome.codes) }
    },
  }))
}
