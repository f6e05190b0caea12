import { type ChildProcess, spawn } from 'node:child_process'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { NODE_FLAGS } from '../src/nodeFlags.ts'
import { NO_HTTP_LIMITS, TEST_SECRET } from './harness.ts'

const main = join(import.meta.dirname, '../src/main.ts')

export type ServerProcess = {
  child: ChildProcess
  port: number
  url: string
  exited: Promise<number | null>
  /** The process's last log lines (JSON), for a failing test to show what the server saw. */
  logs: string[]
}

const KEPT_LOG_LINES = 200

/** Starts the real server process (`node src/main.ts`, production V8 flags) and resolves once it listens. */
export function startProcess(env: Record<string, string>): Promise<ServerProcess> {
  const child = spawn(process.execPath, [...NODE_FLAGS, '--no-warnings', main], {
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      TOKEN_SECRET: TEST_SECRET,
      LOG_LEVEL: 'info',
      ...NO_HTTP_LIMITS,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve))
  const logs: string[] = []
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`server exited early (${code})`)))
    createInterface({ input: child.stdout! }).on('line', (line) => {
      logs.push(line)
      if (logs.length > KEPT_LOG_LINES) logs.shift()
      let entry: { port?: number }
      try {
        entry = JSON.parse(line)
      } catch {
        return
      }
      if (entry.port)
        resolve({ child, port: entry.port, url: `http://127.0.0.1:${entry.port}`, exited, logs })
    })
  })
}
