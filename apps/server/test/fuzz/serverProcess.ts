import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import type { CreateBoardResponse } from '@waardentafel/protocol'
import { NODE_FLAGS } from '../../src/nodeFlags.ts'
import { SqliteBoardStorage } from '../../src/storage/SqliteBoardStorage.ts'
import { createBoard, NO_HTTP_LIMITS, TEST_SECRET } from '../harness.ts'

const main = join(import.meta.dirname, '../../src/main.ts')
const exitWithParent = join(import.meta.dirname, 'exitWithParent.ts')

export type ServerProcess = {
  child: ChildProcess
  url: string
  wsUrl: string
  dataDir: string
  createBoard(title: string): Promise<CreateBoardResponse>
  /** A second, read-only look at the server's SQLite file (WAL: sees every committed transaction). */
  storage: SqliteBoardStorage
  /** CPU seconds the server process has used so far (user + system), from /proc. */
  cpuSeconds(): number
  stop(): Promise<void>
}

/**
 * The production entry point (`node src/main.ts`) in its own process, as it runs in production: its event loop is
 * not shared with the clients that measure it. It runs in a session of its own (`detached`), so where the kernel
 * shares CPU between sessions (autogroup scheduling, the Linux default) the server gets a session's share, and the
 * clients and the attacker of the test do not eat into it. `nodeArgs` e.g. `--cpu-prof`.
 */
export function startServerProcess(
  env: Record<string, string>,
  nodeArgs: string[] = [],
): Promise<ServerProcess> {
  const dataDir = mkdtempSync(join(tmpdir(), 'wt-fuzz-'))
  // FUZZ_SERVER_CPU_PROF=<dir>: the server writes a CPU profile there when it stops (for finding where time goes).
  const profile = process.env.FUZZ_SERVER_CPU_PROF
  if (profile) nodeArgs = [...nodeArgs, '--cpu-prof', `--cpu-prof-dir=${profile}`, '--cpu-prof-interval=250']
  const child = spawn(
    process.execPath,
    [...NODE_FLAGS, ...nodeArgs, '--no-warnings', '--import', exitWithParent, main],
    {
      detached: true,
      env: {
        ...process.env,
        PORT: '0',
        HOST: '127.0.0.1',
        DATA_DIR: dataDir,
        TOKEN_SECRET: TEST_SECRET,
        LOG_LEVEL: 'info',
        ...NO_HTTP_LIMITS,
        ...env,
      },
      stdio: ['pipe', 'pipe', 'inherit'],
    },
  )
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const ticks = 100 // USER_HZ on Linux
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`server exited early (${code})`)))
    createInterface({ input: child.stdout! }).on('line', (line) => {
      let entry: { port?: number }
      try {
        entry = JSON.parse(line)
      } catch {
        return
      }
      if (!entry.port) return
      const url = `http://127.0.0.1:${entry.port}`
      const storage = new SqliteBoardStorage(join(dataDir, 'waardentafel.sqlite'))
      resolve({
        child,
        url,
        wsUrl: url.replace('http', 'ws'),
        dataDir,
        createBoard: (title) => createBoard(url, title),
        storage,
        cpuSeconds: () => {
          const stat = readFileSync(`/proc/${child.pid}/stat`, 'utf8')
          const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
          return (Number(fields[11]) + Number(fields[12])) / ticks
        },
        stop: async () => {
          await storage.close()
          child.kill('SIGTERM')
          await exited
        },
      })
    })
  })
}
