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
}

/**
 * Sends the frames over many connections (`concurrency` open at a time) from a process of its own, in a session of
 * its own: like an attacker on another machine, its CPU time is not taken from the server or the honest clients
 * where the kernel shares CPU between sessions (autogroup scheduling).
 */
export function attack(url: string, frames: Frame[], concurrency = 16): Promise<AttackOutcome> {
  const scripts: Uint8Array[][] = []
  for (let i = 0; i < frames.length; i += PER_CONNECTION)
    scripts.push(frames.slice(i, i + PER_CONNECTION).map((f) => f.bytes))
  const child = fork(join(import.meta.dirname, 'attackWorker.ts'), [], {
    detached: true,
    serialization: 'advanced',
    execArgv: ['--no-warnings'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
  child.send({ url, scripts, concurrency })
  return new Promise((resolve, reject) => {
    child.once(
      'message',
      (outcome: { codes: Array<[number, number]>; connections: number; frames: number }) => {
        resolve({ ...outcome, codes: new Map(outcome.codes) })
        child.disconnect()
      },
    )
    child.once('error', reject)
    child.once('exit', (code) => reject(new Error(`attacker exited (${code})`)))
  })
}
