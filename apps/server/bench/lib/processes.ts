import { type ChildProcess, fork } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { NODE_FLAGS } from '../../src/nodeFlags.ts'
import { wallNow } from './stats.ts'

export type ProcessEvent = { event: string; at: number; [key: string]: unknown }
export type Stats = { cpu: NodeJS.CpuUsage; memory: NodeJS.MemoryUsage; at: number }

/** A child process the bench talks to over IPC (requests with ids, plus a stream of events). */
export class Child {
  readonly process: ChildProcess
  readonly events: ProcessEvent[] = []
  readonly #pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>()
  readonly #waiters = new Set<() => void>()
  #nextId = 0
  #exited: Promise<number | null>

  constructor(child: ChildProcess) {
    this.process = child
    child.on('message', (raw) => {
      const msg = raw as { id?: number; ok?: boolean; result?: unknown; error?: string; event?: string }
      if (typeof msg.id === 'number') {
        const p = this.#pending.get(msg.id)
        this.#pending.delete(msg.id)
        if (msg.ok) p?.resolve(msg.result)
        else p?.reject(new Error(msg.error))
        return
      }
      if (msg.event) {
        this.events.push(msg as ProcessEvent)
        for (const w of [...this.#waiters]) w()
      }
    })
    this.#exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)))
    void this.#exited.then(() => {
      for (const p of this.#pending.values()) p.reject(new Error('child exited'))
      this.#pending.clear()
      for (const w of [...this.#waiters]) w()
    })
  }

  get pid(): number {
    return this.process.pid ?? -1
  }

  request<T>(type: string, arg?: unknown, timeoutMs = 600_000): Promise<T> {
    const id = ++this.#nextId
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#pending.delete(id)
        reject(new Error(`${type}: no answer within ${timeoutMs} ms`))
      }, timeoutMs)
      this.#pending.set(id, {
        resolve: (v) => {
          clearTimeout(timer)
          resolve(v as T)
        },
        reject: (e) => {
          clearTimeout(timer)
          reject(e)
        },
      })
      this.process.send({ id, type, arg })
    })
  }

  /** Resolves with the first event (from index `from` on) that matches, or rejects after the bound. */
  waitFor(match: (e: ProcessEvent) => boolean, timeoutMs: number, from = 0): Promise<ProcessEvent> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = this.events.slice(from).find(match)
        if (found) {
          done()
          resolve(found)
        } else if (this.process.exitCode !== null || this.process.signalCode !== null) {
          done()
          reject(new Error('child exited while waiting'))
        }
      }
      const timer = setTimeout(() => {
        done()
        reject(new Error(`event not seen within ${timeoutMs} ms`))
      }, timeoutMs)
      const done = () => {
        clearTimeout(timer)
        this.#waiters.delete(check)
      }
      this.#waiters.add(check)
      check()
    })
  }

  stats(): Promise<Stats> {
    return this.request<Stats>('stats')
  }

  async stop(): Promise<void> {
    if (this.process.exitCode !== null || this.process.signalCode !== null) return
    this.process.kill('SIGTERM')
    const timer = setTimeout(() => this.process.kill('SIGKILL'), 10_000)
    await this.#exited
    clearTimeout(timer)
  }
}

const here = import.meta.dirname
const require = createRequire(import.meta.url)

export type ServerKind = 'ours' | 'reference'
export type BenchServer = {
  kind: ServerKind
  child: Child
  port: number
  dataDir: string | null
  /** ws URL a client opens for `boardId` with `token` (ignored by the reference). */
  syncUrl(boardId: string, token?: string): string
  stop(): Promise<void>
}

async function listening(child: Child): Promise<number> {
  const e = await child.waitFor((e) => e.event === 'listening', 30_000)
  return e.port as number
}

/**
 * Our server (createServer + SQLite) as a child process; env is passed to its config. It runs with the production
 * V8 flags (`apps/server/node-flags`) unless `nodeArgs` replaces them (`[]`: V8's defaults).
 */
export async function startOurServer(
  env: Record<string, string> = {},
  options: { dataDir?: string; exposeGc?: boolean; nodeArgs?: string[] } = {},
): Promise<BenchServer> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'wt-bench-'))
  const child = new Child(
    fork(join(here, 'serverProcess.ts'), [], {
      execArgv: [
        '--no-warnings',
        ...(options.exposeGc ? ['--expose-gc'] : []),
        ...(options.nodeArgs ?? NODE_FLAGS),
      ],
      env: { ...process.env, ...env, DATA_DIR: dataDir },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    }),
  )
  const port = await listening(child)
  return {
    kind: 'ours',
    child,
    port,
    dataDir,
    syncUrl: (boardId, token) => `ws://127.0.0.1:${port}/sync/${boardId}?token=${token ?? ''}`,
    stop: () => child.stop(),
  }
}

/** The reference: y-websocket@1.5.4's own `bin/server.js`, unmodified, in memory, on 127.0.0.1 and a free port. */
export async function startReferenceServer(options: { exposeGc?: boolean } = {}): Promise<BenchServer> {
  const bin = join(dirname(require.resolve('y-websocket-reference/package.json')), 'bin/server.js')
  const child = new Child(
    fork(bin, [], {
      execArgv: [
        '--no-warnings',
        '--import',
        join(here, 'referenceProbe.ts'),
        ...(options.exposeGc ? ['--expose-gc'] : []),
      ],
      // No YPERSISTENCE: the reference keeps documents in memory only.
      env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', PORT: '0' },
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    }),
  )
  const port = await listening(child)
  return {
    kind: 'reference',
    child,
    port,
    dataDir: null,
    syncUrl: (boardId) => `ws://127.0.0.1:${port}/${boardId}`,
    stop: () => child.stop(),
  }
}

/** CPU share of one core used by a process between two stats samples. */
export function cpuShare(a: Stats, b: Stats): { cpuMs: number; share: number } {
  const cpuMs = (b.cpu.user - a.cpu.user + b.cpu.system - a.cpu.system) / 1000
  return { cpuMs, share: cpuMs / Math.max(1, b.at - a.at) }
}

/**
 * The clients' process is the instrument: its own pauses show up as latency of whichever server is measured. With
 * V8's default young generation (which grows to 2 × 64 MiB here) it allocates ~70 MB/s at 100 clients (every
 * arrival decoded) and now and then spent 60–120 ms in one scavenge, enough to move a 30 s run's p99 on its own, on
 * either server. 2 MiB semi-spaces keep each scavenge at ~2 ms (at most ~25 ms seen), at ~6% of its CPU.
 */
const SWARM_FLAGS = ['--max-semi-space-size=2']

/** The client swarm (raw y-websocket-protocol clients) in its own process. */
export function startSwarm(): Child {
  return new Child(
    fork(join(here, 'swarm.ts'), [], {
      execArgv: ['--no-warnings', '--max-old-space-size=2048', ...SWARM_FLAGS],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    }),
  )
}

export { wallNow }
